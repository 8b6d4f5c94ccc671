/**
 * `cop report --format csv`: one tidy row per CoP and month, for finance spreadsheets. Hours are
 * printed to two decimals, money to two, percentages to one; an empty cell means "no figure".
 */
import type { Report } from '../../budget/types.js';

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
  const lines = [CSV_COLUMNS.join(',')];
  for (const cop of report.cops) {
    for (const m of cop.months) {
      const refreshments = m.money.byCategory.refreshments ?? 0;
      const prep = m.preparation;
      lines.push(
        [
          cop.id,
          cop.name,
          cop.status,
          cop.sponsor ?? '',
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
          currency,
        ]
          .map((value) => csvField(String(value)))
          .join(','),
      );
    }
  }
  return lines.join('\r\n') + '\r\n';
}

function fixed(value: number | null, decimals: number): string {
  return value === null ? '' : value.toFixed(decimals);
}

/** RFC 4180: quote a field holding a comma, quote or line break; double its quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
