/**
 * People in free text. Named, a person id in a generated sentence reads better as their name;
 * anonymised, every string of the site and its API (titles, topics, notes, rationale…) loses every person's
 * id and name, so nothing a coordinator typed can leak one.
 */

/** Person id → display name. */
export type PersonNames = ReadonlyMap<string, string>;

/** What an anonymised site shows where a person was named. */
export const WITHHELD = '(name withheld)';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern matching any of `words` as a whole word (ids hold dots and hyphens, so `\b` is not
 * enough), the longest where several start at a place. The words are one alternation shaped as
 * a trie (`ab(?:c|d)` for abc and abd): a flat list of 12,000 names, ids and handles (3,000
 * people) was tried word by word at every character of every string, and an anonymised site of
 * 60,000 meetings took over a quarter of an hour.
 */
export function wordsPattern(words: readonly string[], flags: '' | 'i'): RegExp | null {
  const root = trieOf(words.filter((w) => w.length > 0), flags === 'i' ? caseKey : (c) => c);
  if (root.next.size === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}_.-])${alternation(root)}(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])`, `gu${flags}`);
}

interface TrieNode {
  /** A word ends here. */
  end: boolean;
  /** The next character (one code point) → the node after it, by the character's key. */
  next: Map<string, { char: string; node: TrieNode }>;
}

function trieOf(words: readonly string[], keyOf: (char: string) => string): TrieNode {
  const root: TrieNode = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const char of word) {
      const key = keyOf(char);
      let edge = node.next.get(key);
      if (!edge) node.next.set(key, (edge = { char, node: { end: false, next: new Map() } }));
      node = edge.node;
    }
    node.end = true;
  }
  return root;
}

/** The trie below `node` as a regular expression: longer words first (a greedy empty branch last), so the longest word that ends on a word boundary wins. */
function alternation(node: TrieNode): string {
  const branches = [...node.next.values()].map(({ char, node: after }) => escapeRegExp(char) + (after.next.size === 0 ? '' : alternation(after)));
  if (node.end) branches.push('');
  return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
}

const caseKeys = new Map<string, string>();
/**
 * One key for the characters a case-insensitive pattern takes as one (`s`, `S` and `ſ`), so each
 * is one branch of the trie: two branches could both match, and the first could end a word the
 * other would have matched whole. The key is the least of the character's case mappings that the
 * pattern takes as the same character.
 */
function caseKey(char: string): string {
  let key = caseKeys.get(char);
  if (key === undefined) {
    const same = new RegExp(`^${escapeRegExp(char)}$`, 'iu');
    key = [char, char.toLowerCase(), char.toUpperCase(), char.toUpperCase().toLowerCase(), char.toLowerCase().toUpperCase()]
      .filter((mapped) => [...mapped].length === 1 && same.test(mapped))
      .sort()[0]!;
    caseKeys.set(char, key);
  }
  return key;
}

/** A function replacing person ids in a text by the people's names (the pattern is built once). */
export function idsToNames(names: PersonNames): (text: string) => string {
  const pattern = wordsPattern([...names.keys()], '');
  return (text) => (pattern ? text.replace(pattern, (id) => names.get(id) ?? id) : text);
}

/**
 * A function copying a value with every person's id and name (and each of `more`, e.g. GitHub
 * handles), in every string, replaced by WITHHELD: the pattern of every person is built once.
 */
export function peopleRedactor(names: PersonNames, more: readonly string[] = []): <T>(value: T) => T {
  const pattern = wordsPattern([...names.keys(), ...names.values(), ...more], 'i');
  if (!pattern) return (value) => value;
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replace(pattern, WITHHELD);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return <T>(value: T) => walk(value) as T;
}
