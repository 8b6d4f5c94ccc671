/**
 * `cop report --format csv`: one tidy row per CoP and month, for finance spreadsheets. Hours are
 * printed to two decimals, money to two, percentages to one; an empty cell means "no figure".
 */
import type { Report } from '../../budget/types.js';
import { COST_CATEGORIES } from '../../model/meeting.js';

export const CSV_COLUMNS = [
  'cop',
  'name',
  'status',
  'sponsor',
  'month',
  'active',
  'meetings',
  'people',
  'guests',
  'attendance_hours',
  'preparation_hours',
  'preparation_budget_hours',
  'preparation_variance_hours',
  'preparation_percent',
  'money_total',
  'money_refreshments',
  'money_other',
  'refreshments_participants',
  'refreshments_per_head',
  'refreshments_cap',
  'currency',
] as const;

export function reportCsv(report: Report): string {
  const currency = report.organisation.currency ?? '';
  const rows = report.cops.flatMap((cop) =>
    cop.months.map((m) => {
      const refreshments = m.money.byCategory.refreshments ?? 0;
      const prep = m.preparation;
      return [
        csvText(cop.id),
        csvText(cop.name),
        cop.status,
        csvText(cop.sponsor ?? ''),
        m.month,
        m.active,
        m.meetings,
        m.people,
        m.guests,
        fixed(m.attendanceHours, 2),
        fixed(prep.actual, 2),
        fixed(prep.budget, 2),
        fixed(prep.variance, 2),
        fixed(prep.percent, 1),
        fixed(m.money.total, 2),
        fixed(refreshments, 2),
        fixed(m.money.total - refreshments, 2),
        m.refreshments.participants,
        fixed(m.refreshments.perHead?.actual ?? null, 2),
        fixed(cop.budget.refreshmentsPerHead, 2),
        csvText(currency),
      ];
    }),
  );
  return csvDocument(CSV_COLUMNS, rows);
}

/**
 * `cop report --format finance-csv`: one row per CoP and month for finance, with the charter's
 * cost centre, the hours, the money per cost category (one column for each category of the
 * schema, so the columns never move), and the month's preparation budget and what remains of it.
 */
export function financeCsv(report: Report): string {
  const columns = [
    'cop',
    'name',
    'cost_centre',
    'month',
    'attendance_hours',
    'preparation_hours',
    'hours_total',
    ...COST_CATEGORIES.map((category) => `money_${category}`),
    'money_total',
    'currency',
    'budget_hours',
    'remaining_hours',
  ];
  const currency = report.organisation.currency ?? '';
  const rows = report.cops.flatMap((cop) =>
    cop.months.map((m) => [
      csvText(cop.id),
      csvText(cop.name),
      csvText(cop.costCentre ?? ''),
      m.month,
      fixed(m.attendanceHours, 2),
      fixed(m.preparation.actual, 2),
      fixed(m.attendanceHours + m.preparation.actual, 2),
      ...COST_CATEGORIES.map((category) => fixed(m.money.byCategory[category] ?? 0, 2)),
      fixed(m.money.total, 2),
      csvText(currency),
      fixed(m.preparation.budget, 2),
      fixed(m.preparation.budget === null ? null : m.preparation.budget - m.preparation.actual, 2),
    ]),
  );
  return csvDocument(columns, rows);
}

function fixed(value: number | null, decimals: number): string {
  return value === null ? '' : value.toFixed(decimals);
}

/** RFC 4180: quote a field holding a comma, quote or line break; double its quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell already made safe for CSV, as `csvText` returns it. */
export interface CsvCell {
  cell: string;
}

/**
 * A text cell from the data (names, ids, cost centres): a spreadsheet would run text starting
 * with `=`, `+`, `-`, `@`, tab or carriage return as a formula, so, as OWASP's "CSV Injection"
 * advice says, such text gets a leading `'` and is quoted. Numbers the report prints are never
 * passed through here: `-4.00` must stay a number.
 */
export function csvText(text: string): CsvCell {
  if (!/^[=+\-@\t\r]/.test(text)) return { cell: csvField(text) };
  return { cell: `"'${text.replaceAll('"', '""')}"` };
}

/** One CSV document: a header line and rows, CRLF line ends (RFC 4180). */
export function csvDocument(columns: readonly string[], rows: readonly (string | number | boolean | CsvCell)[][]): string {
  const lines = [columns.join(','), ...rows.map((row) => row.map((value) => (typeof value === 'object' ? value.cell : csvField(String(value)))).join(','))];
  return lines.join('\r\n') + '\r\n';
}
