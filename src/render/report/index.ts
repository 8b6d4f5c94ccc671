/** The report's output formats. */
import type { Report } from '../../budget/types.js';
import { financeCsv, reportCsv } from './csv.js';
import { reportJson } from './json.js';
import { reportMarkdown } from './markdown.js';
import { reportTable } from './table.js';

export const REPORT_FORMATS = ['table', 'markdown', 'json', 'csv', 'finance-csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function renderReport(report: Report, format: ReportFormat, color: boolean): string {
  switch (format) {
    case 'table':
      return reportTable(report, color);
    case 'markdown':
      return reportMarkdown(report);
    case 'json':
      return reportJson(report);
    case 'csv':
      return reportCsv(report);
    case 'finance-csv':
      return financeCsv(report);
  }
}
