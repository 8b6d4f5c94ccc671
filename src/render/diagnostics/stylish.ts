/**
 * The default `cop check` format, modelled on ESLint's "stylish": findings grouped under their file,
 * one aligned line each, then a summary. Colour only when `report.color`.
 *
 * ```text
 * cops/aws/charter.yaml
 *   3:5   error    Lead "jdoe" is not in people.yaml  person-exists
 *   12:1  warning  No meeting in the last 90 days     cop-active
 *
 * ✖ 2 problems (1 error, 1 warning), 1 suppressed
 * ```
 */
import { Chalk } from 'chalk';
import { docsOf, skippedNote, type DiagnosticsRenderer } from '../diagnostics-format.js';
import { groupByFile, problemCounts, severityLabel, summaryLine, suppressedNote } from './shared.js';

const INDENT = '  ';

/** An OSC 8 terminal hyperlink: the text shows, the terminal opens the URL on click. */
export const hyperlink = (text: string, url: string): string => `\u001b]8;;${url}\u0007${text}\u001b]8;;\u0007`;
const GAP = '  ';

export const stylish: DiagnosticsRenderer = (report) => {
  const chalk = new Chalk({ level: report.color ? 1 : 0 });
  const { summary } = report;

  if (report.diagnostics.length === 0) return `${chalk.green('✔')} ${summaryLine(summary)}\n`;

  const blocks: string[] = [];
  for (const [file, findings] of groupByFile(report.diagnostics)) {
    const rows = findings.map((d) => ({
      position: `${d.start.line}:${d.start.column}`,
      severity: severityLabel(d.severity),
      messageLines: d.message.split(/\r\n|\r|\n/),
      ruleId: d.ruleId,
      docs: docsOf(report, d.ruleId),
    }));
    const positionWidth = Math.max(...rows.map((r) => r.position.length));
    const severityWidth = Math.max(...rows.map((r) => r.severity.length));
    const messageWidth = Math.max(...rows.flatMap((r) => r.messageLines.map((l) => l.length)));
    const messageIndent = ' '.repeat(INDENT.length + positionWidth + GAP.length + severityWidth + GAP.length);

    const lines = [chalk.underline(file)];
    for (const row of rows) {
      const paint = row.severity === 'error' ? chalk.red : chalk.yellow;
      const [first = '', ...rest] = row.messageLines;
      // The rule id follows the first line of the message; further lines sit under the message column.
      const head =
        INDENT +
        chalk.dim(row.position.padEnd(positionWidth)) +
        GAP +
        paint(row.severity.padEnd(severityWidth)) +
        GAP +
        first.padEnd(messageWidth) +
        GAP +
        chalk.dim(report.hyperlinks && row.docs ? hyperlink(row.ruleId, row.docs) : row.ruleId);
      lines.push(head, ...rest.map((l) => messageIndent + l));
    }
    const skipped = report.skipped?.find((s) => s.file === file);
    if (skipped) lines.push(INDENT + chalk.dim(`note: ${skippedNote(skipped)}`));
    blocks.push(lines.join('\n'));
  }

  const paintSummary = summary.errors > 0 ? chalk.red.bold : chalk.yellow.bold;
  return `${blocks.join('\n\n')}\n\n${paintSummary(`✖ ${problemCounts(summary)}${suppressedNote(summary)}`)}\n`;
};
