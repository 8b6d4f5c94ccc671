/**
 * The report laid out as titled tables and lists of cells, shared by the table and Markdown
 * renderers (they differ only in how a table is drawn and how an over-budget cell is marked):
 * the Markdown renderer builds its tree from `reportView`, the text one draws it with `layout`.
 * Rounding happens here, when figures become text.
 */
import { pairCache } from '../../core/pair-cache.js';
import { monthLabel } from '../../core/dates.js';
import { hoursText, moneyText, percentText } from '../../core/numbers.js';
import { measure } from '../../budget/compute.js';
import { personLabeller } from '../../core/person-label.js';
import type { CopMonth, CopReport, Measure, OutputFigures, Report } from '../../budget/types.js';
import type { Column } from '../table.js';

export interface Cell {
  text: string;
  /** `over`: over budget or cap; every renderer marks it with the word `over` (and colour or a sign). */
  tone?: 'over';
}

export type Section =
  | { kind: 'table'; title: string; columns: Column[]; rows: Cell[][] }
  | { kind: 'list'; title: string; items: Cell[] };

export interface ReportView {
  title: string;
  sections: Section[];
}

const plain = (text: string): Cell => ({ text });
const count = (n: number): Cell => plain(String(n));
/** What is left of a budget; a negative remainder is shown as over. */
const remainingCell = (left: number, text: (n: number) => string): Cell => (left < 0 ? { text: text(-left), tone: 'over' } : plain(text(left)));
/** `2`, or `1 (+1 cancelled)`. */
const meetingsCell = (m: { meetings: number; cancelled: number }): Cell => plain(m.cancelled > 0 ? `${m.meetings} (+${m.cancelled} cancelled)` : String(m.meetings));
/** `0`, or `2 (4.5 h)`: the outputs and the hours spent on them (part of the preparation-and-output time). */
const outputsCell = (o: OutputFigures): Cell => plain(o.count > 0 ? `${o.count} (${hoursText(o.hours)})` : '0');
const NONE: Cell = plain('–');
const right = (...headers: string[]): Column[] => headers.map((header) => ({ header, align: 'right' }));

/** `5.5 h [138% of 4 h]`; over budget marked. */
export function measureCell(m: Measure, text: (n: number) => string): Cell {
  let shown = text(m.actual);
  if (m.budget !== null) {
    if (m.percent !== null) shown += ` [${percentText(m.percent)} of ${text(m.budget)}]`;
    else if (m.actual > 0) shown += ' [no budget]';
  }
  return m.over ? { text: shown, tone: 'over' } : { text: shown };
}

/**
 * `cell`, made once for each pair of keys that decides it: a report's tens of thousands of cells
 * repeat a few hundred figures (people-months above all), so each is written once, and drawn once
 * (`layout`).
 */
function reused<T>(key: (t: T) => unknown, subkey: (t: T) => unknown, cell: (t: T) => Cell): (t: T) => Cell {
  const cells = pairCache<Cell>();
  return (t) => cells(key(t), subkey(t), () => cell(t));
}

/** A CoP's months (sorted, each in `months`) placed in the period's `months`: undefined where it has none. */
function monthsInPeriod(copMonths: readonly CopMonth[], months: readonly string[]): (CopMonth | undefined)[] {
  const placed = new Array<CopMonth | undefined>(months.length);
  let k = 0;
  for (let i = 0; i < months.length && k < copMonths.length; i++) if (copMonths[k]!.month === months[i]) placed[i] = copMonths[k++];
  return placed;
}

/** `agile-6 3.5 h, mobile-5 9 h` */
function copHours(byCop: Readonly<Record<string, number>>): string {
  let text = '';
  for (const cop in byCop) text += `${text ? ', ' : ''}${cop} ${hoursText(byCop[cop]!)}`;
  return text;
}

export function periodLabel(from: string, to: string): string {
  if (from === to) return monthLabel(from);
  const [a, b] = [monthLabel(from), monthLabel(to)];
  return from.slice(0, 4) === to.slice(0, 4) ? `${a.split(' ')[0]}–${b}` : `${a} – ${b}`;
}

export function reportView(report: Report): ReportView {
  const { period, organisation: org } = report;
  const money = (n: number) => moneyText(n, org.currency);
  // A measure's cell follows from its actual and budget (budget/compute.ts `measure`).
  const hours = reused((m: Measure) => m.budget, (m) => m.actual, (m) => measureCell(m, hoursText));
  const hoursCell = reused((h: number) => h, () => 0, (h) => plain(hoursText(h)));
  const moneyCell = reused((n: number) => n, () => 0, (n) => plain(money(n)));
  const meetings = reused((m: { meetings: number; cancelled: number }) => m.meetings, (m) => m.cancelled, meetingsCell);
  const outputs = reused((o: OutputFigures) => o.count, (o) => o.hours, outputsCell);
  const single = period.months.length === 1;
  const label = periodLabel(period.from, period.to) + (period.partial ? ' (to date)' : '');
  const ytdLabel = `year to date (${periodLabel(period.ytdFrom, period.to)})`;
  const sections: Section[] = [];
  const copName = (cop: CopReport) => plain(cop.status === 'dissolved' ? `${cop.id} (dissolved)` : cop.id);

  if (single) {
    sections.push({
      kind: 'table',
      title: `CoPs, ${label}`,
      columns: [{ header: 'CoP' }, ...right('Meetings', 'People', 'Guests', 'Attendance', 'Outputs', 'Preparation and outputs', 'Preparation a month, YTD', 'Money', 'Refreshments a head')],
      rows: report.cops.map((cop) => {
        const m = cop.months[0]!;
        return [
          copName(cop),
          meetings(m),
          count(m.people),
          count(m.guests),
          hoursCell(m.attendanceHours),
          outputs(m.outputs),
          hours(m.preparation),
          hours(cop.yearToDate.preparationAverage),
          moneyCell(m.money.total),
          m.refreshments.perHead ? measureCell(m.refreshments.perHead, money) : NONE,
        ];
      }),
    });
  } else {
    // Each CoP's month of each of the period's months (undefined where it has none), for the five tables.
    const monthsOf = report.cops.map((cop) => monthsInPeriod(cop.months, period.months));
    const perMonth = (title: string, cell: (m: CopMonth) => Cell, total: (cop: CopReport) => Cell): Section => ({
      kind: 'table',
      title: `${title}, ${label}`,
      columns: [{ header: 'CoP' }, ...right(...period.months, 'Period')],
      rows: report.cops.map((cop, i) => {
        const row = [copName(cop)];
        for (const m of monthsOf[i]!) row.push(m ? cell(m) : NONE);
        row.push(total(cop));
        return row;
      }),
    });
    sections.push(
      perMonth('Meetings', meetings, (cop) => meetings(cop.period)),
      perMonth('Attendance hours', (m) => hoursCell(m.attendanceHours), (cop) => hoursCell(cop.period.attendanceHours)),
      perMonth('Outputs', (m) => outputs(m.outputs), (cop) => outputs(cop.period.outputs)),
      perMonth('Preparation and output hours', (m) => hours(m.preparation), (cop) => hours(cop.period.preparation)),
      perMonth('Money', (m) => moneyCell(m.money.total), (cop) => moneyCell(cop.period.money.total)),
    );
  }

  sections.push({
    kind: 'table',
    title: `CoPs, ${ytdLabel}`,
    columns: [
      { header: 'CoP' },
      ...right('Active months', 'Meetings', 'Attendance', 'Outputs', 'Preparation and outputs', 'Preparation left', `Preparation forecast, ${org.year}`, 'Money', `Money forecast, ${org.year}`),
      { header: 'Costs against what the charter allows' },
    ],
    rows: report.cops.map((cop) => {
      const ytd = cop.yearToDate;
      const costs = ytd.costs.map((line): Cell => {
        if (line.allowance === null) return { text: `${line.category} ${money(line.spent)} [not allowed]`, tone: 'over' };
        const cell = measureCell(measure(line.spent, line.allowance), money);
        return { ...cell, text: `${line.category} ${cell.text}` };
      });
      return [
        copName(cop),
        count(ytd.activeMonths),
        meetings(ytd),
        hoursCell(ytd.attendanceHours),
        outputs(ytd.outputs),
        hours(ytd.preparation),
        remainingCell(cop.yearEnd.preparation.remaining, hoursText),
        hours(cop.yearEnd.preparation.forecast),
        moneyCell(ytd.money.total),
        moneyCell(cop.yearEnd.money.forecast),
        { text: costs.map((c) => c.text).join('; ') || '–', ...(costs.some((c) => c.tone) ? { tone: 'over' as const } : {}) },
      ];
    }),
  });

  if (report.anonymised) {
    sections.push({
      kind: 'table',
      title: 'People (anonymised): CoP work time against each person’s monthly hours',
      columns: [{ header: 'Month' }, ...right('People', 'Hours', 'Over budget')],
      rows: report.peopleSummary.months.map((m) => [plain(m.month), count(m.people), hoursCell(m.hours), m.overBudget > 0 ? { text: String(m.overBudget), tone: 'over' } : count(0)]),
    });
  } else {
    const label = personLabeller(report.people);
    sections.push({
      kind: 'table',
      title: 'People: CoP work time (attendance in work hours, all CoPs) against their monthly hours',
      columns: [
        { header: 'Person' },
        ...(single ? right('Hours') : right(...period.months, 'Period')),
        ...right('Year to date'),
        { header: 'CoPs' },
      ],
      rows: report.people.map((p) => {
        const row = [plain(label(p))];
        for (const m of p.months) row.push(hours(m.hours));
        if (!single) row.push(hours(p.period));
        row.push(hours(p.yearToDate), plain(copHours(p.byCop)));
        return row;
      }),
    });
  }

  const budgetNote = org.budget ? `budget ${hoursText(org.budget.hours)} and ${money(org.budget.money)}` : 'no budget set';
  sections.push({
    kind: 'table',
    title: `Organisation (all CoPs), ${org.year}: ${budgetNote}`,
    columns: [{ header: '' }, ...right('Hours', 'Money')],
    rows: [
      [plain(label), hoursCell(org.period.hours), moneyCell(org.period.money)],
      [plain('Year to date'), hours(org.yearToDate.hours), measureCell(org.yearToDate.money, money)],
      [plain(`Pro rata (${org.monthsElapsed}/12 of the year)`), hours(org.proRata.hours), measureCell(org.proRata.money, money)],
      [plain(`Forecast for ${org.year}`), hours(org.forecast.hours), measureCell(org.forecast.money, money)],
      ...(org.remaining
        ? [[plain(`Remaining of ${org.year}`), remainingCell(org.remaining.hours, hoursText), remainingCell(org.remaining.money, money)]]
        : []),
    ],
  });

  sections.push({
    kind: 'list',
    title: 'Needs attention',
    items: report.attention.length ? report.attention.map((a) => plain(a.message)) : [plain('Nothing: every figure is within budget.')],
  });

  const who = org.name ? `${org.name}: ` : '';
  return { title: `${who}CoP report, ${label} (as of ${period.asOf})`, sections };
}

/** How the text renderer draws the parts of a view; `layout` puts them together. */
export interface Style {
  title(text: string): string;
  heading(text: string): string;
  table(columns: Column[], rows: string[][]): string;
  item(text: string): string;
  cell(cell: Cell): string;
  empty: string;
}

export function layout(report: Report, style: Style): string {
  const view = reportView(report);
  // A cell the view repeats (`reused`) is drawn once.
  const drawn = new Map<Cell, string>();
  const draw = (cell: Cell) => {
    let text = drawn.get(cell);
    if (text === undefined) drawn.set(cell, (text = style.cell(cell)));
    return text;
  };
  const parts = [style.title(view.title)];
  for (const section of view.sections) {
    const body =
      section.kind === 'list'
        ? section.items.map((item) => style.item(style.cell(item))).join('\n')
        : section.rows.length
          ? style.table(section.columns, section.rows.map((row) => row.map(draw))).trimEnd()
          : style.empty;
    parts.push(style.heading(section.title) + body);
  }
  return parts.join('\n\n') + '\n';
}
