/**
 * A generated block between two marker lines inside a file people also write by hand
 * (CODEOWNERS, READMEs): find it, replace it keeping every line outside it, and say which lines
 * of it differ from what the generator would write now.
 *
 * A marker is only a whole line that IS the marker (a hand-written comment that starts like one
 * is the author's text), and in Markdown only outside fenced code. A file whose markers do not
 * make exactly one block (two begins, an end without a begin, a marker in a fence …) is never
 * rewritten: guessing which lines are generated would delete someone's.
 */
import { lineEndingOf } from './line-endings.js';
import { lineDiff } from './line-diff.js';

export interface Markers {
  /** The first line of the block as the generator writes it. */
  begin: string;
  /** Any version's first line, whole (the generator may record something in it, e.g. a date). */
  beginPattern: RegExp;
  /** The last line of the block. */
  end: string;
  /** Whether the file is Markdown: a marker inside a ``` or ~~~ fence is code, not a marker. */
  fenced: boolean;
}

/** A line that differs between the file's block and the generated one. */
export interface StaleLine {
  sign: '-' | '+';
  text: string;
  /** 1-based line in the file: of the line itself (`-`), or where it belongs (`+`). */
  line: number;
}

/** Why a file's markers do not make one block, at a 1-based line. */
export interface MarkerProblem {
  line: number;
  message: string;
}

export type BlockState =
  | { kind: 'current' }
  | { kind: 'no-block' }
  | { kind: 'stale'; lines: StaleLine[] }
  | { kind: 'malformed'; problems: MarkerProblem[] };

/** Thrown by mergeBlock for a file whose markers do not make one block: the file must not be rewritten. */
export class MalformedBlockError extends Error {
  override name = 'MalformedBlockError';
  constructor(readonly problems: MarkerProblem[]) {
    super(problems.map((p) => `line ${p.line}: ${p.message}`).join('; '));
  }
}

const BOM = '\uFEFF';

/** The file's lines without their endings (and without a leading byte order mark). */
export const splitLines = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');

/** An opening code fence (CommonMark: up to 3 spaces, then 3 or more ` or ~; a ` fence's info has no `). */
const FENCE_OPEN = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;

interface MarkerLine {
  kind: 'begin' | 'end';
  /** 0-based. */
  index: number;
  /** 0-based line of the fence the marker sits in, if any. */
  fence?: number;
}

/** Every line that is exactly a marker, and the fence it sits in. */
function markerLines(lines: readonly string[], markers: Markers): MarkerLine[] {
  const found: MarkerLine[] = [];
  let fence: { index: number; char: string; length: number } | undefined;
  for (const [index, line] of lines.entries()) {
    const kind = markers.beginPattern.test(line) ? 'begin' : line === markers.end ? 'end' : undefined;
    if (kind) found.push(fence ? { kind, index, fence: fence.index } : { kind, index });
    if (!markers.fenced) continue;
    if (fence) {
      const close = new RegExp(`^ {0,3}\\${fence.char}{${fence.length},}[ \\t]*$`);
      if (close.test(line)) fence = undefined;
    } else {
      const open = FENCE_OPEN.exec(line)?.[1];
      if (open) fence = { index, char: open[0]!, length: open.length };
    }
  }
  return found;
}

/** Whether any line of the file is exactly a marker (in a fence or not). */
export function hasMarkerLine(text: string, markers: Markers): boolean {
  return markerLines(splitLines(text), markers).length > 0;
}

type Located = { kind: 'none' } | { kind: 'block'; begin: number; end: number } | { kind: 'malformed'; problems: MarkerProblem[] };

const REFUSE = 'cop will not rewrite the file until it holds exactly one generated block; mend the marker lines by hand';

/** Where the block sits (0-based line indexes of its markers), or why the markers make no single block. */
export function locateBlock(lines: readonly string[], markers: Markers): Located {
  const found = markerLines(lines, markers);
  const problems: MarkerProblem[] = [];
  for (const m of found) {
    if (m.fence !== undefined) problems.push({ line: m.index + 1, message: `A block marker inside the code fence opened at line ${m.fence + 1}: ${REFUSE} (change this line inside the fence, e.g. indent it, so it is no longer a marker).` });
  }
  const outside = found.filter((m) => m.fence === undefined);
  const begins = outside.filter((m) => m.kind === 'begin');
  const ends = outside.filter((m) => m.kind === 'end');
  if (begins.length > 1) {
    for (const m of begins.slice(1)) problems.push({ line: m.index + 1, message: `A second begin marker (the first is at line ${begins[0]!.index + 1}): ${REFUSE}.` });
  }
  if (ends.length > 1) {
    for (const m of ends.slice(1)) problems.push({ line: m.index + 1, message: `A second end marker (the first is at line ${ends[0]!.index + 1}): ${REFUSE}.` });
  }
  const begin = begins[0];
  const end = ends[0];
  if (end && (!begin || end.index < begin.index)) problems.push({ line: end.index + 1, message: `An end marker without a begin marker before it: ${REFUSE}.` });
  if (begin && (!end || end.index < begin.index)) problems.push({ line: begin.index + 1, message: `A begin marker without an end marker after it: ${REFUSE}.` });
  if (problems.length > 0) return { kind: 'malformed', problems: problems.sort((a, b) => a.line - b.line) };
  return begin && end ? { kind: 'block', begin: begin.index, end: end.index } : { kind: 'none' };
}

/** A generated line is one line: a line break from the data would split it (and a lone CR make the file stale for ever). */
const oneLine = (line: string) => line.replace(/\r\n|[\r\n]/g, ' ');

/**
 * The file with its block replaced, or, without one, the block placed after (or before) the
 * hand-written lines; in the file's own line endings (a CRLF file stays CRLF), its byte order mark
 * kept. Throws MalformedBlockError for a file whose markers do not make one block.
 */
export function mergeBlock(existing: string | undefined, body: readonly string[], markers: Markers, where: 'append' | 'prepend' = 'append'): string {
  const block = [markers.begin, ...body.map(oneLine), markers.end];
  const bom = existing?.startsWith(BOM) ? BOM : '';
  if (existing === undefined || existing.slice(bom.length).trim() === '') return `${bom}${block.join('\n')}\n`;
  const eol = lineEndingOf(existing);
  const lines = splitLines(existing);
  const found = locateBlock(lines, markers);
  if (found.kind === 'malformed') throw new MalformedBlockError(found.problems);
  const merged = found.kind === 'block'
    ? [...lines.slice(0, found.begin), ...block, ...lines.slice(found.end + 1)]
    : where === 'append' ? [...lines, '', ...block] : [...block, '', ...lines];
  return `${bom}${merged.join(eol)}${eol}`;
}

/** How the file's block compares with `body`; the begin marker line counts as generated too. */
export function compareBlock(text: string, body: readonly string[], markers: Markers): BlockState {
  const lines = splitLines(text);
  const found = locateBlock(lines, markers);
  if (found.kind === 'malformed') return found;
  if (found.kind === 'none') return { kind: 'no-block' };
  const changes = lineDiff(lines.slice(found.begin + 1, found.end), body.map(oneLine));
  const markerFixed: StaleLine[] = lines[found.begin] === markers.begin
    ? []
    : [{ sign: '-', text: lines[found.begin]!, line: found.begin + 1 }, { sign: '+', text: markers.begin, line: found.begin + 1 }];
  if (changes.length === 0 && markerFixed.length === 0) return { kind: 'current' };
  return { kind: 'stale', lines: [...markerFixed, ...changes.map((c) => ({ sign: c.sign, text: c.text, line: found.begin + 2 + c.oldIndex }))] };
}

/** A pattern that matches exactly `text`, as a whole line. */
export const wholeLine = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
