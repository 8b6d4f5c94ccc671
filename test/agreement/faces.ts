/**
 * The faces of the tool, each a function from an organisation on a day to the figures it shows
 * (./table.ts says which figure is read from where). Every command runs in-process
 * (test/helpers/in-process.ts) on the same data root and as-of date; outputs are read back with
 * real parsers: JSON.parse, mdast (GFM) for the READMEs, parse5 for the site's pages.
 *
 * A new face (the site's `api/v1/`, say) is one more entry in FACE_LIST.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Root } from 'mdast';
import { addMonthsToMonth, monthOf, type IsoDate, type IsoMonth } from '../../src/core/dates.js';
import { lastCompleteQuarter, quarterMonths } from '../../src/review/compute.js';
import { runInProcess } from '../helpers/in-process.js';
import { nodes, parseMarkdown, textOf as markdownText } from '../helpers/markdown.js';
import { copScope, Figures, orgScope, type Scope } from './figures.js';
import { attr, byTag, cellsOf, definitions, findAll, parsePage, tableRows, textOf, type Element } from './html.js';
import type { Face } from './table.js';

/** An organisation on a day: runs `cop` there (each command line once) and keeps what it printed. */
export class Organisation {
  private readonly outputs = new Map<string, Promise<string>>();
  constructor(
    readonly root: string,
    readonly asOf: IsoDate,
  ) {}

  /** What `cop <args> --as-of <asOf>` prints; a non-zero exit or anything on stderr fails the case. */
  output(args: string[]): Promise<string> {
    const key = args.join('\u0000');
    if (!this.outputs.has(key)) {
      this.outputs.set(
        key,
        runInProcess([...args, '--as-of', this.asOf], this.root).then((r) => {
          if (r.status !== 0 || r.stderr.includes('cop:')) throw new Error(`cop ${args.join(' ')} --as-of ${this.asOf} exited ${r.status}: ${r.stderr}`);
          return r.stdout;
        }),
      );
    }
    return this.outputs.get(key)!;
  }

  async json<T = any>(args: string[]): Promise<T> {
    return JSON.parse(await this.output([...args, '--format', 'json'])) as T;
  }

  /** The ids of its CoPs, as `cop ls` lists them. */
  async copIds(): Promise<string[]> {
    return (await this.json<{ cops: { id: string }[] }>(['ls'])).cops.map((c) => c.id);
  }

  get month(): IsoMonth {
    return monthOf(this.asOf);
  }

  get lastComplete(): IsoMonth {
    return addMonthsToMonth(this.month, -1);
  }
}

export interface FaceOf {
  /** Unique among the faces: a report run per period is a face of its own. */
  name: string;
  /** Its column in the table. */
  family: Face;
  figures(org: Organisation): Promise<Figures>;
}

// ---------------------------------------------------------------- cop report

/** The figures one `cop report --format json` run shows (./table.ts, "every run"). */
export function reportFigures(report: any): Figures {
  const f = new Figures();
  for (const cop of report.cops) {
    const c = cop.id as string;
    f.add(copScope(c), 'status', cop.status);
    for (const m of cop.months) {
      const at = copScope(c, m.month);
      f.add(at, 'meetings held', m.meetings);
      f.add(at, 'meetings cancelled', m.cancelled);
      f.add(at, 'preparation h', m.preparation.actual);
      if (m.active) f.add(at, 'preparation budget h', m.preparation.budget);
      f.add(at, 'attendance h', m.attendanceHours);
      f.add(at, 'money', m.money.total);
    }
    const period = copScope(c, `${report.period.from} to ${report.period.to}`);
    f.add(period, 'period meetings held', cop.period.meetings);
    f.add(period, 'period meetings cancelled', cop.period.cancelled);
    f.add(period, 'period preparation h', cop.period.preparation.actual);
    flatten(f, period, 'report entry, every field', cop);
    copYearToDate(f, cop);
  }
  const org = report.organisation;
  const at = orgScope(report.period.to);
  f.add(at, 'months elapsed', org.monthsElapsed);
  f.add(at, 'yearly budget hours', org.budget?.hours ?? null);
  f.add(at, 'yearly budget money', org.budget?.money ?? null);
  f.add(at, 'ytd hours', org.yearToDate.hours.actual);
  f.add(at, 'ytd money, all CoPs', org.yearToDate.money.actual);
  f.add(at, 'pro-rata hours', org.proRata.hours.budget);
  f.add(at, 'pro-rata money', org.proRata.money.budget);
  f.add(at, 'forecast hours', org.forecast.hours.actual);
  f.add(at, 'forecast money', org.forecast.money.actual);
  f.add(at, 'remaining hours', org.remaining?.hours ?? null);
  f.add(at, 'remaining money', org.remaining?.money ?? null);
  f.add(at, 'hours run out', org.runsOut?.hours ?? null);
  f.add(at, 'money run out', org.runsOut?.money ?? null);
  // Its `period` covers the run's months; the rest is the year to date.
  const { period: sums, ...yearToDate } = org;
  flatten(f, at, 'organisation report, every field', yearToDate);
  flatten(f, `organisation, ${report.period.from} to ${report.period.to}`, 'organisation report, every field', sums);
  return f;
}

function copYearToDate(f: Figures, cop: any): void {
  const ytd = cop.yearToDate;
  const at = copScope(cop.id, `January to ${ytd.to}`);
  f.add(at, 'ytd meetings held', ytd.meetings);
  f.add(at, 'ytd attendance h', ytd.attendanceHours);
  f.add(at, 'ytd preparation h', ytd.preparation.actual);
  f.add(at, 'ytd preparation budget h', ytd.preparation.budget);
  f.add(at, 'ytd preparation a month', ytd.preparationAverage.actual);
  f.add(at, 'ytd money', ytd.money.total);
  f.add(at, 'ytd active months', ytd.activeMonths);
  if (cop.yearEnd) {
    f.add(at, 'year-end preparation budget h', cop.yearEnd.preparation.budget);
    f.add(at, 'year-end preparation remaining h', cop.yearEnd.preparation.remaining);
    f.add(at, 'year-end preparation forecast h', cop.yearEnd.preparation.forecast.actual);
    f.add(at, 'year-end money forecast', cop.yearEnd.money.forecast);
    f.add(at, 'preparation runs out', cop.yearEnd.preparation.runsOut);
  }
}

/** Every leaf of `value` as a figure of its own, its JSON path added to the scope. */
function flatten(f: Figures, scope: Scope, name: 'report entry, every field' | 'organisation report, every field' | 'health entry, every field', value: unknown, path = ''): void {
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(f, scope, name, item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (Object.keys(value).length === 0) f.add(`${scope} ${path}`, name, Array.isArray(value) ? '[]' : '{}');
    return;
  }
  f.add(`${scope} ${path}`, name, value as string | number | boolean | null);
}

/** The quarter `cop review <id>` reviews by default, as `--from`/`--to` months. */
function reviewQuarter(org: Organisation): { from: IsoMonth; to: IsoMonth } {
  return quarterMonths(lastCompleteQuarter(org.asOf));
}

const reportFace = (name: string, args: (org: Organisation) => string[]): FaceOf => ({
  name,
  family: 'report',
  figures: async (org) => reportFigures(await org.json(['report', ...args(org)])),
});

/**
 * The cells of the tables in a Markdown document under the level-2 headings `wanted` accepts. Only
 * those sections are parsed: the people table of a year's report is most of its text.
 */
function markdownTables(text: string, wanted: (heading: string) => boolean): { title: string; rows: string[][] }[] {
  const tables: { title: string; rows: string[][] }[] = [];
  let title = '';
  const sections = text.split(/^(?=## )/m).filter((section) => wanted(section.slice(3, section.indexOf('\n'))));
  for (const node of parseMarkdown(sections.join('')).children) {
    if (node.type === 'heading') title = markdownText(node);
    if (node.type === 'table') tables.push({ title, rows: node.children.map((row) => row.children.map((cell) => markdownText(cell))) });
  }
  return tables;
}

/** The last `Month YYYY` in a label (`January–October 2026`, `November 2026 (to date)`) as YYYY-MM. */
function lastMonthIn(label: string): IsoMonth {
  return monthOfLabel([...label.matchAll(new RegExp(`(?:${MONTHS.join('|')}) \\d{4}`, 'g'))].at(-1)![0]);
}

/** A report cell's figure: `3 h [150% of 2 h] over` → 3 (budget 2); `6 h over` in a "left" column is −6. */
function cellFigure(text: string): { actual: number; budget: number | null; over: boolean } {
  const budget = /of ([^\]]+)\]/.exec(text);
  return { actual: shownNumber(text).value, budget: budget ? shownNumber(budget[1]!).value : null, over: /\bover\b/.test(text) };
}

/** `2`, or `1 (+1 cancelled)`. */
function meetingsCell(text: string): { held: number; cancelled: number } {
  const m = /^(\d+)(?: \(\+(\d+) cancelled\))?/.exec(text)!;
  return { held: Number(m[1]), cancelled: Number(m[2] ?? 0) };
}

const copOfRow = (cell: string) => cell.replace(/ \(dissolved\)$/, '');

/** The figures `cop report --format markdown` shows: its tables read back with mdast (GFM). */
export function reportMarkdownFigures(text: string): Figures {
  const f = new Figures();
  for (const { title, rows } of markdownTables(text, (heading) => !heading.startsWith('People') && heading !== 'Needs attention')) {
    const [header, ...body] = rows;
    const col = (name: string) => header!.indexOf(name);
    if (/^CoPs, year to date/.test(title)) {
      const to = lastMonthIn(title);
      for (const row of body) {
        const at = copScope(copOfRow(row[0]!), `January to ${to}`);
        const prep = cellFigure(row[col('Preparation and outputs')]!);
        const left = cellFigure(row[col('Preparation left')]!);
        f.add(at, 'ytd active months', Number(row[col('Active months')]));
        f.add(at, 'ytd meetings held', meetingsCell(row[col('Meetings')]!).held);
        f.add(at, 'ytd attendance h', shownNumber(row[col('Attendance')]!).value, HOURS_DECIMALS);
        f.add(at, 'ytd preparation h', prep.actual, HOURS_DECIMALS);
        if (prep.budget !== null) f.add(at, 'ytd preparation budget h', prep.budget, HOURS_DECIMALS);
        f.add(at, 'year-end preparation remaining h', left.over ? -left.actual : left.actual, HOURS_DECIMALS);
        f.add(at, 'year-end preparation forecast h', cellFigure(row[header!.findIndex((h) => h.startsWith('Preparation forecast'))]!).actual, HOURS_DECIMALS);
        f.add(at, 'ytd money', shownNumber(row[col('Money')]!).value, MONEY_DECIMALS);
        f.add(at, 'year-end money forecast', shownNumber(row[header!.findIndex((h) => h.startsWith('Money forecast'))]!).value, MONEY_DECIMALS);
      }
    } else if (/^CoPs, /.test(title)) {
      const month = lastMonthIn(title);
      for (const row of body) {
        const at = copScope(copOfRow(row[0]!), month);
        const meetings = meetingsCell(row[col('Meetings')]!);
        const prep = cellFigure(row[col('Preparation and outputs')]!);
        f.add(at, 'meetings held', meetings.held);
        f.add(at, 'meetings cancelled', meetings.cancelled);
        f.add(at, 'attendance h', shownNumber(row[col('Attendance')]!).value, HOURS_DECIMALS);
        f.add(at, 'preparation h', prep.actual, HOURS_DECIMALS);
        if (prep.budget !== null) f.add(at, 'preparation budget h', prep.budget, HOURS_DECIMALS);
        f.add(at, 'money', shownNumber(row[col('Money')]!).value, MONEY_DECIMALS);
        f.add(copScope(copOfRow(row[0]!), `January to ${month}`), 'ytd preparation a month', cellFigure(row[col('Preparation a month, YTD')]!).actual, HOURS_DECIMALS);
      }
    } else if (/^(Meetings|Attendance hours|Preparation and output hours|Money), /.test(title)) {
      const what = title.slice(0, title.indexOf(','));
      for (const row of body) {
        header!.forEach((month, i) => {
          if (!/^\d{4}-\d\d$/.test(month) || row[i] === '–') return;
          const at = copScope(copOfRow(row[0]!), month);
          const cell = row[i]!;
          if (what === 'Meetings') {
            f.add(at, 'meetings held', meetingsCell(cell).held);
            f.add(at, 'meetings cancelled', meetingsCell(cell).cancelled);
          } else if (what === 'Attendance hours') f.add(at, 'attendance h', shownNumber(cell).value, HOURS_DECIMALS);
          else if (what === 'Money') f.add(at, 'money', shownNumber(cell).value, MONEY_DECIMALS);
          else {
            const prep = cellFigure(cell);
            f.add(at, 'preparation h', prep.actual, HOURS_DECIMALS);
            if (prep.budget !== null) f.add(at, 'preparation budget h', prep.budget, HOURS_DECIMALS);
          }
        });
      }
    } else if (/^Organisation \(all CoPs\)/.test(title)) {
      const rowOf = (start: string) => body.find((row) => row[0]!.startsWith(start));
      const elapsed = /Pro rata \((\d+)\/12/.exec(rowOf('Pro rata')![0]!)!;
      const ytd = rowOf('Year to date')!;
      // The year-to-date row runs to the month the report ends in: the last month of its first row.
      const at = orgScope(lastMonthIn(body[0]![0]!));
      f.add(at, 'months elapsed', Number(elapsed[1]));
      f.add(at, 'ytd hours', cellFigure(ytd[1]!).actual, HOURS_DECIMALS);
      f.add(at, 'ytd money, all CoPs', cellFigure(ytd[2]!).actual, MONEY_DECIMALS);
      const budget = /budget ([\d.,]+ h) and (.+)$/.exec(title);
      f.add(at, 'yearly budget hours', budget ? shownNumber(budget[1]!).value : null, HOURS_DECIMALS);
      f.add(at, 'yearly budget money', budget ? shownNumber(budget[2]!).value : null, MONEY_DECIMALS);
      const proRata = rowOf('Pro rata')!;
      if (budget) {
        f.add(at, 'pro-rata hours', cellFigure(proRata[1]!).budget, HOURS_DECIMALS);
        f.add(at, 'pro-rata money', cellFigure(proRata[2]!).budget, MONEY_DECIMALS);
      }
      const forecast = rowOf('Forecast')!;
      f.add(at, 'forecast hours', cellFigure(forecast[1]!).actual, HOURS_DECIMALS);
      f.add(at, 'forecast money', cellFigure(forecast[2]!).actual, MONEY_DECIMALS);
      const remaining = rowOf('Remaining');
      if (remaining) {
        const [hours, money] = [cellFigure(remaining[1]!), cellFigure(remaining[2]!)];
        f.add(at, 'remaining hours', hours.over ? -hours.actual : hours.actual, HOURS_DECIMALS);
        f.add(at, 'remaining money', money.over ? -money.actual : money.actual, MONEY_DECIMALS);
      }
    }
  }
  return f;
}

/** The figures `cop report --format csv` and `--format finance-csv` show: one row per CoP and month, read back with csv-parse. */
export function reportCsvFigures(text: string): Figures {
  const f = new Figures();
  for (const row of parseCsv(text, { columns: true }) as Record<string, string>[]) {
    const at = copScope(row.cop!, row.month!);
    const number = (column: string) => (row[column] === undefined || row[column] === '' ? null : Number(row[column]));
    if ('status' in row) f.add(copScope(row.cop!), 'status', row.status!);
    if ('meetings' in row) f.add(at, 'meetings held', number('meetings'));
    f.add(at, 'attendance h', number('attendance_hours'), 2);
    f.add(at, 'preparation h', number('preparation_hours'), 2);
    const budget = number('preparation_budget_hours') ?? number('budget_hours');
    if (row.active !== 'false') f.add(at, 'preparation budget h', budget, 2);
    f.add(at, 'money', number('money_total'), 2);
  }
  return f;
}

const reportTextFace = (name: string, family: 'report markdown' | 'report csv', args: (org: Organisation) => string[], read: (text: string) => Figures): FaceOf => ({
  name,
  family,
  figures: async (org) => read(await org.output(['report', ...args(org)])),
});

// ---------------------------------------------------------------- cop health, review, due

function healthFigures(cop: any, f: Figures, allowed: number, asOf: IsoDate): void {
  const c = cop.id as string;
  f.add(copScope(c), 'status', cop.status);
  f.add(copScope(c), 'health', cop.level);
  const low = cop.triggers.find((t: any) => t.id === 'low-participation');
  if (cop.level !== 'not-judged') f.add(copScope(c), 'unreached months in a row', low ? low.evidence.run : 0);
  if (low?.level === 'flagged') f.add(copScope(c), 'months flagged', low.evidence.run - allowed - 1);
  for (const point of cop.trend) f.add(copScope(c, point.month), 'best attendance', point.bestAttendance);
  flatten(f, copScope(c, `health as of ${asOf}`), 'health entry, every field', cop);
}

const healthFace: FaceOf = {
  name: 'health',
  family: 'health',
  async figures(org) {
    const report = await org.json(['health']);
    const f = new Figures();
    for (const cop of report.cops) healthFigures(cop, f, report.policy.lowParticipationMonths, org.asOf);
    return f;
  },
};

/** The CoPs `cop review` has a budget for in the quarter: those `cop report` counts in it. */
async function reviewable(org: Organisation): Promise<string[]> {
  const q = reviewQuarter(org);
  return (await org.json<{ cops: { id: string }[] }>(['report', '--from', q.from, '--to', q.to])).cops.map((c) => c.id);
}

const reviewFace: FaceOf = {
  name: 'review',
  family: 'review',
  async figures(org) {
    const f = new Figures();
    for (const id of await reviewable(org)) {
      const r = await org.json(['review', id]);
      const period = copScope(id, `${r.period.from} to ${r.period.to}`);
      f.add(copScope(id), 'members', r.participation.members);
      f.add(copScope(id), 'next handover', r.coordinator.nextHandover);
      f.add(copScope(id), 'goal review dates', dates(r.goals.map((g: any) => g.review_by)));
      f.add(copScope(id), 'health', r.health.level);
      f.add(period, 'period meetings held', r.meetings.held);
      f.add(period, 'period meetings cancelled', r.meetings.cancelled);
      f.add(period, 'period preparation h', r.preparationHours);
      flatten(f, period, 'report entry, every field', r.budget);
      flatten(f, copScope(id, `health as of ${org.asOf}`), 'health entry, every field', r.health);
    }
    return f;
  },
};

const reviewOrgFace: FaceOf = {
  name: 'review --org',
  family: 'review --org',
  async figures(org) {
    const r = await org.json(['review', '--org']);
    const f = new Figures();
    const { period: sums, ...yearToDate } = r.budget;
    flatten(f, orgScope(r.period.to), 'organisation report, every field', yearToDate);
    flatten(f, `organisation, ${r.period.from} to ${r.period.to}`, 'organisation report, every field', sums);
    for (const cop of r.cops) {
      const period = copScope(cop.id, `${r.period.from} to ${r.period.to}`);
      f.add(copScope(cop.id), 'members', cop.members);
      f.add(copScope(cop.id), 'health', cop.health.level);
      f.add(period, 'period meetings held', cop.meetings.held);
      f.add(period, 'period meetings cancelled', cop.meetings.cancelled);
      flatten(f, period, 'report entry, every field', cop.budget);
      flatten(f, copScope(cop.id, `health as of ${org.asOf}`), 'health entry, every field', cop.health);
    }
    return f;
  },
};

/** Far enough ahead that every dated item is listed. */
const DUE_WITHIN = '3650d';

const dueFace: FaceOf = {
  name: 'due',
  family: 'due',
  async figures(org) {
    const report = await org.json(['due', '--within', DUE_WITHIN]);
    const f = new Figures();
    const ytd = (cop: string | null) => (cop === null ? orgScope(org.lastComplete) : copScope(cop, `January to ${org.lastComplete}`));
    const items = (cop: string | null, kind: string) => report.items.filter((i: any) => i.cop === cop && i.kind === kind);
    // Budget items look at the year of the last complete month, and only while it is the as-of year.
    const budgetsLooked = org.lastComplete.slice(0, 4) === org.asOf.slice(0, 4);
    const cops = [...new Set<string>(report.items.flatMap((i: any) => (i.cop === null ? [] : [i.cop])))];
    for (const c of cops) {
      const handover = items(c, 'handover').filter((i: any) => i.message.startsWith('Hand over'));
      if (handover.length) f.add(copScope(c), 'next handover', handover[0].date);
      f.add(copScope(c), 'goal review dates', dates(items(c, 'goal-review').map((i: any) => i.date)));
      for (const risk of items(c, 'dissolution-risk')) f.add(copScope(c), 'unreached months in a row', monthsListed(risk.message));
      for (const decision of items(c, 'dissolution-decision').filter((i: any) => i.message.includes('low-participation'))) {
        const months = /for (\d+) months?\)/.exec(decision.message);
        f.add(copScope(c), 'months flagged', months ? Number(months[1]) : 0);
      }
      const [budget] = items(c, 'budget');
      if (budget) {
        const m = /^At ([\d.]+) h of preparation a month, the CoP's ([\d.]+) h for the year run out in (\w+ \d{4})\.$/.exec(budget.message)!;
        f.add(ytd(c), 'ytd preparation a month', Number(m[1]), 1);
        f.add(ytd(c), 'year-end preparation budget h', Number(m[2]), 1);
        f.add(ytd(c), 'preparation runs out', monthOfLabel(m[3]!));
      } else if (budgetsLooked) {
        f.add(ytd(c), 'preparation runs out', null);
      }
    }
    if (budgetsLooked) {
      const org = items(null, 'budget');
      for (const what of ['hours', 'money'] as const) {
        const item = org.find((i: any) => i.message.includes(`yearly ${what} budget`));
        f.add(ytd(null), `${what} run out`, item ? monthOfLabel(/runs out in (\w+ \d{4})\./.exec(item.message)![1]!) : null);
      }
    }
    return f;
  },
};

// ---------------------------------------------------------------- cop show, cop ls

/** What a CoP's view shows (`cop show --format json`'s `cop`, the API's `cops/<id>.json`). */
function copViewFigures(f: Figures, id: string, cop: any): void {
  const at = copScope(id);
  f.add(at, 'status', cop.status);
  f.add(at, 'members', cop.members.length);
  f.add(at, 'max members', cop.maxMembers);
  f.add(at, 'coordinator', cop.coordinator.now?.name ?? null);
  f.add(at, 'coordinator since', cop.coordinator.since);
  f.add(at, 'next handover', cop.coordinator.nextHandover?.date ?? null);
  f.add(at, 'next meeting', cop.nextMeeting?.date ?? null);
  f.add(at, 'meetings held to date', cop.meetings.count);
  f.add(at, 'meetings cancelled to date', cop.meetings.cancelled);
  f.add(at, 'last meeting', cop.meetings.last?.date ?? null);
  f.add(at, 'goal review dates', dates(cop.goals.map((g: any) => g.reviewBy)));
  f.add(at, 'health', cop.health.level);
  const low = cop.health.triggers.find((t: any) => t.id === 'low-participation');
  if (cop.health.level !== 'not-judged') f.add(at, 'unreached months in a row', low ? low.evidence.run : 0);
  for (const point of cop.health.trend) f.add(copScope(id, point.month), 'best attendance', point.bestAttendance);
  const b = cop.budget;
  if (b) {
    const month = copScope(id, b.month);
    f.add(month, 'meetings held', b.thisMonth.meetings);
    f.add(month, 'preparation h', b.thisMonth.preparation.actual);
    f.add(month, 'preparation budget h', b.thisMonth.preparation.budget);
    f.add(month, 'attendance h', b.thisMonth.attendanceHours);
    f.add(month, 'money', b.thisMonth.money.total);
    copYearToDate(f, { id, yearToDate: b.yearToDate });
  }
}

const showFace: FaceOf = {
  name: 'show',
  family: 'show',
  async figures(org) {
    const f = new Figures();
    for (const id of await org.copIds()) copViewFigures(f, id, (await org.json(['show', id])).cop);
    return f;
  },
};

/** The static JSON API `cop site` writes beside the pages: each CoP's view and its 12 chart months. */
const apiFace: FaceOf = {
  name: 'api',
  family: 'api',
  async figures(org) {
    const out = await siteOf(org);
    const f = new Figures();
    for (const id of await org.copIds()) {
      const cop = JSON.parse(readFileSync(join(out, 'api', 'v1', 'cops', `${id}.json`), 'utf8'));
      copViewFigures(f, id, cop);
      for (const m of cop.months) {
        const month = copScope(id, m.month);
        f.add(month, 'preparation h', m.preparation);
        if (m.hoursBudget !== null) f.add(month, 'preparation budget h', m.hoursBudget);
        f.add(month, 'money', m.money);
      }
    }
    return f;
  },
};

const lsFace: FaceOf = {
  name: 'ls',
  family: 'ls',
  async figures(org) {
    const f = new Figures();
    for (const row of (await org.json(['ls'])).cops) {
      const at = copScope(row.id);
      f.add(at, 'status', row.status);
      f.add(at, 'members', row.members);
      f.add(at, 'coordinator', row.coordinator?.name ?? null);
      f.add(at, 'last meeting', row.lastMeeting);
      f.add(at, 'health', row.health);
      if (row.hoursThisMonth) {
        f.add(copScope(row.id, org.month), 'preparation h', row.hoursThisMonth.actual);
        f.add(copScope(row.id, org.month), 'preparation budget h', row.hoursThisMonth.budget);
      }
    }
    return f;
  },
};

// ---------------------------------------------------------------- the READMEs

const readmeFace: FaceOf = {
  name: 'readme',
  family: 'readme',
  async figures(org) {
    const ids = await org.copIds();
    const files = ['README.md', ...ids.map((id) => join(id, 'README.md'))].map((file) => join(org.root, 'cops', file));
    const before = new Map(files.map((file) => [file, existsSync(file) ? readFileSync(file, 'utf8') : undefined]));
    await org.output(['readme', '--write']);
    const written = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
    // Put the files back: the next day's case starts from the same data root.
    for (const [file, text] of before) {
      if (text === undefined) rmSync(file);
      else writeFileSync(file, text);
    }
    const f = new Figures();
    for (const id of ids) {
      const tree = parseMarkdown(written.get(join(org.root, 'cops', id, 'README.md'))!);
      const at = copScope(id);
      const rows = new Map(rowsOf(tree).map(([label, value]) => [label, value]));
      const status = rows.get('Status')!;
      f.add(at, 'status', status.split(' ')[0]!.toLowerCase());
      f.add(at, 'members', Number(/^(\d+) /.exec(rows.get('Members')!)![1]));
      const coordinator = rows.get('Coordinator')!;
      const term = /^(.*?)(?: \(@[^)]*\))? since (\d{4}-\d\d-\d\d)/.exec(coordinator);
      if (term) {
        f.add(at, 'coordinator', term[1]!);
        f.add(at, 'coordinator since', term[2]!);
      }
      const handover = /next handover (\d{4}-\d\d-\d\d)/.exec(coordinator);
      if (term) f.add(at, 'next handover', handover ? handover[1]! : null);
      f.add(at, 'next meeting', meetingDate(rows.get('Next meeting')!));
      const text = markdownText(tree);
      const most = /admits at most (\d+) members/.exec(text);
      if (status.startsWith('Active') || status.startsWith('Proposed')) f.add(at, 'max members', most ? Number(most[1]) : null);
      f.add(at, 'goal review dates', dates([...text.matchAll(/Review by (\d{4}-\d\d-\d\d)\./g)].map((m) => m[1]!)));
    }
    const index = parseMarkdown(written.get(join(org.root, 'cops', 'README.md'))!);
    const table = nodes(index).find(({ node }) => node.type === 'table')!.node as Extract<Root['children'][number], { type: 'table' }>;
    const [header, ...body] = table.children.map((row) => row.children.map((cell) => markdownText(cell)));
    const column = (name: string) => header!.indexOf(name);
    for (const row of body) {
      const link = nodes(table).find(({ node }) => node.type === 'link' && markdownText(node) === row[0])?.node;
      const id = link && 'url' in link ? link.url.split('/')[0]! : row[0]!;
      const at = copScope(id);
      f.add(at, 'status', row[column('Status')]!);
      f.add(at, 'members', Number(row[column('Members')]));
      const coordinator = row[column('Coordinator')]!;
      if (coordinator !== '–') f.add(at, 'coordinator', coordinator.replace(/ \(@[^)]*\)$/, ''));
      const next = row[column('Next meeting')]!;
      if (row[column('Status')] !== 'dissolved') f.add(at, 'next meeting', next === '–' ? null : next);
    }
    return f;
  },
};

/** The two-column rows of the first table in a README. */
function rowsOf(tree: Root): [string, string][] {
  const table = nodes(tree).find(({ node }) => node.type === 'table')?.node;
  if (!table || table.type !== 'table') return [];
  return table.children.slice(1).map((row) => [markdownText(row.children[0]!), markdownText(row.children[1]!)]);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `November 2026` → `2026-11`. */
function monthOfLabel(label: string): IsoMonth {
  const [name, year] = label.split(' ');
  const index = MONTHS.indexOf(name!);
  if (index < 0) throw new Error(`not a month: ${label}`);
  return `${year}-${String(index + 1).padStart(2, '0')}`;
}

/** The date in a "Next meeting" text (`Thursday 17 December 2026, 12:30–13:30 (Europe/London)`); null when none is scheduled. */
function meetingDate(text: string): IsoDate | null {
  const m = /(\d{1,2}) (\w+) (\d{4})/.exec(text);
  return m ? `${monthOfLabel(`${m[2]} ${m[3]}`)}-${m[1]!.padStart(2, '0')}` : null;
}

/** How many months a due item lists (`in October 2026, November 2026`). */
function monthsListed(message: string): number {
  return [...message.matchAll(new RegExp(`(${MONTHS.join('|')}) \\d{4}`, 'g'))].length - 1; // the last one is the as-of month it warns about
}

/** A set of dates as one figure: sorted, each once. */
function dates(list: readonly string[]): string {
  return [...new Set(list)].sort().join(', ');
}

// ---------------------------------------------------------------- the site

const sites = new WeakMap<Organisation, Promise<string>>();

/** `cop site` written once per organisation and day, into a folder of its own. */
function siteOf(org: Organisation): Promise<string> {
  if (!sites.has(org)) {
    const out = mkdtempSync(join(tmpdir(), 'cop-agree-site-'));
    sites.set(org, org.output(['site', '--out', out]).then(() => out));
  }
  return sites.get(org)!;
}

const pageOf = (out: string, file: string) => parsePage(readFileSync(join(out, file), 'utf8'));

/** A number as a page prints it (`1,234.5 h`, `€1,006.77`, `12`), with the decimals it shows. */
function shownNumber(text: string): { value: number; decimals: number } {
  const m = /-?[\d,]+(\.\d+)?/.exec(text);
  if (!m) throw new Error(`no number in "${text}"`);
  return { value: Number(m[0].replace(/,/g, '')), decimals: m[1] ? m[1].length - 1 : 0 };
}

/** Hours print with one decimal at most (`2 h` is 2.0), money with two: the precision of the format, not of the digits. */
const HOURS_DECIMALS = 1;
const MONEY_DECIMALS = 2;

function chartRows(page: Element, id: string): string[][] {
  const figure = findAll(page, (e) => e.tagName === 'figure' && attr(e, 'id') === id)[0];
  return figure ? tableRows(findAll(figure, byTag('table'))[0]!).slice(1) : [];
}

const siteFace: FaceOf = {
  name: 'site',
  family: 'site',
  async figures(org) {
    const out = await siteOf(org);
    const f = new Figures();
    for (const file of readdirSync(join(out, 'cops')).filter((name) => name.endsWith('.html'))) {
      const id = file.replace(/\.html$/, '');
      const page = pageOf(out, join('cops', file));
      const at = copScope(id);
      const lead = textOf(findAll(page, (e) => e.tagName === 'p' && attr(e, 'class') === 'lead')[0]!);
      f.add(at, 'status', lead.split(' · ')[1]!);
      const badge = findAll(page, (e) => attr(e, 'class')?.startsWith('badge ') === true)[0]!;
      f.add(at, 'health', attr(badge, 'class')!.split(' ')[1]!);
      const facts = definitions(findAll(page, (e) => e.tagName === 'dl' && attr(e, 'class') === 'facts')[0]!);
      const members = /^(\d+)(?: \(at most (\d+)\))?/.exec(facts.get('Members')!)!;
      f.add(at, 'members', Number(members[1]));
      if (!facts.has('Dissolved')) f.add(at, 'max members', members[2] ? Number(members[2]) : null);
      if (facts.has('Coordinator')) f.add(at, 'coordinator', facts.get('Coordinator')!);
      if (!facts.has('Dissolved')) f.add(at, 'next handover', facts.get('Next handover') ?? null);
      const terms = findAll(page, (e) => e.tagName === 'table' && textOf(e).startsWith('Coordinator terms'));
      // The term the page shows as covering the as-of day: from it or before, until it or later (or open).
      const covers = (row: string[]) => row.at(-2)! <= org.asOf && !(/^\d{4}-\d\d-\d\d$/.test(row.at(-1)!) && row.at(-1)! < org.asOf);
      const open = terms.length ? tableRows(terms[0]!).slice(1).find(covers) : undefined;
      if (open && facts.has('Coordinator')) f.add(at, 'coordinator since', open.at(-2)!);
      const goals = findAll(page, byTag('table')).find((t) => tableRows(t)[0]?.includes('Review by'));
      f.add(at, 'goal review dates', dates(goals ? tableRows(goals).slice(1).map((row) => row.at(-1)!) : []));

      for (const [label, value, budget] of chartRows(page, 'hours')) {
        const month = copScope(id, monthOfLabel(label!));
        f.add(month, 'preparation h', shownNumber(value!).value, HOURS_DECIMALS);
        if (budget !== undefined && budget !== '–' && budget !== '') f.add(month, 'preparation budget h', shownNumber(budget).value, HOURS_DECIMALS);
      }
      for (const [label, value] of chartRows(page, 'money')) f.add(copScope(id, monthOfLabel(label!)), 'money', shownNumber(value!).value, MONEY_DECIMALS);

      const meetings = findAll(page, byTag('table')).find((t) => tableRows(t)[0]?.[0] === 'Date' && tableRows(t)[0]?.[1] === 'Meeting');
      const rows = meetings ? tableRows(meetings).slice(1) : [];
      const held = rows.filter((row) => !/\(cancelled/.test(row[1]!));
      f.add(at, 'meetings held to date', held.length);
      f.add(at, 'meetings cancelled to date', rows.length - held.length);
      f.add(at, 'last meeting', held[0]?.[0] ?? null);
      const run = /(\d+) complete months? (?:in a row )?without a meeting of the minimum participants/.exec(textOf(page));
      if (run) f.add(at, 'unreached months in a row', Number(run[1]));
    }
    const health = pageOf(out, 'health.html');
    // The months grid: each active CoP's best attendance per month ("–" without a meeting), the
    // month in each column header's title ("January 2026").
    const [grid] = findAll(health, byTag('table')).filter((t) => tableRows(t)[0]?.[0] === 'CoP' && !tableRows(t)[0]!.includes('Health'));
    if (grid) {
      const months = findAll(findAll(grid, byTag('thead'))[0]!, byTag('abbr')).map((abbr) => monthOfLabel(attr(abbr, 'title')!));
      for (const tr of findAll(findAll(grid, byTag('tbody'))[0]!, byTag('tr'))) {
        const id = attr(findAll(tr, byTag('a'))[0]!, 'href')!.replace(/^.*cops\//, '').replace(/\.html$/, '');
        findAll(tr, byTag('td')).forEach((td, i) => f.add(copScope(id, months[i]!), 'best attendance', /^\d+$/.test(textOf(td)) ? Number(textOf(td)) : null));
      }
    }
    // The ranking (CoP, Health, …), not the months grid above it; none is drawn without an active CoP.
    const table = findAll(health, byTag('table')).find((t) => tableRows(t)[0]?.[1] === 'Health');
    for (const tr of table ? findAll(table, byTag('tr')).slice(1) : []) {
      const link = findAll(tr, byTag('a'))[0]!;
      const id = attr(link, 'href')!.replace(/^.*cops\//, '').replace(/\.html$/, '');
      const cells = cellsOf(tr);
      const badge = findAll(tr, (e) => attr(e, 'class')?.startsWith('badge ') === true)[0]!;
      f.add(copScope(id), 'health', attr(badge, 'class')!.split(' ')[1]!);
      f.add(copScope(id), 'unreached months in a row', Number(/^(\d+) of/.exec(cells[2]!)![1]));
    }
    return f;
  },
};

/**
 * The budget page's figures, which the page presents as the year to date and `cop report --year`
 * reports for the year of the last complete month (to L).
 */
const siteBudgetFace: FaceOf = {
  name: 'site budget page',
  family: 'site budget page',
  async figures(org) {
    const out = await siteOf(org);
    const page = pageOf(out, 'budget.html');
    const f = new Figures();
    const at = orgScope(org.lastComplete);
    const lead = textOf(findAll(page, (e) => e.tagName === 'p' && attr(e, 'class') === 'lead')[0]!);
    const elapsed = /the (\d+) complete months? elapsed/.exec(lead);
    // A page with a yearly budget always says how many months its pro-rata share counts.
    if (lead.includes('against a yearly budget') && !elapsed) throw new Error(`the budget page's lead names no months elapsed: "${lead}"`);
    if (elapsed) f.add(at, 'months elapsed', Number(elapsed[1]));
    const cards = findAll(page, (e) => e.tagName === 'div' && attr(e, 'class') === 'card');
    for (const card of cards) {
      const text = textOf(card);
      const hours = text.startsWith('Work hours');
      const decimals = hours ? HOURS_DECIMALS : MONEY_DECIMALS;
      const big = findAll(card, (e) => e.tagName === 'p' && (attr(e, 'class') ?? '').startsWith('big'))[0]!;
      f.add(at, hours ? 'ytd hours' : 'ytd money, all CoPs', shownNumber(textOf(big)).value, decimals);
      const yearly = /of ([^ ]+(?: h)?) for the year/.exec(text);
      f.add(at, hours ? 'yearly budget hours' : 'yearly budget money', yearly ? shownNumber(yearly[1]!).value : null, decimals);
      const proRata = /pro-rata ([^ ]+)/.exec(text);
      if (proRata) f.add(at, hours ? 'pro-rata hours' : 'pro-rata money', shownNumber(proRata[1]!).value, decimals);
      const pace = /At this pace: ([^ ]+(?: h)?) by December/.exec(text);
      if (pace) f.add(at, hours ? 'forecast hours' : 'forecast money', shownNumber(pace[1]!).value, decimals);
    }
    const byCop = findAll(page, byTag('table')).find((t) => tableRows(t)[0]?.[0] === 'CoP');
    for (const tr of byCop ? findAll(byCop, byTag('tr')).slice(1) : []) {
      const id = attr(findAll(tr, byTag('a'))[0]!, 'href')!.replace(/^.*cops\//, '').replace(/\.html$/, '');
      const [, meetings, attendance, preparation, money] = cellsOf(tr);
      const ytd = copScope(id, `January to ${org.lastComplete}`);
      f.add(ytd, 'ytd meetings held', Number(meetings));
      f.add(ytd, 'ytd attendance h', shownNumber(attendance!).value, HOURS_DECIMALS);
      f.add(ytd, 'ytd preparation h', shownNumber(preparation!).value, HOURS_DECIMALS);
      f.add(ytd, 'ytd money', shownNumber(money!).value, MONEY_DECIMALS);
    }
    return f;
  },
};

/** Every face. */
export const FACE_LIST: FaceOf[] = [
  reportFace('report --month M', (org) => ['--month', org.month]),
  reportFace('report (L)', () => []),
  reportFace('report --year', () => ['--year']),
  reportFace('report --from/--to Q', (org) => {
    const q = reviewQuarter(org);
    return ['--from', q.from, '--to', q.to];
  }),
  reportTextFace('report --month M --format markdown', 'report markdown', (org) => ['--month', org.month, '--format', 'markdown'], reportMarkdownFigures),
  reportTextFace('report --year --format markdown', 'report markdown', () => ['--year', '--format', 'markdown'], reportMarkdownFigures),
  reportTextFace('report --year --format csv', 'report csv', () => ['--year', '--format', 'csv'], reportCsvFigures),
  reportTextFace('report --month M --format finance-csv', 'report csv', (org) => ['--month', org.month, '--format', 'finance-csv'], reportCsvFigures),
  healthFace,
  reviewFace,
  reviewOrgFace,
  dueFace,
  showFace,
  lsFace,
  readmeFace,
  siteFace,
  siteBudgetFace,
  apiFace,
];

/** The figures of every face in `faces` for an organisation on a day, by face name. */
export async function figuresOf(org: Organisation, faces: readonly FaceOf[]): Promise<Map<string, Figures>> {
  const shown = new Map<string, Figures>();
  for (const face of faces) shown.set(face.name, await face.figures(org));
  return shown;
}
