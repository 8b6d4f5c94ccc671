/** The output formats of `cop diff`. */
import { diffMarkdown } from './markdown.js';
import { diffText } from './text.js';
import type { DiffReport } from './words.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export function renderDiff(report: DiffReport, format: DiffFormat, color: boolean): string {
  switch (format) {
    case 'text':
      return diffText(report, color);
    case 'markdown':
      return diffMarkdown(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
  }
}
