/** The report's output formats. */
import type { Report } from '../../budget/types.js';

export const REPORT_FORMATS = ['table', 'markdown', 'json', 'csv', 'finance-csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * `width`: the columns a table may fill (src/core/terminal.ts outputWidth). Only the format's own
 * renderer is loaded: the Markdown one brings the Markdown layer, a hundred modules that took
 * longer to load than a text table takes to draw.
 */
export async function renderReport(report: Report, format: ReportFormat, color: boolean, width = Infinity): Promise<string> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).reportTable(report, color, width);
    case 'markdown':
      return (await import('./markdown.js')).reportMarkdown(report);
    case 'json':
      return (await import('./json.js')).reportJson(report);
    case 'csv':
      return (await import('./csv.js')).reportCsv(report);
    case 'finance-csv':
      return (await import('./csv.js')).financeCsv(report);
  }
}
