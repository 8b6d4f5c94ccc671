/** `cop report --format json`: the Report data as it is (see src/budget/types.ts for the shape). */
import type { Report } from '../../budget/types.js';

export function reportJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
