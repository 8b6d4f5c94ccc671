/** What `cop readme` prints: each README's state, and for a stale one the lines that differ; or JSON. */
import type { MarkerProblem, StaleLine } from '../core/marked-block.js';
import { escapeTerminal } from '../output/terminal.js';

/**
 * `cop readme --format json`: one object.
 *
 * ```json
 * {
 *   "as_of": "2026-11-30",
 *   "files": [
 *     { "file": "cops/aws/README.md",   // relative to the data root
 *       "state": "stale",                // current | stale | no-block | missing | malformed (a check), written | unchanged (--write)
 *       "as_of": "2026-11-20",           // the date the file was compared or written as of
 *       "differences": [{ "sign": "+", "text": "| Sponsor | … |", "line": 9 }] }  // `-` in the file, `+` from the data
 *       // a malformed file (markers that make no single block) also has "problems": [{ "line": 3, "message": "…" }]
 *   ]
 * }
 * ```
 */
export interface ReadmeJson {
  as_of: string;
  files: ReadmeFileJson[];
}

export interface ReadmeFileJson {
  file: string;
  state: 'current' | 'stale' | 'no-block' | 'missing' | 'malformed' | 'written' | 'unchanged';
  as_of: string;
  differences: StaleLine[];
  problems?: MarkerProblem[];
}

/** `file:line: message` for each reason a file's markers make no single block. */
export function markerProblemsText(file: string, problems: readonly MarkerProblem[]): string[] {
  return problems.map((p) => `${escapeTerminal(file)}:${p.line}: ${escapeTerminal(p.message)}`);
}

/** One README's state in words; its name and differing lines (data) through the plain-text layer. */
function fileText(given: ReadmeFileJson): string {
  const file = { ...given, file: escapeTerminal(given.file) };
  switch (file.state) {
    case 'current':
      return `${file.file} is up to date (as of ${file.as_of}).`;
    case 'unchanged':
      return `${file.file} is already up to date.`;
    case 'written':
      return `Wrote ${file.file} (as of ${file.as_of}).`;
    case 'missing':
      return `${file.file} does not exist: run \`cop readme --write\`.`;
    case 'no-block':
      return `${file.file} has no generated block: run \`cop readme --write\` (the text already there is kept).`;
    case 'malformed':
      return [`${file.file} was not compared: its generated block's marker lines are broken.`, ...markerProblemsText(file.file, file.problems ?? [])].join('\n');
    case 'stale':
      return [
        `${file.file} is out of date with the data as of ${file.as_of}: run \`cop readme --write\`. Lines that differ (- in the file, + from the data):`,
        ...file.differences.map((d) => `${d.sign} ${escapeTerminal(d.text)}    (line ${d.line})`),
      ].join('\n');
  }
}

export function readmeText(report: ReadmeJson): string {
  return `${report.files.map(fileText).join('\n')}\n`;
}
