/**
 * Builds the view model (./types.ts) from a loaded workspace and an as-of date. Pure. Budget
 * figures come from computeReport (the month containing the as-of date, and its year to date),
 * health from copHealth: one computation of each for all CoPs, so `cop ls` on 500 CoPs is one
 * pass, not 500. What a CoP's view reads of its meetings and outputs (CopViewParts) may also be
 * computed elsewhere, where the CoP was read (`cop site`): organisationViewOf.
 */
import { describeOccurrence, describeSchedule, nextMeeting, resolveSchedule } from '../calendar/schedule.js';
import { computeReport, measure } from '../budget/compute.js';
import { resolvePeriod, type Period } from '../budget/period.js';
import type { CopReport, Report } from '../budget/types.js';
import { addDaysIso, addMonthsIso, monthOf, type IsoDate } from '../core/dates.js';
import { copHealth } from '../health/evaluate.js';
import type { CopHealth } from '../health/types.js';
import { activationProblems } from '../lifecycle/activation.js';
import { currentTerm, rotationMonths } from '../model/charter.js';
import { isCancelled } from '../model/meeting.js';
import { circlesOf, outputHours } from '../model/output.js';
import type { Charter, Circle, Meeting, Output, Person } from '../model/schema-types.js';
import { charters, personIndex, type CopCharter, type CopFolder, type Loaded, type Organisation, type Workspace } from '../workspace/workspace.js';
import { meetingRow, withAttendees } from './log.js';
import type { BudgetView, CoordinatorView, CopView, MeetingRow, OrganisationView, OutputView, PersonRef } from './types.js';

/** Meetings in `CopView.meetings.recent`: the last five, as `cop show` prints them. */
export const RECENT_MEETINGS = 5;

type Cop = CopFolder & { charter: Charter };
type CopWithCharter = CopCharter & { charter: Charter };

/** Every CoP with a charter, sorted by id. */
export function organisationView(ws: Workspace, asOf: IsoDate): OrganisationView {
  const cops = charters(ws);
  return organisationViewOf(ws, asOf, viewPartsOf(ws, cops, asOf), computeReport(ws, { period: viewPeriod(asOf) }));
}

/** One CoP's view; undefined when no CoP with a charter has this id. */
export function copView(ws: Workspace, id: string, asOf: IsoDate): CopView | undefined {
  const cop = charters(ws).find((c) => c.id === id);
  return cop ? copViews(ws, [cop], asOf, viewPartsOf(ws, [cop], asOf), computeReport(ws, { period: viewPeriod(asOf), cops: [cop.id] }))[0] : undefined;
}

/** The report a CoP's view takes its budget from: the as-of month's. */
export function viewPeriod(asOf: IsoDate): Period {
  return resolvePeriod({ month: monthOf(asOf) }, asOf);
}

/**
 * What a CoP's view reads of its meetings and outputs; the rest it reads of its charter. Plain
 * data: `cop site` computes it where the CoP is read (src/view/site-cop.ts), never gathering the
 * meetings in one thread.
 */
export interface CopViewParts {
  /** The meetings logged by the as-of date: how many were held and cancelled, the last held and the most recent, as rows. */
  log: { count: number; cancelled: number; last: MeetingRow | null; recent: MeetingRow[] };
  health: CopHealth;
  outputs: Loaded<Output>[];
}

/** A CoP's CopViewParts, from its folder, as of `asOf`. */
export function copViewParts(cop: Cop, ws: Pick<Workspace, 'policy' | 'config'>, asOf: IsoDate): CopViewParts {
  const row = (m: Loaded<Meeting>) => meetingRow(m, cop.charter, ws.policy.min_participants);
  const logged = cop.meetings.filter((m) => m.data.date <= asOf);
  const held = logged.filter((m) => !isCancelled(m.data));
  const last = held.at(-1);
  return {
    log: { count: held.length, cancelled: logged.length - held.length, last: last ? row(last) : null, recent: logged.slice(-RECENT_MEETINGS).reverse().map(row) },
    health: copHealth(cop, ws, asOf),
    outputs: cop.outputs,
  };
}

const viewPartsOf = (ws: Workspace, cops: readonly Cop[], asOf: IsoDate) => new Map(cops.map((cop) => [cop.id, copViewParts(cop, ws, asOf)]));

/** organisationView from each CoP's CopViewParts (by id) and the as-of month's report (viewPeriod), wherever they were computed. */
export function organisationViewOf(org: Organisation, asOf: IsoDate, parts: ReadonlyMap<string, CopViewParts>, month: Report): OrganisationView {
  return {
    organisation: org.config.organisation ?? null,
    currency: org.config.currency ?? null,
    asOf,
    policy: { minMembers: org.policy.min_members, minParticipants: org.policy.min_participants },
    cops: copViews(org, charters(org), asOf, parts, month),
  };
}

function copViews(org: Organisation, cops: readonly CopWithCharter[], asOf: IsoDate, parts: ReadonlyMap<string, CopViewParts>, month: Report): CopView[] {
  const budgets = new Map(month.cops.map((r) => [r.id, r]));
  const people = personIndex(org);
  return [...cops].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((cop) => view(cop, parts.get(cop.id)!, org, asOf, people, budgets.get(cop.id)));
}

function view(cop: CopWithCharter, parts: CopViewParts, ws: Organisation, asOf: IsoDate, people: ReadonlyMap<string, Person>, report: CopReport | undefined): CopView {
  const { charter } = cop;
  const ref = personRef(people);
  const refOrNull = (id: string | undefined) => (id === undefined ? null : ref(id));
  const { log } = parts;
  const { level, triggers, warnings, trend } = parts.health;
  const d = charter.dissolved;
  const schedule = resolveSchedule(charter);
  const next = schedule ? nextMeeting(schedule, asOf) : undefined;
  return {
    id: cop.id,
    name: charter.name,
    status: charter.status,
    charterFile: cop.charterFile,
    created: charter.created,
    activated: charter.activated ?? null,
    dissolved: d ? { date: d.date ?? null, reason: d.reason ?? null, decidedBy: refOrNull(d.decided_by), note: d.note ?? null } : null,
    scope: { subject: charter.scope.subject, in: [...charter.scope.in], out: [...(charter.scope.out ?? [])] },
    rationale: charter.rationale?.trim() || null,
    goals: (charter.goals ?? [])
      .map((g) => ({ type: g.type, audiences: [...g.audiences], description: g.description, reviewBy: g.review_by, reviewDue: g.review_by <= asOf }))
      .sort((a, b) => (a.reviewBy < b.reviewBy ? -1 : a.reviewBy > b.reviewBy ? 1 : 0)),
    sponsor: refOrNull(charter.sponsor),
    coordinator: coordinatorView(charter, ws, asOf, ref),
    members: charter.members.map(ref),
    coreGroup: (charter.core_group ?? []).map(ref),
    membership: charter.membership ?? ws.policy.membership,
    maxMembers: charter.max_members ?? null,
    format: {
      formats: [...charter.format.formats],
      cadence: charter.format.cadence,
      durationMinutes: charter.format.duration_minutes,
      slot: charter.format.slot,
      channel: charter.format.channel ?? null,
      recordings: charter.format.recordings ?? null,
      schedule: schedule ? { text: describeSchedule(schedule), timeZone: schedule.timeZone } : null,
    },
    nextMeeting: next ? { ...next, text: describeOccurrence(next) } : null,
    meetings: { count: log.count, cancelled: log.cancelled, last: log.last ? withAttendees(log.last, ref) : null, recent: log.recent.map((row) => withAttendees(row, ref)) },
    outputs: parts.outputs.filter((o) => o.data.date <= asOf).reverse().map((o) => outputView(o, circlesOf(ws.config), ref)),
    budget: report ? budgetView(report) : null,
    health: { level, triggers, warnings, trend },
    activation: charter.status === 'proposed' ? activationOf(charter, ws) : null,
  };
}

/** A function resolving a person id through people.yaml. */
export function personRef(people: ReadonlyMap<string, Person>): (id: string) => PersonRef {
  return (id) => {
    const person = people.get(id);
    return { id, name: person?.name ?? id, github: person?.github ?? null };
  };
}

function activationOf(charter: Charter, ws: Pick<Workspace, 'policy'>): CopView['activation'] {
  const problems = activationProblems(charter, ws.policy);
  return { ready: problems.length === 0, problems };
}

function coordinatorView(charter: Charter, ws: Pick<Workspace, 'policy'>, asOf: IsoDate, ref: (id: string) => PersonRef): CoordinatorView {
  const { terms, deputy } = charter.coordinator;
  const term = currentTerm(charter, asOf);
  const rotation = rotationMonths(charter, ws.policy);
  let nextHandover: CoordinatorView['nextHandover'] = null;
  if (term) {
    const date = term.until !== undefined ? addDaysIso(term.until, 1) : rotation !== null ? addMonthsIso(term.from, rotation) : null;
    if (date !== null) {
      const next = terms.find((t) => t.from > term.from);
      nextHandover = { date, to: next ? ref(next.person) : null, overdue: date < asOf };
    }
  }
  return {
    now: term ? ref(term.person) : null,
    since: term?.from ?? null,
    rotationMonths: rotation,
    nextHandover,
    deputy: deputy === undefined ? null : ref(deputy),
    terms: terms.map((t) => ({ person: ref(t.person), from: t.from, until: t.until ?? null })),
  };
}

function outputView({ file, data: o }: Loaded<Output>, circles: readonly Circle[], ref: (id: string) => PersonRef): OutputView {
  const handoff = o.handoff;
  return {
    file,
    date: o.date,
    title: o.title,
    kind: o.kind,
    audience: o.audience,
    authors: o.authors.map(ref),
    goals: [...(o.goals ?? [])],
    hours: outputHours(o),
    url: o.url ?? null,
    meeting: o.meeting ?? null,
    handoff: handoff ? { to: { id: handoff.to, name: circles.find((c) => c.id === handoff.to)?.name ?? handoff.to }, status: handoff.status, decided: handoff.decided ?? null } : null,
  };
}

function budgetView(report: CopReport): BudgetView | null {
  const month = report.months.at(-1);
  if (!month || month.month !== report.yearToDate.to) return null;
  const ytd = report.yearToDate;
  const allowed = ytd.costs.reduce((sum, line) => sum + (line.allowance ?? 0), 0);
  return {
    month: month.month,
    hoursPerMonth: report.budget.hoursPerMonth,
    refreshmentsPerHead: report.budget.refreshmentsPerHead,
    thisMonth: {
      meetings: month.meetings,
      attendanceHours: month.attendanceHours,
      preparation: month.preparation,
      money: month.money,
      refreshmentsPerHead: month.refreshments.perHead,
    },
    yearToDate: { ...ytd, moneyAgainstAllowance: measure(ytd.money.total, allowed) },
  };
}
