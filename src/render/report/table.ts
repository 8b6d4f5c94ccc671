/** `cop report --format table`: aligned columns within `width`; over-budget figures marked "over" (and red with colour). */
import { Chalk } from 'chalk';
import type { Report } from '../../budget/types.js';
import { escapeTerminal } from '../../output/terminal.js';
import { paintedTable, wrapLines } from '../table.js';
import { layout } from './sections.js';

export function reportTable(report: Report, color: boolean, width = Infinity): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const text = layout(report, {
    title: (text) => chalk.bold(escapeTerminal(text)),
    heading: (text) => `${chalk.bold(escapeTerminal(text))}\n`,
    // Every cell comes from `cell` below, its data escaped there.
    table: (columns, rows) => paintedTable(columns, rows, width),
    item: (text) => `  • ${text}`,
    // The word carries the cue where colour cannot (NO_COLOR, a printout, a colour-blind reader).
    cell: (c) => (c.tone === 'over' ? chalk.red(`${escapeTerminal(c.text)} over`) : escapeTerminal(c.text)),
    empty: '(none)',
  });
  return wrapLines(text, width);
}
