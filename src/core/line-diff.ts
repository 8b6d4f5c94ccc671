/**
 * A line-by-line difference of two texts, for "which lines differ" messages (the CODEOWNERS and
 * README drift findings). jsdiff's `diffArrays` (Myers' O(ND) algorithm) does the work; this
 * module only names each changed line and where it sits in the old text.
 *
 * Myers is fast when few lines change (the usual drift: a CoP added, a sponsor changed) and slow
 * when nearly all do (a longer path re-aligns every CODEOWNERS line). So when the lines between
 * the common head and tail share no line at all, they are simply replaced (that is the smallest
 * diff, found without searching); and past MAX_EDITS added and removed lines jsdiff gives up and
 * the same replacement is reported: still a correct diff, just not always the smallest.
 * `npm run bench` measures it against the quadratic LCS it replaced (scripts/bench/line-diff.mjs).
 */
import { createRequire } from 'node:module';

/** jsdiff, loaded when texts differ: most runs compare equal blocks and never need it (start-up). */
const jsdiff = () => createRequire(import.meta.url)('diff') as typeof import('diff');

export interface LineChange {
  /** `-` a line only the old text has, `+` a line only the new text has. */
  sign: '-' | '+';
  text: string;
  /** 0-based index of the line in the old text (`-`), or of the old line it would precede (`+`). */
  oldIndex: number;
}

/** More changed lines than this and the middle is reported as replaced (see above). */
export const MAX_EDITS = 1000;

export function lineDiff(oldLines: readonly string[], newLines: readonly string[]): LineChange[] {
  const middle = replacedMiddle(oldLines, newLines);
  const newMiddle = new Set(middle[2].value);
  const shareALine = middle[1].value.some((line) => newMiddle.has(line));
  const parts = (shareALine && jsdiff().diffArrays([...oldLines], [...newLines], { maxEditLength: MAX_EDITS })) || middle;
  const changes: LineChange[] = [];
  let oldIndex = 0;
  for (const part of parts) {
    if (part.added) {
      for (const text of part.value) changes.push({ sign: '+', text, oldIndex });
    } else if (part.removed) {
      for (const text of part.value) changes.push({ sign: '-', text, oldIndex: oldIndex++ });
    } else {
      oldIndex += part.value.length;
    }
  }
  return changes;
}

/** The common head and tail kept, everything between them removed then added (jsdiff's change shape). */
type Part = { value: string[]; added: boolean; removed: boolean };

function replacedMiddle(oldLines: readonly string[], newLines: readonly string[]): [Part, Part, Part] {
  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head++;
  let tail = 0;
  while (tail < oldLines.length - head && tail < newLines.length - head && oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]) tail++;
  return [
    { value: oldLines.slice(0, head), added: false, removed: false },
    { value: oldLines.slice(head, oldLines.length - tail), added: false, removed: true },
    { value: newLines.slice(head, newLines.length - tail), added: true, removed: false },
  ];
}
