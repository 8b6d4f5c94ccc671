/**
 * The view the site's pages and the static JSON API (`api/v1/`) are made of: every CoP's view
 * (./build.ts) with its 12 chart months, every meeting and its health in words, and the
 * organisation's budget pace, which is `cop report --year`'s for the same as-of date. Pure.
 * Anonymised, it holds no person at all: names, ids and GitHub handles are withheld in every
 * string, free text included (./redact.ts).
 */
import { reportFromFigures } from '../budget/compute.js';
import { hoursPerMonthIn, monthlyShareIn } from '../budget/in-force.js';
import { refreshmentsCap } from '../model/charter.js';
import type { CopMonth, CopReport, Report } from '../budget/types.js';
import { monthOf, monthsBetween, type IsoDate, type IsoMonth } from '../core/dates.js';
import type { CopHealth } from '../health/types.js';
import type { ResolvedPolicy } from '../model/policy.js';
import type { Charter, YearlyBudget } from '../model/schema-types.js';
import { circlesOf } from '../model/output.js';
import type { ValueCycleEntry } from '../review/value.js';
import { charters, personIndex, type CopCharter, type Organisation, type Workspace } from '../workspace/workspace.js';
import { organisationViewOf, personRef } from './build.js';
import { pageWithLog, refResolver } from './log.js';
import { idsToNames, WITHHELD, type PersonNames } from './redact.js';
import { figuresFor, sitePartsOf, sitePeriods, siteRedactor, withoutAttendees, type SiteCopParts } from './site-cop.js';
import type { BudgetPaceView, CopMonthView, CopPageSummary, CopPageView, CopView, HandoffView, MeetingRow, PersonRef, SiteSummaryView, SiteView, TriggerSentence, ValueMatrixView } from './types.js';

export { CHART_MONTHS } from './site-cop.js';

export interface SiteViewOptions {
  asOf: IsoDate;
  /** Overrides policy.anonymise_reports. */
  anonymise?: boolean;
  /** The CoPs whose iCalendar file is written beside the pages, and its path (`calendar/<id>.ics`). */
  calendars?: ReadonlyMap<string, string>;
  /** `paceReport` when the caller has it already (the API writes it as `report/<year>.json`); computed here otherwise. */
  pace?: Report;
}

/** The report `cop report --year` makes for this as-of date (the year of the last complete month), from each CoP's parts. */
export function paceReport(org: Organisation, parts: ReadonlyMap<string, SiteCopParts>, asOf: IsoDate, anonymise: boolean): Report {
  return reportFromFigures(org, figuresFor(parts, 'pace'), { period: sitePeriods(asOf).pace, anonymise });
}

export function siteView(ws: Workspace, options: SiteViewOptions): SiteView {
  const { view, page } = siteViewInParts(ws, options);
  return { ...view, cops: view.cops.map(page) };
}

/**
 * The site view in two parts: everything but the CoPs' meeting logs, and `page`, a CoP's whole
 * page view with its log built on the call. At 500 CoPs the logs are four fifths of the view, so
 * `cop site` builds each when it writes the CoP's page and holds one at a time.
 */
export interface SiteViewInParts {
  view: SiteSummaryView;
  page: (cop: CopPageSummary) => CopPageView;
  /**
   * What `page` makes a CoP's log of, as JSON for a worker thread: its rows, newest first
   * (anonymised: without attendees or guests, and redacted), and every person as a PersonRef.
   * `page(cop)` is `pageWithLog(cop, JSON.parse(logRows(cop)), refResolver(people))` (./log.ts).
   */
  logRows: (cop: CopPageSummary) => string;
  people: PersonRef[];
}

/** The site view from a workspace holding every meeting: each CoP's parts computed here (./site-cop.ts). */
export function siteViewInParts(ws: Workspace, options: SiteViewOptions): SiteViewInParts {
  return siteViewFromParts(ws, sitePartsOf(ws, options.asOf, options.anonymise ?? ws.policy.anonymise_reports), options);
}

/** The site view from the organisation and each CoP's parts, wherever they were computed (`cop site`: where the CoP was read). */
export function siteViewFromParts(org: Organisation, parts: ReadonlyMap<string, SiteCopParts>, options: SiteViewOptions): SiteViewInParts {
  const { asOf } = options;
  const anonymised = options.anonymise ?? org.policy.anonymise_reports;
  const periods = sitePeriods(asOf);
  const charts = reportFromFigures(org, figuresFor(parts, 'charts'), { period: periods.charts, anonymise: anonymised });
  const reports = new Map(charts.cops.map((cop) => [cop.id, cop]));
  const folders = new Map(charters(org).map((cop) => [cop.id, cop]));
  const people = personIndex(org);
  const names: PersonNames = new Map([...people.values()].map((p) => [p.id, p.name]));
  const view = organisationViewOf(org, asOf, parts, reportFromFigures(org, figuresFor(parts, 'month'), { period: periods.month }));
  const named = idsToNames(names);
  const pace = options.pace ?? paceReport(org, parts, asOf, anonymised);
  const context: PageContext = {
    policy: org.policy,
    asOf,
    months: periods.chartMonths,
    names,
    ref: personRef(people),
    text: (value) => (anonymised ? value : named(value)),
    anonymised,
    valuePeriod: pace.period,
  };
  const summary: SiteSummaryView = {
    ...view,
    anonymised,
    policy: {
      ...view.policy,
      lowParticipationMonths: org.policy.low_participation_months,
    },
    months: periods.chartMonths,
    cops: view.cops.map((cop) => copPageSummary(cop, folders.get(cop.id)!, parts.get(cop.id)!, reports.get(cop.id), options.calendars?.get(cop.id) ?? null, context)),
    budget: budgetPace(pace, org.config.budgets),
    handoffs: handoffsByCircle(view.cops, circlesOf(org.config)),
  };
  const logRows = (cop: CopPageSummary) => parts.get(cop.id)!.rows;
  // Anonymised, a log has no attendees: no person to resolve.
  const everyone = anonymised ? [] : [...people.keys()].map(context.ref);
  const resolve = refResolver(everyone);
  return { view: anonymised ? siteRedactor(org)(withoutPeople(summary)) : summary, page: (cop) => pageWithLog(cop, JSON.parse(logRows(cop)) as MeetingRow[], resolve), logRows, people: everyone };
}

interface PageContext {
  policy: ResolvedPolicy;
  asOf: IsoDate;
  months: IsoMonth[];
  names: PersonNames;
  ref: (id: string) => PersonRef;
  /** Free text with person ids replaced by names (left alone when anonymised: redaction follows). */
  text: (value: string) => string;
  anonymised: boolean;
  /** The months of the value-creation matrix: `cop review --org --year`'s, which are the budget page's. */
  valuePeriod: Pick<Report['period'], 'year' | 'from' | 'to'>;
}

function copPageSummary(cop: CopView, folder: CopCharter & { charter: Charter }, parts: SiteCopParts, report: CopReport | undefined, calendar: string | null, ctx: PageContext): CopPageSummary {
  const byMonth = new Map((report?.months ?? []).map((m) => [m.month, m]));
  return {
    ...cop,
    memberCount: cop.members.length,
    allowance: {
      hoursPerMonth: hoursPerMonthIn(folder.charter.budget, monthOf(ctx.asOf)),
      refreshmentsPerHead: refreshmentsCap(folder.charter, ctx.policy.refreshments_per_head),
      otherCosts: (folder.charter.budget?.other_costs ?? []).map((c) => ({
        category: c.category,
        amount: c.amount,
        per: c.per,
      })),
    },
    months: ctx.months.map((month, i) => monthView(month, byMonth.get(month), report, parts.participants[i]!)),
    healthText: healthText(cop.health, ctx),
    calendar,
    value: valueMatrixView(parts.value, ctx),
  };
}

/** The matrix `cop review --org --year` shows for the CoP, its tellers resolved to people and ids in its stories to names. */
function valueMatrixView(cycles: readonly ValueCycleEntry[], ctx: PageContext): ValueMatrixView {
  const { year, from, to } = ctx.valuePeriod;
  // Anonymised, valueMatrix left the tellers out itself (./site-cop.ts).
  return {
    year,
    from,
    to,
    cycles: cycles.map((entry) => ({
      ...entry,
      stories: entry.stories.map((story) => ({
        file: story.file,
        teller: story.teller === undefined ? null : ctx.ref(story.teller),
        text: ctx.text(story.text),
        goal: story.goal ?? null,
        outputs: story.outputs,
      })),
    })),
  };
}

/** Every CoP's hand-offs grouped by circle: the configured circles in order, then unknown ones by id; newest first within each. */
function handoffsByCircle(cops: readonly CopView[], circles: readonly { id: string; name: string }[]): SiteView['handoffs'] {
  const all = cops.flatMap((cop) =>
    cop.outputs.flatMap((o) =>
      o.handoff
        ? [{ to: o.handoff.to, view: { cop: { id: cop.id, name: cop.name }, output: { file: o.file, date: o.date, title: o.title, url: o.url }, status: o.handoff.status, decided: o.handoff.decided } satisfies HandoffView }]
        : [],
    ),
  );
  const known = new Set(circles.map((c) => c.id));
  const unknown = [...new Map(all.filter((h) => !known.has(h.to.id)).map((h) => [h.to.id, h.to])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return [...circles, ...unknown].map((circle) => ({
    circle: { id: circle.id, name: circle.name },
    handoffs: all
      .filter((h) => h.to.id === circle.id)
      .map((h) => h.view)
      .sort((a, b) => (a.output.date > b.output.date ? -1 : a.output.date < b.output.date ? 1 : a.cop.id < b.cop.id ? -1 : a.cop.id > b.cop.id ? 1 : 0)),
  }));
}

function monthView(month: IsoMonth, m: CopMonth | undefined, report: CopReport | undefined, participants: SiteCopParts['participants'][number]): CopMonthView {
  if (!m || !report)
    return {
      month,
      meetings: 0,
      cancelled: 0,
      ...participants,
      attendanceHours: 0,
      preparation: 0,
      hoursBudget: null,
      money: 0,
      moneyAllowance: null,
    };
  const monthly = report.budget.otherCosts.reduce((sum, c) => sum + c.perMonth, 0);
  const cap = m.refreshments.perHead?.budget ?? report.budget.refreshmentsPerHead;
  return {
    month,
    meetings: m.meetings,
    cancelled: m.cancelled,
    ...participants,
    attendanceHours: m.attendanceHours,
    preparation: m.preparation.actual,
    hoursBudget: m.active ? m.preparation.budget : null,
    money: m.money.total,
    moneyAllowance: m.active ? cap * m.refreshments.participants + monthly : null,
  };
}

function healthText(health: Pick<CopHealth, 'triggers' | 'warnings'>, ctx: PageContext): CopPageView['healthText'] {
  const name = (id: string | undefined) => (id === undefined ? null : (ctx.names.get(id) ?? id));
  const triggers = health.triggers.map((t): TriggerSentence => {
    const who = t.decidedBy.role === 'cop' ? 'the CoP (its members)' : t.decidedBy.role === 'coordinator' ? 'the coordinator' : 'the CTO or sponsor';
    const people = ctx.anonymised || t.decidedBy.role === 'cop' ? [] : t.decidedBy.people.map((id) => name(id)!);
    const decidedBy = people.length ? `${who}: ${people.join(', ')}` : who;
    if ('run' in t.evidence) {
      const { run, allowed, months } = t.evidence;
      const sentence = `${run === 1 ? '1 complete month' : `${run} complete months in a row`} without a meeting of the minimum participants; the policy flags more than ${allowed}.`;
      return { id: t.id, level: t.level, sentence, decidedBy, months };
    }
    const by = ctx.anonymised ? null : name(t.evidence.declaredBy);
    const sentence = `Declared${by ? ` by ${by}` : ''} on ${t.evidence.date}${t.evidence.note ? `: ${ctx.text(t.evidence.note)}` : '.'}`;
    return { id: t.id, level: t.level, sentence, decidedBy, months: [] };
  });
  const low = health.triggers.find((t) => 'run' in t.evidence)?.evidence;
  return {
    triggers,
    warnings: health.warnings.map((w) => ({
      id: w.id,
      message: ctx.text(w.message),
    })),
    run: low && 'run' in low ? low.run : 0,
  };
}

/** The organisation's pace from `cop report --year`'s data, and its months and CoPs as the budget page charts them. */
function budgetPace(report: Report, budgets: readonly YearlyBudget[] | undefined): BudgetPaceView {
  const { year, budget, monthsElapsed, yearToDate, proRata, forecast, remaining, runsOut } = report.organisation;
  const yearly = budgets?.find((b) => b.year === year);
  const { ytdFrom, to } = report.period;
  return {
    year,
    budget,
    monthsElapsed,
    yearToDate,
    proRata,
    forecast,
    remaining,
    runsOut,
    from: ytdFrom,
    to,
    months: monthsBetween(ytdFrom, to).map((month) => ({
      month,
      byCop: report.cops.map((cop) => {
        const m = cop.months.find((x) => x.month === month);
        return {
          id: cop.id,
          hours: m ? m.attendanceHours + m.preparation.actual : 0,
          money: m ? m.money.total : 0,
        };
      }),
      share: yearly ? monthlyShareIn(yearly, month) : null,
    })),
    cops: report.cops.map((cop) => ({
      id: cop.id,
      name: cop.name,
      meetings: cop.yearToDate.meetings,
      attendanceHours: cop.yearToDate.attendanceHours,
      preparation: cop.yearToDate.preparation,
      money: cop.yearToDate.money.total,
    })),
  };
}

/** Who a coordinator term was held by, in an anonymised view: the term's dates stay. */
const WITHHELD_PERSON: PersonRef = { id: WITHHELD, name: WITHHELD, github: null };

/**
 * The view with every reference to a person dropped: lists emptied, single references null, a
 * term's person withheld (also people people.yaml does not list, whom redaction cannot know).
 */
function withoutPeople(view: SiteSummaryView): SiteSummaryView {
  return {
    ...view,
    cops: view.cops.map((cop) => ({
      ...cop,
      sponsor: null,
      members: [],
      coreGroup: [],
      dissolved: cop.dissolved ? { ...cop.dissolved, decidedBy: null } : null,
      coordinator: {
        ...cop.coordinator,
        now: null,
        deputy: null,
        nextHandover: cop.coordinator.nextHandover ? { ...cop.coordinator.nextHandover, to: null } : null,
        terms: cop.coordinator.terms.map((term) => ({ ...term, person: WITHHELD_PERSON })),
      },
      meetings: {
        ...cop.meetings,
        last: cop.meetings.last ? withoutAttendees(cop.meetings.last) : null,
        recent: cop.meetings.recent.map(withoutAttendees),
      },
      outputs: cop.outputs.map((o) => ({ ...o, authors: [] })),
      health: {
        ...cop.health,
        triggers: cop.health.triggers.map((t) => ({
          ...t,
          decidedBy: { ...t.decidedBy, people: [] },
          evidence: 'declaredBy' in t.evidence ? { ...t.evidence, declaredBy: WITHHELD } : t.evidence,
        })),
      },
    })),
  };
}
