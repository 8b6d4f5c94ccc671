/**
 * What `cop site` writes, as data: the site view (src/view/site.ts) that the pages and the JSON
 * API are both made of, the API's other parts (src/site/api.ts), plus what only the pages need (where charters are browsed, the calendar
 * files beside them, the banner for files left out). Pure: the organisation and each CoP's parts
 * (src/view/site-cop.ts), or a workspace holding every meeting, + options → Site.
 */
import { calendarFiles, scheduledCops } from '../calendar/ics.js';
import { COMBINED_CALENDAR_ID } from '../calendar/reserved.js';
import type { IsoDate } from '../core/dates.js';
import { incompleteLines, type IncompleteBanner } from '../render/incomplete.js';
import { paceReport, siteViewFromParts, type SiteViewInParts } from '../view/site.js';
import { sitePartsOf, type SiteCopParts } from '../view/site-cop.js';
import type { CopPageSummary, CopPageView, SiteSummaryView } from '../view/types.js';
import type { LeftOutFile } from '../workspace/leave-out.js';
import { charters, type Organisation, type Workspace } from '../workspace/workspace.js';
import { apiParts, type ApiParts } from './api.js';

export interface SiteOptions {
  asOf: IsoDate;
  /** Overrides policy.anonymise_reports. */
  anonymise?: boolean;
  /** Where charter files are read in the repository, e.g. `https://github.com/org/cops/blob/main/`. */
  sourceUrl?: string | null;
  /** Whether calendars are written beside the pages (`calendar/<id>.ics`, `calendar/all.ics`); default true. */
  calendars?: boolean;
  /** Files with errors the figures leave out (src/workspace/leave-out.ts): every page says so at its top. */
  leftOut?: LeftOutFile[];
}

export interface Site extends SiteSummaryView {
  /** A CoP's page view with its meeting log, built on the call (src/view/site.ts siteViewInParts): one CoP's log at a time. */
  page: (cop: CopPageSummary) => CopPageView;
  /** What `page` makes a CoP's log of, for a worker thread to make the page (src/view/site.ts SiteViewInParts). */
  logRows: SiteViewInParts['logRows'];
  people: SiteViewInParts['people'];
  sourceUrl: string | null;
  /** Path of the calendar of every CoP, when calendars are written and some CoP has a schedule. */
  calendar: string | null;
  /** The iCalendar files written beside the pages (src/calendar/ics.ts): `calendar/<id>.ics` per scheduled CoP and `calendar/all.ics`. */
  calendarFiles: { path: string; text: string }[];
  /** What the pages leave out, headline and files in words (src/render/incomplete.ts); null when nothing. */
  incomplete: IncompleteBanner | null;
  /** What the JSON API holds beside the view (src/site/api.ts). */
  api: ApiParts;
}

/** The site of a workspace holding every meeting: each CoP's parts computed here (src/view/site-cop.ts). */
export function buildSite(ws: Workspace, options: SiteOptions): Site {
  return buildSiteFromParts(ws, sitePartsOf(ws, options.asOf, options.anonymise ?? ws.policy.anonymise_reports), options);
}

/** The site of the organisation from each CoP's parts, wherever they were computed (`cop site`: where the CoP was read). */
export function buildSiteFromParts(ws: Organisation, parts: ReadonlyMap<string, SiteCopParts>, options: SiteOptions): Site {
  const { asOf } = options;
  const scheduled = options.calendars === false ? [] : scheduledCops(charters(ws)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const calendars =
    scheduled.length === 0
      ? []
      : calendarFiles(scheduled, {
          ...(ws.config.organisation ? { organisation: ws.config.organisation } : {}),
          stamp: asOf,
        });
  const calendarOf = new Map(calendars.flatMap((f) => (f.copId === undefined ? [] : [[f.copId, `calendar/${f.name}`] as const])));
  const anonymise = options.anonymise ?? ws.policy.anonymise_reports;
  // One report of the year for the budget page and the API's report/<year>.json: the same object.
  const pace = paceReport(ws, parts, asOf, anonymise);
  const { view, page, logRows, people } = siteViewFromParts(ws, parts, { asOf, anonymise, calendars: calendarOf, pace });
  return {
    ...view,
    page,
    logRows,
    people,
    sourceUrl: options.sourceUrl ?? null,
    calendar: calendars.length > 0 ? `calendar/${COMBINED_CALENDAR_ID}.ics` : null,
    calendarFiles: calendars.map((f) => ({
      path: `calendar/${f.name}`,
      text: f.text,
    })),
    incomplete: incompleteLines(options.leftOut ?? []) ?? null,
    api: apiParts(ws, parts, { asOf, anonymised: anonymise, calendars: calendarOf, leftOut: options.leftOut ?? [], pace }),
  };
}
