/** `cop report --format table`: aligned columns for a terminal; over-budget figures in red. */
import { Chalk } from 'chalk';
import type { Report } from '../../budget/types.js';
import { textTable } from '../table.js';
import { layout } from './sections.js';

export function reportTable(report: Report, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return layout(report, {
    title: (text) => chalk.bold(text),
    heading: (text) => `${chalk.bold(text)}\n`,
    table: textTable,
    item: (text) => `  • ${text}`,
    cell: (c) => (c.tone === 'over' ? chalk.red(c.text) : c.text),
    empty: '(none)',
  });
}
