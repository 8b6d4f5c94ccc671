/**
 * The line-by-line reader of plain block YAML must give exactly what js-yaml gives under the fast
 * parse's schema wherever it answers, and refuse the rest. Checked on the bundled files, on a table
 * of forms at its edges, and on generated documents with random edits (fast-check).
 */
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readBlockYaml } from '../../src/workspace/block-yaml.js';
import { CORE_1_2, plainValue } from '../../src/workspace/fast-parse.js';
import { blockYamlDocuments, bundledTexts } from '../helpers/block-yaml-documents.js';

/** js-yaml's answer, or `refused` when it throws. */
function jsyamlOf(text: string): unknown {
  try {
    return jsyaml.load(text, { schema: CORE_1_2 });
  } catch {
    return 'refused';
  }
}

/** Holds the reader to js-yaml on `text`; true when it answered. */
function agrees(text: string): boolean {
  const answer = readBlockYaml(text, plainValue);
  if (answer === undefined) return false;
  expect(answer, JSON.stringify(text)).toStrictEqual(jsyamlOf(text));
  return true;
}

const MEETING = `# yaml-language-server: $schema=../../../schemas/meeting.schema.json
date: 2026-03-04
title: "Shared examples: code review"
format: shared-examples # a comment
duration_minutes: 45
attendees:
  - ada
  - alan
preparation:
  - person: ada
    hours: 1.5
costs:
- category: refreshments
  amount: 33.9
  description: 'Coffee, and the baker''s biscuits'
notes: plain text with a:colon, a #hash and "quotes"
`;

describe('the block YAML reader', () => {
  it('reads every bundled meeting log without a block scalar, as js-yaml does', () => {
    const texts = bundledTexts();
    const meetings = texts.filter((text) => text.includes('meeting.schema.json') && !/: *[|>]/.test(text));
    expect(meetings.some((text) => text.includes('goals: ['))).toBe(true);
    expect(meetings.length).toBeGreaterThan(20);
    for (const text of meetings) expect(agrees(text), text).toBe(true);
    for (const text of texts) agrees(text);
  });

  it('reads the forms a data file is written in', () => {
    expect(agrees(MEETING)).toBe(true);
    expect(readBlockYaml(MEETING, plainValue)).toMatchObject({ duration_minutes: 45, format: 'shared-examples', costs: [{ amount: 33.9, description: "Coffee, and the baker's biscuits" }] });
    for (const text of ['a: [x, -1, .5, ~, true, 0x1F, -y]', 'a: []\nb: [ ]\nc: [ x ,y ] # c', 'a:\n  - [x]\n  - p: [1]', 'a: 1', 'a: ~\nb: null\nc: true\nd: 0x1F\ne: .5\nf: -3\ng: 1e3\nh: .inf', 'a: "x" # c\nb: \'\'', 'a:\n  b:\n    c:\n    - d', 'a:\n\n  # c\n  b: 1\n# end']) {
      expect(agrees(text), text).toBe(true);
    }
  });

  it('reads each key as written, whatever keys it met before, and judges a key by the scalars it is given', () => {
    // Keys of one length and first letter share a bucket of keys met before (more than it keeps).
    for (const key of ['title', 'tithe', 'tiles', 'timer', 'tires', 'title', 'tithe']) {
      expect(readBlockYaml(`${key}: x\n`, plainValue)).toStrictEqual({ [key]: 'x' });
    }
    expect(readBlockYaml('a: 1\nab: 2\nabc: 3\n', plainValue)).toStrictEqual({ a: 1, ab: 2, abc: 3 });
    // Long keys are not kept, and read as written each time.
    for (const key of ['k'.repeat(100), `${'k'.repeat(99)}j`, 'k'.repeat(100)]) expect(readBlockYaml(`${key}: 1\n`, plainValue)).toStrictEqual({ [key]: 1 });
    const asText = (text: string) => text;
    expect(readBlockYaml('True: 1\n', asText)).toStrictEqual({ True: '1' });
    expect(readBlockYaml('True: 1\n', plainValue)).toBeUndefined();
  });

  it.each([
    ['a flow list over two lines', 'a: [x,\n  y]\n'],
    ['a flow list with a trailing comma', 'a: [x,]\n'],
    ['a flow list with an empty entry', 'a: [x,,y]\n'],
    ['a flow list in a flow list', 'a: [[x]]\n'],
    ['a quoted word in a flow list', 'a: ["x"]\n'],
    ['a pair in a flow list', 'a: [x: y]\n'],
    ['two words in one entry', 'a: [x y]\n'],
    ['a lone dash in a flow list', 'a: [-]\n'],
    ['a text after a flow list', 'a: [x] y\n'],
    ['a comment glued to a flow list', 'a: [x]#c\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['a literal block', 'a: |\n  x\n'],
    ['a folded block', 'a: >\n  x\n'],
    ['an anchor', 'a: &x 1\n'],
    ['an alias', 'a: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['an escape', 'a: "x\\ty"\n'],
    ['a plain scalar over two lines', 'a: x\n  y\n'],
    ['a quoted scalar over two lines', 'a: "x\n  y"\n'],
    ['a quoted key', '"a": 1\n'],
    ['a key with a dash', 'a-b: 1\n'],
    ['a number as a key', '1: x\n'],
    ['null as a key', 'null: x\n'],
    ['true as a key', 'True: x\n'],
    ['__proto__ as a key', '__proto__: x\n'],
    ['a repeated key', 'a: 1\na: 2\n'],
    ['an empty value', 'a:\nb: 1\n'],
    ['an empty value at the end', 'a: 1\nb:\n'],
    ['a colon and a space in a value', 'a: b: c\n'],
    ['a value ending in a colon', 'a: b:\n'],
    ['a text after a quote', 'a: "b" c\n'],
    ['a comment glued to a quote', 'a: "b"#c\n'],
    ['a tab', 'a:\t1\n'],
    ['a carriage return', 'a: 1\r\nb: 2\r\n'],
    ['a byte-order mark', '\uFEFFa: 1\n'],
    ['a control character', 'a: x\u0007y\n'],
    ['a line separator', 'a: x\u2028y\n'],
    ['a surrogate pair', 'a: \u{1F600}\n'],
    ['an indented document', '  a: 1\n'],
    ['a sequence document', '- a\n'],
    ['a scalar document', 'text\n'],
    ['a document marker', '---\na: 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a lone dash', 'a:\n  -\n    b: 1\n'],
    ['a sequence in a sequence', 'a:\n  - - b\n'],
    ['a deeper line after a value', 'a: 1\n  b: 2\n'],
    ['a shallower key', 'a:\n    b: 1\n  c: 2\n'],
    ['a sequence item at the wrong indent', 'a:\n  - b\n   - c\n'],
    ['a mapping over its item, misaligned', 'a:\n  - b: 1\n     c: 2\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a reserved indicator', 'a: @b\n'],
    ['a dash as a value', 'a: - b\n'],
    ['nesting past the limit', `${Array.from({ length: 20 }, (_, i) => `${' '.repeat(i * 2)}k:`).join('\n')}\n${' '.repeat(40)}v: 1\n`],
    ['only comments', '# a\n# b\n'],
    ['nothing', ''],
  ])('leaves %s to js-yaml', (_, text) => {
    expect(readBlockYaml(text, plainValue)).toBeUndefined();
  });

  it('agrees with js-yaml on generated documents, edited at random', () => {
    const documents = blockYamlDocuments();
    const edit = fc.tuple(fc.nat(), fc.constantFrom('', ' ', '  ', '\n', ':', ': ', '- ', '#', ' #', '"', "'", '[', '{', '|', '&', '*', '!', '~', '\t', '\r', '0', 'x'), fc.nat(3));
    let answered = 0;
    fc.assert(
      fc.property(documents, fc.array(edit, { maxLength: 2 }), (text, edits) => {
        if (agrees(text)) answered++;
        let edited = text;
        for (const [at, piece, cut] of edits) {
          const where = at % (edited.length + 1);
          edited = edited.slice(0, where) + piece + edited.slice(where + cut);
        }
        agrees(edited);
      }),
      { numRuns: 3000, seed: 26 },
    );
    // Not a vacuous pass: the generated documents are mostly plain block YAML.
    expect(answered).toBeGreaterThan(400);
  });
});
