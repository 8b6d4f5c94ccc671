/** The report's output formats. */
import type { Report } from '../../budget/types.js';

export const REPORT_FORMATS = ['table', 'markdown', 'json', 'csv', 'finance-csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Draws a report; `width`: the columns a table may fill (src/core/terminal.ts outputWidth). */
export type ReportRenderer = (report: Report, color: boolean, width?: number) => string;

/**
 * The renderer of `format`, loaded: only the format's own is. The Markdown one brings the Markdown
 * layer, a hundred modules that took longer to load than a text table takes to draw, and the text
 * one the text layout's libraries (tens of milliseconds): `cop report` asks for it before it reads
 * the data, so that it loads while the data does.
 */
export async function reportRenderer(format: ReportFormat): Promise<ReportRenderer> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).reportTable;
    case 'markdown':
      return (await import('./markdown.js')).reportMarkdown;
    case 'json':
      return (await import('./json.js')).reportJson;
    case 'csv':
      return (await import('./csv.js')).reportCsv;
    case 'finance-csv':
      return (await import('./csv.js')).financeCsv;
  }
}
