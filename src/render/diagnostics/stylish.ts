/**
 * The default `cop check` format, modelled on ESLint's "stylish": findings grouped under their file,
 * one line each (position and severity aligned), the rule id after the message, then a summary.
 * Colour only when `report.color`. A message wider than `report.width` wraps between words under
 * its column; a rule id never breaks (it ends the message's last line, or takes a line of its own).
 *
 * ```text
 * cops/aws/charter.yaml
 *   3:5   error    Lead "jdoe" is not in people.yaml  person-exists
 *   12:1  warning  No meeting in the last 90 days  cop-active
 *
 * ✖ 2 problems (1 error, 1 warning), 1 suppressed
 * ```
 *
 * A message is one value: the data it quotes (a key, a name) goes through the plain-text layer with
 * it, so a line break or an escape sequence in the data is shown, never obeyed.
 */
import type { Chalk } from 'chalk';
import { escapeTerminal } from '../../output/terminal.js';
import { docsOf, skippedNote, type DiagnosticsReport } from '../diagnostics-format.js';
import { fitsNarrow } from '../narrow-text.js';
import { groupByFile, problemCounts, severityLabel, summaryLine, suppressedNote } from './shared.js';

const INDENT = '  ';
const GAP = '  ';
/** A message is never wrapped narrower than this, however narrow the terminal. */
const MIN_MESSAGE_WIDTH = 20;

/** How a message is measured and wrapped: render/table.ts (string-width and wrap-ansi). */
export type TextLayout = Pick<typeof import('../table.js'), 'displayWidth' | 'wrapWords'>;

/** The layout of messages that are all narrow and fit (stylish checks that first): none wraps. */
const FITTING: TextLayout = { displayWidth: (text) => text.length, wrapWords: (text) => [text] };

/** An OSC 8 terminal hyperlink: the text shows, the terminal opens the URL on click. */
export const hyperlink = (text: string, url: string): string => `\u001b]8;;${url}\u0007${text}\u001b]8;;\u0007`;

/** A file's findings as rows, with the indentation their messages continue under. */
function fileBlocks(report: DiagnosticsReport) {
  return [...groupByFile(report.diagnostics)].map(([file, findings]) => {
    const rows = findings.map((d) => ({
      position: `${d.start.line}:${d.start.column}`,
      severity: severityLabel(d.severity),
      ruleId: escapeTerminal(d.ruleId),
      // The message and its rule id: one text, wrapped as one.
      text: `${escapeTerminal(d.message)}${GAP}${escapeTerminal(d.ruleId)}`,
      docs: docsOf(report, d.ruleId),
      detail: (d.detail ?? []).map((line) => escapeTerminal(line)),
    }));
    const positionWidth = Math.max(...rows.map((r) => r.position.length));
    const severityWidth = Math.max(...rows.map((r) => r.severity.length));
    const messageIndent = ' '.repeat(INDENT.length + positionWidth + GAP.length + severityWidth + GAP.length);
    return { file, rows, positionWidth, severityWidth, messageIndent };
  });
}

/** The message and its rule id in lines of at most `width` columns, broken only between words; the rule id whole, last. */
function messageLines(text: string, width: number, layout: TextLayout): string[] {
  if (layout.displayWidth(text) <= width) return [text];
  return layout.wrapWords(text, Math.max(MIN_MESSAGE_WIDTH, width));
}

/** What stylishText draws with, loaded by its caller: how messages are measured and wrapped, and chalk. */
export interface StylishTools {
  layout: TextLayout;
  Chalk: typeof Chalk;
}

/** The line a report without findings is: the tick painted by the caller. */
const cleanLine = (tick: string, report: DiagnosticsReport) => `${tick} ${summaryLine(report.summary)}\n`;

/**
 * The report as stylish text. Start-up is most of a small repository's check, so this loads only
 * what the report needs: nothing for a clean run without colour (CI, a pipe), chalk for the
 * rest, and the text layout (string-width, wrap-ansi) only when a message is not all narrow
 * characters or may not fit.
 */
export async function stylish(report: DiagnosticsReport): Promise<string> {
  if (report.diagnostics.length === 0 && !report.color) return cleanLine('✔', report);
  const width = report.width ?? Infinity;
  const fits = fileBlocks(report).every((block) => block.rows.every((row) => fitsNarrow(row.text, width - block.messageIndent.length)));
  const [{ Chalk }, layout] = await Promise.all([import('chalk'), fits ? FITTING : import('../table.js')]);
  return stylishText(report, { layout, Chalk });
}

/** The report as stylish text, drawn with `tools`. */
export function stylishText(report: DiagnosticsReport, { layout, Chalk }: StylishTools): string {
  const chalk = new Chalk({ level: report.color ? 1 : 0 });
  const { summary } = report;
  const width = report.width ?? Infinity;

  if (report.diagnostics.length === 0) return cleanLine(chalk.green('✔'), report);

  const blocks: string[] = [];
  for (const { file, rows, positionWidth, severityWidth, messageIndent } of fileBlocks(report)) {
    const lines = [chalk.underline(escapeTerminal(file))];
    for (const row of rows) {
      const paint = row.severity === 'error' ? chalk.red : chalk.yellow;
      const ruleId = chalk.dim(report.hyperlinks && row.docs ? hyperlink(row.ruleId, row.docs) : row.ruleId);
      const wrapped = messageLines(row.text, width - messageIndent.length, layout);
      // The rule id ends the last line (wrapping trims, so it is that line's end): styled in place.
      const last = wrapped.pop()!;
      wrapped.push(`${last.slice(0, last.length - row.ruleId.length)}${ruleId}`);
      const head = INDENT + chalk.dim(row.position.padEnd(positionWidth)) + GAP + paint(row.severity.padEnd(severityWidth)) + GAP;
      lines.push(...wrapped.map((line, i) => (i === 0 ? head : messageIndent) + line));
      lines.push(...row.detail.map((line) => messageIndent + chalk.dim(line)));
    }
    const skipped = report.skipped?.find((s) => s.file === file);
    if (skipped) lines.push(INDENT + chalk.dim(`note: ${escapeTerminal(skippedNote(skipped))}`));
    blocks.push(lines.join('\n'));
  }

  const paintSummary = summary.errors > 0 ? chalk.red.bold : chalk.yellow.bold;
  return `${blocks.join('\n\n')}\n\n${paintSummary(`✖ ${problemCounts(summary)}${suppressedNote(summary)}`)}\n`;
}
