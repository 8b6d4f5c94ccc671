/** `cop due --format json`: the report as documented on `DueReport` (src/due/types.ts). */
import type { DueReport } from '../../due/types.js';

export function dueJson(report: DueReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
