/**
 * The view the site's pages and the static JSON API (`api/v1/`) are made of: every CoP's view
 * (./build.ts) with its 12 chart months, every meeting and its health in words, and the
 * organisation's budget pace, which is `cop report --year`'s for the same as-of date. Pure.
 * Anonymised, it holds no person at all: names, ids and GitHub handles are withheld in every
 * string, free text included (./redact.ts).
 */
import { computeReport } from '../budget/compute.js';
import { hoursPerMonthIn, monthlyShareIn } from '../budget/in-force.js';
import { resolvePeriod } from '../budget/period.js';
import { refreshmentsCap } from '../model/charter.js';
import type { CopMonth, CopReport, Report } from '../budget/types.js';
import { addMonthsToMonth, monthOf, monthsBetween, type IsoDate, type IsoMonth } from '../core/dates.js';
import type { CopHealth } from '../health/types.js';
import { isCancelled, participantCount } from '../model/meeting.js';
import type { Meeting, YearlyBudget } from '../model/schema-types.js';
import { circlesOf } from '../model/output.js';
import { valueMatrix } from '../review/value.js';
import { charters, personIndex, type CopFolder, type Workspace } from '../workspace/workspace.js';
import { organisationView, personRef } from './build.js';
import { meetingRow, pageWithLog, refResolver } from './log.js';
import { idsToNames, peopleRedactor, WITHHELD, type PersonNames } from './redact.js';
import type { BudgetPaceView, CopMonthView, CopPageSummary, CopPageView, CopView, HandoffView, MeetingRow, PersonRef, SiteSummaryView, SiteView, TriggerSentence, ValueMatrixView } from './types.js';

/** Months in every CoP chart, ending with the as-of month. */
export const CHART_MONTHS = 12;

export interface SiteViewOptions {
  asOf: IsoDate;
  /** Overrides policy.anonymise_reports. */
  anonymise?: boolean;
  /** The CoPs whose iCalendar file is written beside the pages, and its path (`calendar/<id>.ics`). */
  calendars?: ReadonlyMap<string, string>;
  /** `paceReport` when the caller has it already (the API writes it as `report/<year>.json`); computed here otherwise. */
  pace?: Report;
}

/** The period `cop report --year` resolves for this as-of date: the year of the last complete month. */
export function paceReport(ws: Workspace, asOf: IsoDate, anonymise: boolean): Report {
  return computeReport(ws, {
    period: resolvePeriod({ year: true }, asOf),
    anonymise,
  });
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
   * What `page` makes a CoP's log of, as plain data for a worker thread: its rows, newest first
   * (anonymised: without attendees or guests, and redacted), and every person as a PersonRef.
   * `page(cop)` is `pageWithLog(cop, logRows(cop), refResolver(people))` (./log.ts).
   */
  logRows: (cop: CopPageSummary) => MeetingRow[];
  people: PersonRef[];
}

export function siteViewInParts(ws: Workspace, options: SiteViewOptions): SiteViewInParts {
  const { asOf } = options;
  const anonymised = options.anonymise ?? ws.policy.anonymise_reports;
  const current = monthOf(asOf);
  const months = monthsBetween(addMonthsToMonth(current, 1 - CHART_MONTHS), current);
  const charts = computeReport(ws, {
    period: resolvePeriod({ from: months[0]!, to: current }, asOf),
    anonymise: anonymised,
  });
  const reports = new Map(charts.cops.map((cop) => [cop.id, cop]));
  const folders = new Map(charters(ws).map((cop) => [cop.id, cop]));
  const people = personIndex(ws);
  const names: PersonNames = new Map([...people.values()].map((p) => [p.id, p.name]));
  const org = organisationView(ws, asOf);
  const named = idsToNames(names);
  const pace = options.pace ?? paceReport(ws, asOf, anonymised);
  const context: PageContext = {
    ws,
    asOf,
    months,
    names,
    ref: personRef(people),
    text: (value) => (anonymised ? value : named(value)),
    anonymised,
    valuePeriod: pace.period,
  };
  const view: SiteSummaryView = {
    ...org,
    anonymised,
    policy: {
      ...org.policy,
      lowParticipationMonths: ws.policy.low_participation_months,
    },
    months,
    cops: org.cops.map((cop) => copPageSummary(cop, folders.get(cop.id)!, reports.get(cop.id), options.calendars?.get(cop.id) ?? null, context)),
    budget: budgetPace(pace, ws.config.budgets),
    handoffs: handoffsByCircle(org.cops, circlesOf(ws.config)),
  };
  const rows = (cop: CopPageSummary) => {
    const folder = folders.get(cop.id)!;
    return loggedMeetings(folder, asOf)
      .map((m) => meetingRow(m, folder.charter!, ws.policy.min_participants))
      .reverse();
  };
  const inParts = (summary: SiteSummaryView, logRows: (cop: CopPageSummary) => MeetingRow[], everyone: PersonRef[]): SiteViewInParts => {
    const resolve = refResolver(everyone);
    return { view: summary, page: (cop) => pageWithLog(cop, logRows(cop), resolve), logRows, people: everyone };
  };
  if (!anonymised) return inParts(view, rows, [...people.keys()].map(context.ref));
  const handles = [...people.values()].flatMap((p) => (p.github ? [p.github, `@${p.github}`] : []));
  const redact = peopleRedactor(names, handles);
  // Anonymised, a log has no attendees: no person to resolve.
  return inParts(redact(withoutPeople(view)), (cop) => redact(rows(cop).map(withoutAttendees)), []);
}

interface PageContext {
  ws: Workspace;
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

/** The meetings logged on or before the as-of date, oldest first. */
function loggedMeetings(folder: CopFolder, asOf: IsoDate): CopFolder['meetings'] {
  return folder.meetings.filter((m) => m.data.date <= asOf);
}

function copPageSummary(cop: CopView, folder: CopFolder, report: CopReport | undefined, calendar: string | null, ctx: PageContext): CopPageSummary {
  const byMonth = new Map((report?.months ?? []).map((m) => [m.month, m]));
  const loggedIn = new Map<IsoMonth, Meeting[]>();
  for (const { data } of loggedMeetings(folder, ctx.asOf)) loggedIn.set(monthOf(data.date), [...(loggedIn.get(monthOf(data.date)) ?? []), data]);
  return {
    ...cop,
    memberCount: cop.members.length,
    allowance: {
      hoursPerMonth: hoursPerMonthIn(folder.charter!.budget, monthOf(ctx.asOf)),
      refreshmentsPerHead: refreshmentsCap(folder.charter!, ctx.ws.policy.refreshments_per_head),
      otherCosts: (folder.charter!.budget?.other_costs ?? []).map((c) => ({
        category: c.category,
        amount: c.amount,
        per: c.per,
      })),
    },
    months: ctx.months.map((month) => monthView(month, byMonth.get(month), report, loggedIn.get(month) ?? [])),
    healthText: healthText(cop.health, ctx),
    calendar,
    value: valueMatrixView(folder, ctx),
  };
}

/** The matrix `cop review --org --year` shows for the CoP, its tellers resolved to people and ids in its stories to names. */
function valueMatrixView(folder: CopFolder, ctx: PageContext): ValueMatrixView {
  const { year, from, to } = ctx.valuePeriod;
  // Anonymised, valueMatrix leaves the tellers out itself.
  const cycles = valueMatrix(folder, folder.outputs.map((o) => o.data), { from, to, asOf: ctx.asOf, anonymise: ctx.anonymised });
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

function monthView(month: IsoMonth, m: CopMonth | undefined, report: CopReport | undefined, meetings: readonly Meeting[]): CopMonthView {
  const held = meetings.filter((meeting) => !isCancelled(meeting)).map(participantCount);
  const participants = {
    mostParticipants: held.length ? Math.max(...held) : 0,
    participants: held.reduce((sum, n) => sum + n, 0),
  };
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

function withoutAttendees<T extends { attendees: unknown[]; guests: unknown[] }>(meeting: T): T {
  return { ...meeting, attendees: [], guests: [] };
}
