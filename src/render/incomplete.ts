/**
 * The banner a read command puts at the top of its output when it left files with errors out
 * (src/workspace/leave-out.ts), so nobody mistakes a partial report for a whole one; and the same
 * list as `incomplete` in JSON. CSV and iCalendar have no place for it: their commands say it on
 * stderr, and every format exits 1.
 */
import { code, codeSpans, list, markdown, paragraph } from '../output/markdown.js';
import { escapeTerminal } from '../output/terminal.js';
import type { LeftOutFile } from '../workspace/leave-out.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function effectWords(file: LeftOutFile): string {
  switch (file.effect) {
    case 'meeting-left-out':
      return `a meeting of ${file.cop}, left out of its figures`;
    case 'output-left-out':
      return `an output of ${file.cop}, left out of its figures`;
    case 'cop-left-out':
      return `the charter of ${file.cop}: the whole CoP is left out`;
    case 'not-used':
      return 'used as it is: its errors change no figure here';
  }
}

/** The banner as sentences: a headline, then one line per file (path, then what leaving it out did). */
export interface IncompleteBanner {
  headline: string;
  files: { file: string; effect: string }[];
}

export function incompleteLines(leftOut: readonly LeftOutFile[]): IncompleteBanner | undefined {
  if (leftOut.length === 0) return undefined;
  const out = leftOut.filter((f) => f.effect !== 'not-used').length;
  const headline = out > 0
    ? `Incomplete: ${plural(out, 'file', 'files')} with errors ${out === 1 ? 'was' : 'were'} left out, so the figures below exclude ${out === 1 ? 'it' : 'them'}. Fix with \`cop check\`.`
    : `Incomplete: ${plural(leftOut.length, 'file has', 'files have')} errors that do not change the figures below. Fix with \`cop check\`.`;
  return { headline, files: leftOut.map((f) => ({ file: f.file, effect: effectWords(f) })) };
}

/** `incomplete` added to a JSON output (the last key), unchanged when nothing was left out. */
function jsonWithIncomplete(json: string, leftOut: readonly LeftOutFile[]): string {
  if (leftOut.length === 0) return json;
  return `${JSON.stringify({ ...(JSON.parse(json) as object), incomplete: leftOut }, null, 2)}\n`;
}

/** The banner for a terminal or a plain-text file (file names through the plain-text layer), ending in a blank line; '' when nothing was left out. */
function incompleteText(leftOut: readonly LeftOutFile[]): string {
  const banner = incompleteLines(leftOut);
  if (!banner) return '';
  return `${[banner.headline, ...banner.files.map((f) => `  ${escapeTerminal(f.file)}: ${f.effect}`)].join('\n')}\n\n`;
}

/** The banner as Markdown (the files as code, through the Markdown layer); '' when nothing was left out. */
function incompleteMarkdown(leftOut: readonly LeftOutFile[]): string {
  const banner = incompleteLines(leftOut);
  if (!banner) return '';
  return markdown([paragraph(...codeSpans(banner.headline)), list(banner.files.map((f) => [code(f.file), `: ${f.effect}`]))]);
}

/** How a format carries the banner: at the top of text or Markdown, a key in JSON, or only on stderr (CSV, iCalendar). */
type BannerKind = 'text' | 'markdown' | 'json' | 'stderr';

function bannerKindOf(format: string): BannerKind {
  if (format === 'json') return 'json';
  if (format === 'markdown') return 'markdown';
  if (format === 'csv' || format === 'finance-csv' || format === 'ics') return 'stderr';
  return 'text';
}

/** The output with the banner where its format carries it, and what goes to stderr. */
export function withIncomplete(output: string, format: string, leftOut: readonly LeftOutFile[]): { stdout: string; stderr: string } {
  if (leftOut.length === 0) return { stdout: output, stderr: '' };
  switch (bannerKindOf(format)) {
    case 'json':
      return { stdout: jsonWithIncomplete(output, leftOut), stderr: '' };
    case 'stderr':
      return { stdout: output, stderr: incompleteText(leftOut) };
    case 'markdown':
      return { stdout: `${incompleteMarkdown(leftOut)}\n${output}`, stderr: '' };
    case 'text':
      return { stdout: incompleteText(leftOut) + output, stderr: '' };
  }
}
