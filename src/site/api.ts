/**
 * The static JSON API, `api/v1/` beside the pages (and alone with `cop export`): the same objects
 * the pages are rendered from, for the tools around the programme (chat bots, dashboards, HR).
 * Pure: the API's parts, computed once from the organisation and each CoP's parts (src/view/site-cop.ts),
 * then its files, path → text.
 *
 * - `index.json`: `schema_version`, the as-of date, the organisation and links to the rest;
 * - `cops.json`: one row per CoP (what `cop ls --format json` lists), with the link to its file;
 * - `cops/<id>.json`: the CoP's view (src/view/types.ts CopPageView), its fields at the top level;
 * - `report/<year>.json`: what `cop report --year <year> --format json` prints for the same as-of date;
 * - `health.json`: what `cop health --format json` prints;
 * - `calendar.json`: the scheduled meetings of the next CALENDAR_DAYS days (what the `.ics` files hold).
 *
 * Every file is described by a schema in schemas/api/. Anonymised, no file names a person.
 */
import { reportFromFigures } from '../budget/compute.js';
import { describeOccurrence, occurrences, resolveSchedule } from '../calendar/schedule.js';
import { addDaysIso, type IsoDate } from '../core/dates.js';
import { healthReport } from '../health/evaluate.js';
import type { Report } from '../budget/types.js';
import type { HealthReport } from '../health/types.js';
import { activeSince } from '../model/charter.js';
import { healthJson } from '../render/health/json.js';
import { withIncomplete } from '../render/incomplete.js';
import { reportFigures, roundFigures } from '../render/report/json.js';
import { listRow, type CopListRow } from '../view/list.js';
import { peopleRedactor, type PersonNames } from '../view/redact.js';
import type { CopPageSummary, CopPageView, SiteSummaryView } from '../view/types.js';
import type { LeftOutFile } from '../workspace/leave-out.js';
import { charters, personIndex, type Organisation } from '../workspace/workspace.js';
import { figuresForYear, yearPeriod, type SiteCopParts } from '../view/site-cop.js';
import { jsonChunks } from './json-bytes.js';
import type { FileContents } from '../workspace/write.js';
import type { SiteFile } from './write.js';

/** Bumped when a field changes meaning; adding a field does not bump it. */
export const API_SCHEMA_VERSION = 1;

/** Where the API is written, relative to the site's root. */
export const API_ROOT = 'api/v1';

/** How far ahead `calendar.json` lists the scheduled meetings. */
export const CALENDAR_DAYS = 90;

/** One scheduled meeting in `calendar.json`. */
export interface UpcomingMeeting {
  cop: string;
  name: string;
  date: IsoDate;
  start: string;
  end: string;
  timeZone: string;
  text: string;
  /** The CoP's iCalendar file, relative to the site's root. */
  calendar: string;
}

/** What the API holds beside the site view: outputs of other commands, as they print them, and the upcoming meetings. */
export interface ApiParts {
  /**
   * `cop report --year <year> --format json`, for each year from the first a CoP was active in to
   * the year of the last complete month: each computed when its file is written, and written a
   * chunk at a time (at 500 CoPs one is 14 MB of text).
   */
  reports: { year: number; chunks: () => Iterable<Uint8Array> }[];
  /** `cop health --format json`. */
  health: string;
  upcoming: UpcomingMeeting[];
}

/**
 * The parts computed from the organisation and each CoP's parts; `pace` is the report of the last complete month's year
 * (src/view/site.ts paceReport), the one the budget page shows. `calendars` maps a CoP id to its `.ics` path (the CoPs
 * the site writes a calendar for); anonymised, people are withheld as on the pages.
 */
export function apiParts(ws: Organisation, parts: ReadonlyMap<string, SiteCopParts>, options: { asOf: IsoDate; anonymised: boolean; calendars: ReadonlyMap<string, string>; leftOut: readonly LeftOutFile[]; pace: Report }): ApiParts {
  const { asOf, anonymised, calendars, leftOut, pace } = options;
  const withheld = anonymised ? withholder(ws) : <T>(value: T) => value;
  const printed = (json: string) => withIncomplete(json, 'json', leftOut).stdout;
  // What reportJson prints, with withIncomplete's `incomplete` last (its counts are whole numbers, which the rounding keeps).
  const reportChunks = (report: Report) => jsonChunks(leftOut.length === 0 ? reportFigures(report) : { ...reportFigures(report), incomplete: leftOut }, roundFigures);
  const last = pace.period.year;
  const years = charters(ws)
    .filter((cop) => cop.charter.status !== 'proposed')
    .map((cop) => Number(activeSince(cop.charter).slice(0, 4)));
  const first = Math.min(last, ...years);
  const reports = Array.from({ length: last - first + 1 }, (_, i) => first + i).map((year) => ({
    year,
    // A generator: the report is computed when the writer takes its first chunk.
    *chunks() {
      yield* reportChunks(withheld(year === last ? pace : reportFromFigures(ws, figuresForYear(ws, parts, year, asOf), { period: yearPeriod(year, asOf), anonymise: anonymised })));
    },
  }));
  const health = healthReport(ws, asOf, [...parts.values()].map((cop) => cop.health));
  const until = addDaysIso(asOf, CALENDAR_DAYS);
  const upcoming = charters(ws)
    .flatMap((cop) => {
      const schedule = resolveSchedule(cop.charter);
      const calendar = calendars.get(cop.id);
      if (!schedule || calendar === undefined || cop.charter.status === 'dissolved') return [];
      return occurrences(schedule, asOf, until).map((o) => ({ cop: cop.id, name: cop.charter.name, ...o, text: describeOccurrence(o), calendar }));
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : a.cop < b.cop ? -1 : 1));
  return { reports, health: printed(healthJson(withheld(anonymised ? withoutDeciders(health) : health))), upcoming: withheld(upcoming) };
}

/** A function withholding every person (id, name, GitHub handle) in every string of a value. */
function withholder(ws: Organisation): <T>(value: T) => T {
  const people = [...personIndex(ws).values()];
  const names: PersonNames = new Map(people.map((p) => [p.id, p.name]));
  const handles = people.flatMap((p) => (p.github ? [p.github] : []));
  return peopleRedactor(names, handles);
}

function withoutDeciders(health: HealthReport): HealthReport {
  return { ...health, cops: health.cops.map((cop) => ({ ...cop, triggers: cop.triggers.map((t) => ({ ...t, decidedBy: { ...t.decidedBy, people: [] } })) })) };
}


/** A CoP's row in `cops.json`: its `cop ls` row and the link to its file. */
export interface ApiCopRow extends CopListRow {
  href: string;
}

/** What the API is written from: the site view without the CoPs' logs, and a CoP's whole page view (src/view/site.ts siteViewInParts). */
export interface ApiView extends SiteSummaryView {
  page: (cop: CopPageSummary) => CopPageView;
}

/** What every file of the API starts with. */
function headOf(view: Pick<ApiView, 'asOf'>) {
  return { schema_version: API_SCHEMA_VERSION, asOf: view.asOf };
}

/**
 * The API's files, path (relative to the site's root) → text, in a stable order. `copFiles`
 * false leaves out `cops/<id>.json`, for a caller writing each beside the CoP's page (apiCopFile).
 */
export function* apiFiles(view: ApiView, parts: ApiParts, { copFiles = true } = {}): Generator<SiteFile> {
  const head = headOf(view);
  yield [
    `${API_ROOT}/index.json`,
    jsonChunks({
      ...head,
      organisation: view.organisation,
      currency: view.currency,
      anonymised: view.anonymised,
      links: {
        cops: 'cops.json',
        cop: view.cops.map((cop) => `cops/${cop.id}.json`),
        reports: parts.reports.map((r) => `report/${r.year}.json`),
        health: 'health.json',
        calendar: 'calendar.json',
      },
    }),
  ];
  yield [`${API_ROOT}/cops.json`, jsonChunks({ ...head, cops: view.cops.map((cop): ApiCopRow => ({ ...listRow(cop), href: `cops/${cop.id}.json` })) })];
  if (copFiles) for (const cop of view.cops) yield [apiCopPath(cop.id), apiCopFile(view, view.page(cop))];
  for (const report of parts.reports) yield [`${API_ROOT}/report/${report.year}.json`, report.chunks()];
  yield [`${API_ROOT}/health.json`, parts.health];
  yield [`${API_ROOT}/calendar.json`, jsonChunks({ ...head, days: CALENDAR_DAYS, meetings: parts.upcoming })];
}

/** A CoP's file, `cops/<id>.json` (apiCopPath): its page view, with the head every file has. */
export function apiCopFile(view: Pick<ApiView, 'asOf' | 'currency' | 'anonymised'>, cop: CopPageView): FileContents {
  return jsonChunks({ ...headOf(view), currency: view.currency, anonymised: view.anonymised, ...cop });
}

export function apiCopPath(id: string): string {
  return `${API_ROOT}/cops/${id}.json`;
}
