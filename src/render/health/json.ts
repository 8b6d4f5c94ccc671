/** `cop health --format json`: the report as documented on `HealthReport` (src/health/types.ts). */
import type { HealthReport } from '../../health/types.js';

export function healthJson(report: HealthReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
