/** "Did you mean …?" for a mistyped name: the candidates within a small edit distance. */

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Candidates at most a third of the word's length away (and at least 1), closest first. */
export function suggest(word: string, candidates: Iterable<string>): string[] {
  const limit = Math.max(1, Math.floor(word.length / 3));
  return [...candidates]
    .map((candidate) => ({ candidate, distance: candidate.includes(word) || word.includes(candidate) ? 0 : editDistance(word, candidate) }))
    .filter(({ distance }) => distance <= limit)
    .sort((x, y) => x.distance - y.distance)
    .map(({ candidate }) => candidate);
}

/** ` Did you mean \`a\` or \`b\`?` (leading space included) for the closest candidates, or '' when none is close. */
export function didYouMean(word: string, candidates: Iterable<string>, most = 3): string {
  const close = suggest(word, candidates).slice(0, most).map((c) => `\`${c}\``);
  if (close.length === 0) return '';
  return ` Did you mean ${close.length === 1 ? close[0] : `${close.slice(0, -1).join(', ')} or ${close.at(-1)}`}?`;
}

/** The message for a CoP id that names no CoP with a charter. */
export function unknownCop(id: string, ids: Iterable<string>): string {
  return `No CoP \`${id}\` with a charter.${didYouMean(id, ids)} \`cop ls\` lists them.`;
}
