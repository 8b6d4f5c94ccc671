/**
 * `cop check --format github`: GitHub Actions workflow commands, so findings appear as annotations
 * on the pull request. One command per finding, then a plain summary line:
 *
 * ```text
 * ::error file=cops/aws/charter.yaml,line=3,col=5,endLine=3,endColumn=9,title=person-exists::Lead "jdoe" is not in people.yaml
 * 1 problem (1 error, 0 warnings) in 42 files.
 * ```
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import type { DiagnosticsRenderer } from '../diagnostics-format.js';
import { fullMessage, severityLabel, sortDiagnostics, summaryLine } from './shared.js';

/** Escapes a workflow command's message: `%`, CR and LF. */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: as the message, plus `:` and `,`. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(d: Diagnostic): string {
  const properties: [string, string | number][] = [
    ['file', d.file],
    ['line', d.start.line],
    ['col', d.start.column],
  ];
  if (d.end) properties.push(['endLine', d.end.line], ['endColumn', d.end.column]);
  properties.push(['title', d.ruleId]);
  const props = properties.map(([key, value]) => `${key}=${escapeGithubProperty(String(value))}`).join(',');
  return `::${severityLabel(d.severity)} ${props}::${escapeGithubData(fullMessage(d))}`;
}

export const github: DiagnosticsRenderer = (report) =>
  [...sortDiagnostics(report.diagnostics).map(command), summaryLine(report.summary)].join('\n') + '\n';
