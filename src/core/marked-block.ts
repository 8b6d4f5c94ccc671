/**
 * A generated block between two marker lines inside a file people also write by hand
 * (CODEOWNERS, READMEs): find it, replace it keeping every line outside it, and say which lines
 * of it differ from what the generator would write now.
 */
import { lineEndingOf } from './line-endings.js';
import { lineDiff } from './line-diff.js';

export interface Markers {
  /** The first line of the block as the generator writes it. */
  begin: string;
  /** How any version's first line starts (the rest of it may change, e.g. a date). */
  beginPrefix: string;
  /** The last line of the block. */
  end: string;
}

/** A line that differs between the file's block and the generated one. */
export interface StaleLine {
  sign: '-' | '+';
  text: string;
  /** 1-based line in the file: of the line itself (`-`), or where it belongs (`+`). */
  line: number;
}

export type BlockState = { kind: 'current' } | { kind: 'no-block' } | { kind: 'stale'; lines: StaleLine[] };

export const splitLines = (text: string) => text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');

/** Where the block sits: 0-based line indexes of its markers. */
export function findBlock(lines: readonly string[], markers: Markers): { begin: number; end: number } | undefined {
  const begin = lines.findIndex((line) => line.startsWith(markers.beginPrefix));
  if (begin < 0) return undefined;
  const end = lines.findIndex((line, i) => i > begin && line.trim() === markers.end);
  return end < 0 ? undefined : { begin, end };
}

/**
 * The file with its block replaced, or, without one, the block placed after (or before) the
 * hand-written lines; in the file's own line endings (a CRLF file stays CRLF).
 */
export function mergeBlock(existing: string | undefined, body: readonly string[], markers: Markers, where: 'append' | 'prepend' = 'append'): string {
  const block = [markers.begin, ...body, markers.end];
  if (existing === undefined || existing.trim() === '') return `${block.join('\n')}\n`;
  const eol = lineEndingOf(existing);
  const lines = splitLines(existing);
  const found = findBlock(lines, markers);
  const merged = found ? [...lines.slice(0, found.begin), ...block, ...lines.slice(found.end + 1)] : where === 'append' ? [...lines, '', ...block] : [...block, '', ...lines];
  return `${merged.join(eol)}${eol}`;
}

/** How the file's block compares with `body`; the begin marker line counts as generated too. */
export function compareBlock(text: string, body: readonly string[], markers: Markers): BlockState {
  const lines = splitLines(text);
  const found = findBlock(lines, markers);
  if (!found) return { kind: 'no-block' };
  const changes = lineDiff(lines.slice(found.begin + 1, found.end), body);
  const markerFixed: StaleLine[] = lines[found.begin] === markers.begin
    ? []
    : [{ sign: '-', text: lines[found.begin]!, line: found.begin + 1 }, { sign: '+', text: markers.begin, line: found.begin + 1 }];
  if (changes.length === 0 && markerFixed.length === 0) return { kind: 'current' };
  return { kind: 'stale', lines: [...markerFixed, ...changes.map((c) => ({ sign: c.sign, text: c.text, line: found.begin + 2 + c.oldIndex }))] };
}
