/**
 * `cop report --format json`: the Report data (src/budget/types.ts) with a `schema_version`,
 * described by schemas/report.schema.json. Figures are computed at full precision and rounded
 * only here: money to cents, hours (and percentages) to hundredths.
 */
import type { Report } from '../../budget/types.js';

/** Bumped when a field changes meaning; adding a field does not bump it. */
export const REPORT_SCHEMA_VERSION = 1;

export function reportJson(report: Report): string {
  return figuresJson(reportFigures(report));
}

/** The value reportJson writes (`cop site` writes it in pieces, src/site/json-bytes.ts). */
export function reportFigures(report: Report): { schema_version: number } & Report {
  return { schema_version: REPORT_SCHEMA_VERSION, ...report };
}

/** Two-space indented JSON with every number rounded as in the report (`cop review` uses it too). */
export function figuresJson(value: unknown): string {
  return JSON.stringify(value, roundFigures, 2) + '\n';
}

/** The JSON.stringify replacer of figuresJson: every number rounded as in the report. */
export function roundFigures(_key: string, item: unknown): unknown {
  return typeof item === 'number' ? hundredths(item) : item;
}

/** Rounded to two decimals, never `-0` (every figure of the report is money, hours, a percentage or a count). */
function hundredths(value: number): number {
  if (Number.isInteger(value)) return value;
  const rounded = Math.round(value * 100 + (value > 0 ? 1e-9 : -1e-9)) / 100;
  return rounded === 0 ? 0 : rounded;
}
