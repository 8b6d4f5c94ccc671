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

/** A pattern matching any of `words` as a whole word (ids hold dots and hyphens, so `\b` is not enough). */
function wordsPattern(words: readonly string[], flags: string): RegExp | null {
  const unique = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (unique.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}_.-])(?:${unique.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])`, `u${flags}`);
}

/** A function replacing person ids in a text by the people's names (the pattern is built once). */
export function idsToNames(names: PersonNames): (text: string) => string {
  const pattern = wordsPattern([...names.keys()], 'g');
  return (text) => (pattern ? text.replace(pattern, (id) => names.get(id) ?? id) : text);
}

/** A copy of `value` with every person's id and name (and each of `more`, e.g. GitHub handles), in every string, replaced by WITHHELD. */
export function redactPeople<T>(value: T, names: PersonNames, more: readonly string[] = []): T {
  return peopleRedactor(names, more)(value);
}

/** redactPeople for many values: the pattern of every person (thousands of words) is built once. */
export function peopleRedactor(names: PersonNames, more: readonly string[] = []): <T>(value: T) => T {
  const pattern = wordsPattern([...names.keys(), ...names.values(), ...more], 'gi');
  if (!pattern) return (value) => value;
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replace(pattern, WITHHELD);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return <T>(value: T) => walk(value) as T;
}
