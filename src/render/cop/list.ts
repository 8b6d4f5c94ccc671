/** `cop ls` in its three formats: an aligned table, JSON for scripts, CSV for spreadsheets. */
import { Chalk } from 'chalk';
import type { Measure } from '../../budget/types.js';
import type { IsoDate } from '../../core/dates.js';
import { hoursText, percentText } from '../../core/numbers.js';
import { csvDocument } from '../../output/csv.js';
import type { CopListRow, ListFilters } from '../../view/list.js';
import { levelLabel, paintLevel } from '../health/shared.js';
import { escapeTerminal, painted } from '../../output/terminal.js';
import { textTable, wrapLines } from '../table.js';

export const LIST_FORMATS = ['table', 'json', 'csv'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** `context.width`: the columns the table may fill (src/core/terminal.ts outputWidth); unlimited by default. */
export function renderList(rows: readonly CopListRow[], format: ListFormat, context: { asOf: IsoDate; filters: ListFilters; color: boolean; width?: number }): string {
  switch (format) {
    case 'table':
      return listTable(rows, context.asOf, context.color, context.width ?? Infinity, Object.values(context.filters).some((v) => v !== undefined));
    case 'json':
      return `${JSON.stringify({ asOf: context.asOf, filters: { status: null, sponsor: null, person: null, ...context.filters }, cops: rows }, null, 2)}\n`;
    case 'csv':
      return listCsv(rows);
  }
}

/** `1.5 h of 2 h`, `3 h of 2 h (150%)` when over; `–` without a budget. */
export function hoursAgainst(m: Measure | null): string {
  if (m === null) return '–';
  if (m.budget === null) return hoursText(m.actual);
  return `${hoursText(m.actual)} of ${hoursText(m.budget)}${m.over && m.percent !== null ? ` (${percentText(m.percent)})` : ''}`;
}

function listTable(rows: readonly CopListRow[], asOf: IsoDate, color: boolean, width: number, filtered: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  // An empty list says what to do next: widen the filters, or propose the first CoP.
  if (rows.length === 0) return filtered ? `No CoP matches these filters (as of ${asOf}): \`cop ls\` lists every CoP.\n` : `No CoP yet (as of ${asOf}): \`cop new\` proposes one.\n`;
  const table = textTable(
    [
      { header: 'ID' },
      { header: 'Name' },
      { header: 'Status' },
      { header: 'Sponsor' },
      { header: 'Coordinator' },
      { header: 'Members', align: 'right' },
      { header: 'Last meeting' },
      { header: 'Prep hours this month', align: 'right' },
      { header: 'Health' },
    ],
    // Bare strings are data, escaped by the table; painted cells escape their data first.
    rows.map((r) => [
      painted(chalk.bold(escapeTerminal(r.id))),
      r.name,
      r.status,
      r.sponsor?.id ?? '–',
      r.coordinator?.id ?? '–',
      String(r.members),
      r.lastMeeting ?? '–',
      painted(r.hoursThisMonth?.over ? chalk.red(hoursAgainst(r.hoursThisMonth)) : hoursAgainst(r.hoursThisMonth)),
      painted(paintLevel(chalk, r.health)(levelLabel(r.health))),
    ]),
    width,
  );
  return `${table}${wrapLines(chalk.dim(`${rows.length} CoP${rows.length === 1 ? '' : 's'} as of ${asOf}; hours are preparation against the CoP's monthly budget.`), width)}\n`;
}

export const LIST_CSV_COLUMNS = [
  'id',
  'name',
  'status',
  'sponsor',
  'coordinator',
  'members',
  'last_meeting',
  'preparation_hours_this_month',
  'preparation_budget_hours',
  'health',
] as const;

/** Through the CSV writer (src/output/csv.ts): ids and names get its formula guard; counts and hours stay numbers. */
function listCsv(rows: readonly CopListRow[]): string {
  return csvDocument(
    LIST_CSV_COLUMNS,
    rows.map((r) => [
      r.id,
      r.name,
      r.status,
      r.sponsor?.id ?? null,
      r.coordinator?.id ?? null,
      r.members,
      r.lastMeeting,
      r.hoursThisMonth?.actual ?? null,
      r.hoursThisMonth?.budget ?? null,
      r.health,
    ]),
  );
}
