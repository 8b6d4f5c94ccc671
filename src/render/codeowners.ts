/** What `cop codeowners --check` and `--write` print: the lines that differ, the owner problems, or JSON. */
import type { StaleLine } from '../core/marked-block.js';
import { escapeTerminal } from '../output/terminal.js';

/** A problem that keeps CODEOWNERS from requiring the right approval, with its place. */
export interface PositionedProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * `cop codeowners --format json`: one object.
 *
 * ```json
 * {
 *   "file": ".github/CODEOWNERS",          // relative to the data root
 *   "prefix": "",                          // the data root relative to the repository ('' or 'dir/')
 *   "state": "stale",                      // current | stale | no-block | missing | malformed | written
 *   "lines": ["/cops/aws/charter.yaml @stacyleblanc", "…"],   // the generated block's lines
 *   "differences": [{ "sign": "-", "text": "…", "line": 4 }], // file lines that differ (`-` in the file, `+` called for)
 *   "problems": [{ "file": "cops/aws/charter.yaml", "line": 48, "column": 10, "message": "…" }]  // a malformed file's broken marker lines too
 * }
 * ```
 */
export interface CodeownersJson {
  file: string;
  prefix: string;
  state: 'current' | 'stale' | 'no-block' | 'missing' | 'malformed' | 'written';
  lines: string[];
  differences: StaleLine[];
  problems: PositionedProblem[];
}

export function codeownersJson(report: CodeownersJson): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function problemsText(problems: readonly PositionedProblem[]): string {
  return problems.map((p) => `${escapeTerminal(p.file)}:${p.line}:${p.column}: ${escapeTerminal(p.message)}\n`).join('');
}

/** The `--check` verdict in words, then the differing lines in a unified style; the file's name and lines through the plain-text layer. */
export function checkText(given: CodeownersJson): string {
  const report = { ...given, file: escapeTerminal(given.file) };
  const out: string[] = [];
  switch (report.state) {
    case 'current':
      out.push(`${report.file} is up to date.`);
      break;
    case 'missing':
      out.push(`${report.file} does not exist: run \`cop codeowners --write\` to create it.`);
      break;
    case 'no-block':
      out.push(`${report.file} has no generated block: run \`cop codeowners --write\` to add it (the lines already there are kept).`);
      break;
    case 'malformed':
      out.push(`${report.file} was not compared: its generated block's marker lines are broken (see below).`);
      break;
    case 'stale':
    case 'written':
      out.push(`${report.file} is out of date with the charters: run \`cop codeowners --write\`. Lines that differ (- in the file, + called for):`);
      for (const d of report.differences) out.push(`${d.sign} ${escapeTerminal(d.text)}    (line ${d.line})`);
      break;
  }
  return `${out.join('\n')}\n`;
}

/** What `--write` says it did. */
export function writeText(given: CodeownersJson): string {
  const report = { ...given, file: escapeTerminal(given.file) };
  if (report.state === 'malformed') return `${report.file} was not written: its generated block's marker lines are broken (see below).\n`;
  return report.state === 'written' ? `Wrote ${report.file} (${report.lines.length} generated lines).\n` : `${report.file} is already up to date.\n`;
}
