/** `cop report --format table`: aligned columns for a terminal; over-budget figures in red. */
import { Chalk } from 'chalk';
import type { Report } from '../../budget/types.js';
import { textTable } from '../table.js';
import { reportView, type Cell } from './sections.js';

export function reportTable(report: Report, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const cell = (c: Cell) => (c.tone === 'over' ? chalk.red(c.text) : c.text);
  const view = reportView(report);
  const parts = [chalk.bold(view.title)];
  for (const section of view.sections) {
    const body =
      section.kind === 'table'
        ? section.rows.length
          ? textTable(section.columns, section.rows.map((row) => row.map(cell))).trimEnd()
          : '(none)'
        : section.items.map((item) => `  • ${cell(item)}`).join('\n');
    parts.push(`${chalk.bold(section.title)}\n${body}`);
  }
  return parts.join('\n\n') + '\n';
}
