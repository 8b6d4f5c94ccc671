/** People withheld from free text: the trie-shaped pattern matches what one flat alternation of the words, longest first, matches. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idsToNames, peopleRedactor, WITHHELD, wordsPattern } from '../../src/view/redact.js';

/** The definition: every word in one alternation, longest first, between the same boundaries. */
function flatPattern(words: readonly string[], flags: string): RegExp | null {
  const unique = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (unique.length === 0) return null;
  const escaped = unique.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}_.-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])`, `gu${flags}`);
}

const replaced = (pattern: RegExp | null, text: string) => (pattern ? text.replace(pattern, (m) => `<${m}>`) : text);

// Words and texts from a small alphabet with look-alikes, so words share prefixes, differ by case and meet boundaries.
const char = fc.constantFrom('a', 'A', 'b', 'B', 's', 'S', 'ſ', 'k', 'K', 'K', 'é', 'É', '.', '-', '_', ' ', '1', '(', '*', '[', 'ß');
const word = fc.array(char, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));

describe('wordsPattern', () => {
  for (const flags of ['', 'i'] as const) {
    it(`matches what the flat alternation matches (flags "${flags}")`, () => {
      fc.assert(
        fc.property(fc.array(word, { maxLength: 12 }), fc.array(fc.oneof(word, char), { maxLength: 12 }), (words, parts) => {
          const text = parts.join('');
          expect(replaced(wordsPattern(words, flags), text)).toBe(replaced(flatPattern(words, flags), text));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('takes the longest word that ends on a boundary, whatever the case', () => {
    const pattern = wordsPattern(['ZOE', 'zoe zhang', 'zoe.z'], 'i')!;
    expect('Zoe Zhang and zoe.zeta met ZOE.'.replace(pattern, '#')).toBe('# and zoe.zeta met #.');
  });

  it('is null without words', () => {
    expect(wordsPattern(['', ''], 'i')).toBeNull();
  });
});

describe('people in free text', () => {
  const names = new Map([['zoe.zhang', 'Zoe Zhang'], ['kai.zhang3', 'Kai Zhang']]);

  it('withholds ids, names and handles in every string of a value', () => {
    const redact = peopleRedactor(names, ['zz-gh']);
    expect(redact({ title: 'Kai Zhang and ZOE ZHANG', notes: ['by @zz-gh', 'zoe.zhang.'], n: 3 })).toEqual({ title: `${WITHHELD} and ${WITHHELD}`, notes: [`by @${WITHHELD}`, `${WITHHELD}.`], n: 3 });
  });

  it('names the people an id stands for, case and all', () => {
    expect(idsToNames(names)('asked kai.zhang3, not Kai.zhang3 or kai.zhang33')).toBe('asked Kai Zhang, not Kai.zhang3 or kai.zhang33');
  });

  it("withholds the 60k bench's 3,000 people (12,000 names, ids and handles) from 10,000 strings", () => {
    const many = new Map(Array.from({ length: 3000 }, (_, i) => [`person.${i}`, `Given${i % 97} Family${i}`]));
    const handles = Array.from({ length: 3000 }, (_, i) => `handle-${i}`);
    const redact = peopleRedactor(many, handles);
    const texts = Array.from({ length: 10_000 }, (_, i) => `Meeting ${i}: notes on the design review; Given${(i % 3000) % 97} Family${i % 3000} led it with person.${(i * 7) % 3000}.`);
    const out = redact(texts);
    expect(out[5]).toBe(`Meeting 5: notes on the design review; ${WITHHELD} led it with ${WITHHELD}.`);
    expect(out.every((t) => !/Family|person\./.test(t))).toBe(true);
  });
});
