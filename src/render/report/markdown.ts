/** `cop report --format markdown`: headings and tables to paste into a wiki page or a pull-request comment. */
import type { Report } from '../../budget/types.js';
import { markdownTable } from '../table.js';
import { layout } from './sections.js';

export function reportMarkdown(report: Report): string {
  return layout(report, {
    title: (text) => `# ${text}`,
    heading: (text) => `## ${text}\n\n`,
    table: markdownTable,
    item: (text) => `- ${text}`,
    cell: (c) => (c.tone === 'over' ? `**${c.text}** ⚠️` : c.text),
    empty: '_None._',
  });
}
