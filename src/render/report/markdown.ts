/** `cop report --format markdown`: headings and tables to paste into a wiki page or a pull-request comment. */
import type { Report } from '../../budget/types.js';
import { markdownTable } from '../table.js';
import { reportView, type Cell } from './sections.js';

export function reportMarkdown(report: Report): string {
  const cell = (c: Cell) => (c.tone === 'over' ? `**${c.text}** ⚠️` : c.text);
  const view = reportView(report);
  const parts = [`# ${view.title}`];
  for (const section of view.sections) {
    const body =
      section.kind === 'table'
        ? section.rows.length
          ? markdownTable(section.columns, section.rows.map((row) => row.map(cell))).trimEnd()
          : '_None._'
        : section.items.map((item) => `- ${cell(item)}`).join('\n');
    parts.push(`## ${section.title}\n\n${body}`);
  }
  return parts.join('\n\n') + '\n';
}
