/**
 * The one writer of CSV (RFC 4180) for every CSV cop prints: `cop ls --format csv` and
 * `cop report --format csv|finance-csv`. A string cell is text from the data and always gets the
 * formula guard; only numbers, and figures the tool formatted itself (`figure`), are written bare,
 * so `-4.00` stays a number in a spreadsheet while no name can start a formula. Pure.
 */

/** A number the tool formatted itself (fixed decimals), written as is: see `figure`. */
export interface CsvFigure {
  readonly figure: string;
}

/** A cell: text from the data (guarded), a number, true/false, a formatted figure, or null for an empty cell. */
export type CsvValue = string | number | boolean | null | CsvFigure;

/** `value` to `decimals` places, as a bare number cell; empty when there is no figure (null, or not finite). */
export function figure(value: number | null, decimals: number): CsvFigure | null {
  return value === null || !Number.isFinite(value) ? null : { figure: value.toFixed(decimals) };
}

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A text cell from the data (names, ids, cost centres): a spreadsheet runs text starting with `=`,
 * `+`, `-`, `@`, tab or carriage return as a formula, so, as OWASP's "CSV Injection" advice says,
 * such text gets a leading `'` (and is quoted).
 */
export function csvText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `"'${text.replaceAll('"', '""')}"` : csvField(text);
}

function cell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return csvText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  return value.figure;
}

/** One CSV document: a header line and rows, CRLF line ends (RFC 4180). */
export function csvDocument(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [columns.map(csvField).join(','), ...rows.map((row) => row.map(cell).join(','))];
  return lines.join('\r\n') + '\r\n';
}
