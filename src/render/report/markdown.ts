/** `cop report --format markdown`: headings and tables to paste into a wiki page or a pull-request comment, built by the Markdown layer. */
import type { Report } from '../../budget/types.js';
import { emphasis, heading, list, markdown, paragraph, strong, table, type Inline } from '../../output/markdown.js';
import { reportView, type Cell } from './sections.js';

/** An over-budget figure in bold, followed by the word (as in the table) and a warning sign. */
const cell = (c: Cell): Inline[] => (c.tone === 'over' ? [strong(`${c.text} over`), ' ⚠️'] : [c.text]);

export function reportMarkdown(report: Report): string {
  const view = reportView(report);
  return markdown([
    heading(1, view.title),
    ...view.sections.flatMap((section) => [
      heading(2, section.title),
      section.kind === 'list'
        ? list(section.items.map(cell))
        : section.rows.length
          ? table(section.columns, section.rows.map((row) => row.map(cell)))
          : paragraph(emphasis('None.')),
    ]),
  ]);
}
