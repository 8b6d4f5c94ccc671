/**
 * `cop report --format csv`: one tidy row per CoP and month, for finance spreadsheets. Hours are
 * printed to two decimals, money to two, percentages to one; an empty cell means "no figure".
 * Written by the CSV writer (src/output/csv.ts): names, ids and cost centres get its formula guard.
 */
import type { Report } from '../../budget/types.js';
import { COST_CATEGORIES } from '../../model/meeting.js';
import { OUTPUT_KINDS } from '../../model/output.js';
import { csvDocument, figure } from '../../output/csv.js';

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
  'outputs',
  'output_hours',
] as const;

export function reportCsv(report: Report): string {
  const currency = report.organisation.currency ?? '';
  const rows = report.cops.flatMap((cop) =>
    cop.months.map((m) => {
      const refreshments = m.money.byCategory.refreshments ?? 0;
      const prep = m.preparation;
      return [
        cop.id,
        cop.name,
        cop.status,
        cop.sponsor ?? '',
        m.month,
        m.active,
        m.meetings,
        m.people,
        m.guests,
        figure(m.attendanceHours, 2),
        figure(prep.actual, 2),
        figure(prep.budget, 2),
        figure(prep.variance, 2),
        figure(prep.percent, 1),
        figure(m.money.total, 2),
        figure(refreshments, 2),
        figure(m.money.total - refreshments, 2),
        m.refreshments.participants,
        figure(m.refreshments.perHead?.actual ?? null, 2),
        figure(cop.budget.refreshmentsPerHead, 2),
        currency,
        m.outputs.count,
        figure(m.outputs.hours, 2),
      ];
    }),
  );
  return csvDocument(CSV_COLUMNS, rows);
}

/**
 * `cop report --format finance-csv`: one row per CoP and month for finance, with the charter's
 * cost centre, the hours, the money per cost category (one column for each category of the
 * schema, so the columns never move), the month's preparation budget and what remains of it, and
 * the output hours (part of `preparation_hours`) per output kind, one column for each kind.
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
    ...OUTPUT_KINDS.map((kind) => `output_hours_${kind.replaceAll('-', '_')}`),
  ];
  const currency = report.organisation.currency ?? '';
  const rows = report.cops.flatMap((cop) =>
    cop.months.map((m) => [
      cop.id,
      cop.name,
      cop.costCentre ?? '',
      m.month,
      figure(m.attendanceHours, 2),
      figure(m.preparation.actual, 2),
      figure(m.attendanceHours + m.preparation.actual, 2),
      ...COST_CATEGORIES.map((category) => figure(m.money.byCategory[category] ?? 0, 2)),
      figure(m.money.total, 2),
      currency,
      figure(m.preparation.budget, 2),
      figure(m.preparation.budget === null ? null : m.preparation.budget - m.preparation.actual, 2),
      ...OUTPUT_KINDS.map((kind) => figure(m.outputs.byKind.find((k) => k.kind === kind)?.hours ?? 0, 2)),
    ]),
  );
  return csvDocument(columns, rows);
}
