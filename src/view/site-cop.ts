/**
 * What the site reads of one CoP's meetings and outputs (SiteCopParts), computed from the CoP
 * alone: `cop site` computes it in the thread that reads the CoP (src/lint/per-cop.ts), so the
 * meetings are never gathered in one thread; ./site.ts computes it from a workspace for its other
 * callers. Pure; the parts are plain data, and the log's rows one JSON text, which the main thread
 * passes on to the thread rendering the CoP's page without parsing it.
 */
import { copFigurer, type CopFigures } from '../budget/compute.js';
import { resolvePeriod, type Period } from '../budget/period.js';
import { addMonthsToMonth, monthOf, monthsBetween, type IsoDate, type IsoMonth } from '../core/dates.js';
import { isCancelled, participantCount } from '../model/meeting.js';
import type { Charter, Meeting } from '../model/schema-types.js';
import { valueMatrix, type ValueCycleEntry } from '../review/value.js';
import { charters, personIndex, type CopFolder, type Loaded, type Organisation, type Workspace } from '../workspace/workspace.js';
import { copViewParts, viewPeriod, type CopViewParts } from './build.js';
import { meetingRow } from './log.js';
import { peopleRedactor, type PersonNames } from './redact.js';

/** Months in every CoP chart, ending with the as-of month. */
export const CHART_MONTHS = 12;

/** The periods the site reports on, as of a date. */
export interface SitePeriods {
  /** The as-of month: each CoP's view (./build.ts). */
  month: Period;
  /** The months of every CoP chart, ending with the as-of month, and their period. */
  chartMonths: IsoMonth[];
  charts: Period;
  /** `cop report --year`'s: the budget page's, the value matrices' and the API's last `report/<year>.json`. */
  pace: Period;
}

export function sitePeriods(asOf: IsoDate): SitePeriods {
  const current = monthOf(asOf);
  const chartMonths = monthsBetween(addMonthsToMonth(current, 1 - CHART_MONTHS), current);
  return { month: viewPeriod(asOf), chartMonths, charts: resolvePeriod({ from: chartMonths[0]!, to: current }, asOf), pace: resolvePeriod({ year: true }, asOf) };
}

/** The period of the API's `report/<year>.json` for a year before the pace year. */
export function yearPeriod(year: number, asOf: IsoDate): Period {
  return resolvePeriod({ year: String(year) }, asOf);
}

/** What the site reads of a CoP's meetings and outputs: its view's parts (./build.ts), and what its page, the charts and the API's reports add. */
export interface SiteCopParts extends CopViewParts {
  /** Its figures (budget/compute.ts copFigurer) for each of the site's reports (SitePeriods). */
  figures: {
    month: CopFigures;
    charts: CopFigures;
    pace: CopFigures;
    /** Each year from `first` to the year before the pace year: `first` is the year of its earliest meeting or output (the pace year when later). */
    years: { first: number; figures: CopFigures[] };
  };
  /**
   * Its last meeting log (by file name), whatever its date: all that its figures read of it for a
   * year before `years.first` (a dissolution without a date ends at its last meeting: activeMonths).
   */
  lastMeeting: Loaded<Meeting> | null;
  /** Its meetings held in each chart month and logged by the as-of date: the most participants at one, and all added up. */
  participants: { mostParticipants: number; participants: number }[];
  /** Its value matrix over the pace year's months (`cop review --org --year`), tellers as ids. */
  value: ValueCycleEntry[];
  /** Its log's rows (./log.ts meetingRow), newest first, as JSON; anonymised, without attendees or guests, and redacted. */
  rows: string;
}

/** What a CoP's SiteCopParts are computed with besides the CoP. */
export interface SiteCopContext extends Pick<Workspace, 'config' | 'policy' | 'people'> {
  asOf: IsoDate;
  anonymised: boolean;
}

/** The function computing a CoP's SiteCopParts; anonymised, the people's redactor is built once, here. */
export function siteCopFigurer(context: SiteCopContext): (cop: CopFolder & { charter: Charter }) => SiteCopParts {
  const { asOf, anonymised, policy } = context;
  const periods = sitePeriods(asOf);
  const figurers = { month: copFigurer(periods.month, policy), charts: copFigurer(periods.charts, policy), pace: copFigurer(periods.pace, policy) };
  const byYear = new Map<number, ReturnType<typeof copFigurer>>();
  const yearFigurer = (year: number) => byYear.get(year) ?? byYear.set(year, copFigurer(yearPeriod(year, asOf), policy)).get(year)!;
  const redact = anonymised ? siteRedactor(context) : undefined;
  const last = periods.pace.year;
  return (cop) => {
    let first = last;
    for (const { data } of [...cop.meetings, ...cop.outputs]) first = Math.min(first, Number(data.date.slice(0, 4)));
    const logged = cop.meetings.filter((m) => m.data.date <= asOf);
    const rows = logged.map((m) => meetingRow(m, cop.charter, policy.min_participants)).reverse();
    // Each held meeting's participants, by month: one pass, not one per chart month.
    const heldCounts = new Map<IsoMonth, number[]>();
    for (const { data } of logged) {
      if (isCancelled(data)) continue;
      const month = monthOf(data.date);
      const counts = heldCounts.get(month);
      if (counts) counts.push(participantCount(data));
      else heldCounts.set(month, [participantCount(data)]);
    }
    return {
      ...copViewParts(cop, context, asOf),
      figures: {
        month: figurers.month(cop),
        charts: figurers.charts(cop),
        pace: figurers.pace(cop),
        years: { first, figures: Array.from({ length: last - first }, (_, i) => yearFigurer(first + i)(cop)) },
      },
      lastMeeting: cop.meetings.at(-1) ?? null,
      participants: periods.chartMonths.map((month) => participantsOf(heldCounts.get(month) ?? [])),
      value: valueMatrix(cop, cop.outputs.map((o) => o.data), { from: periods.pace.from, to: periods.pace.to, asOf, anonymise: anonymised }),
      rows: JSON.stringify(redact ? redact(rows.map(withoutAttendees)) : rows),
    };
  };
}

/** The most participants at one held meeting and all added up, from each meeting's count. */
function participantsOf(counts: readonly number[]): SiteCopParts['participants'][number] {
  return { mostParticipants: counts.length ? Math.max(...counts) : 0, participants: counts.reduce((sum, n) => sum + n, 0) };
}

/** Each CoP's SiteCopParts computed from `ws`, which holds every meeting and output. */
export function sitePartsOf(ws: Workspace, asOf: IsoDate, anonymised: boolean): Map<string, SiteCopParts> {
  const figure = siteCopFigurer({ config: ws.config, policy: ws.policy, ...(ws.people ? { people: ws.people } : {}), asOf, anonymised });
  return new Map(charters(ws).map((cop) => [cop.id, figure(cop)]));
}

/** Each CoP's figures for one of the site's periods. */
export function figuresFor(parts: ReadonlyMap<string, SiteCopParts>, period: 'month' | 'charts' | 'pace'): Map<string, CopFigures> {
  return new Map([...parts].map(([id, cop]) => [id, cop.figures[period]]));
}

/**
 * Each CoP's figures for `year`, before the pace year. For a year before a CoP's first meeting or
 * output, its figures read its charter alone (and its last meeting's date, after that year): they
 * are computed here.
 */
export function figuresForYear(org: Organisation, parts: ReadonlyMap<string, SiteCopParts>, year: number, asOf: IsoDate): Map<string, CopFigures> {
  const figure = copFigurer(yearPeriod(year, asOf), org.policy);
  return new Map(
    charters(org).map((cop) => {
      const { figures, lastMeeting } = parts.get(cop.id)!;
      const { first, figures: years } = figures.years;
      return [cop.id, year >= first ? years[year - first]! : figure({ ...cop, meetings: lastMeeting ? [lastMeeting] : [], outputs: [] })];
    }),
  );
}

/** Withholds every person of people.yaml (id, name, GitHub handle with and without `@`) in every string of a value. */
export function siteRedactor(ws: Pick<Workspace, 'people'>): <T>(value: T) => T {
  const people = personIndex(ws);
  const names: PersonNames = new Map([...people.values()].map((p) => [p.id, p.name]));
  const handles = [...people.values()].flatMap((p) => (p.github ? [p.github, `@${p.github}`] : []));
  return peopleRedactor(names, handles);
}

export function withoutAttendees<T extends { attendees: unknown[]; guests: unknown[] }>(meeting: T): T {
  return { ...meeting, attendees: [], guests: [] };
}
