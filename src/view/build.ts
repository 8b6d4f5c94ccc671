/**
 * Builds the view model (./types.ts) from a loaded workspace and an as-of date. Pure. Budget
 * figures come from computeReport (the month containing the as-of date, and its year to date),
 * health from copHealth: one computation of each for all CoPs, so `cop ls` on 500 CoPs is one
 * pass, not 500.
 */
import { describeOccurrence, describeSchedule, nextMeeting, resolveSchedule } from '../calendar/schedule.js';
import { computeReport, measure } from '../budget/compute.js';
import { resolvePeriod } from '../budget/period.js';
import type { CopReport } from '../budget/types.js';
import { addDaysIso, addMonthsIso, monthOf, type IsoDate } from '../core/dates.js';
import { copHealth } from '../health/evaluate.js';
import { activationProblems } from '../lifecycle/activation.js';
import { currentTerm, rotationMonths } from '../model/charter.js';
import { isCancelled } from '../model/meeting.js';
import { circlesOf, outputHours } from '../model/output.js';
import type { Charter, Circle, Meeting, Output, Person } from '../model/schema-types.js';
import { charters, personIndex, type CopFolder, type Loaded, type Workspace } from '../workspace/workspace.js';
import { meetingRow, withAttendees } from './log.js';
import type { BudgetView, CoordinatorView, CopView, MeetingView, OrganisationView, OutputView, PersonRef } from './types.js';

/** Meetings in `CopView.meetings.recent`: the last five, as `cop show` prints them. */
export const RECENT_MEETINGS = 5;

type Cop = CopFolder & { charter: Charter };

/** Every CoP with a charter, sorted by id. */
export function organisationView(ws: Workspace, asOf: IsoDate): OrganisationView {
  return {
    organisation: ws.config.organisation ?? null,
    currency: ws.config.currency ?? null,
    asOf,
    policy: { minMembers: ws.policy.min_members, minParticipants: ws.policy.min_participants },
    cops: copViews(ws, charters(ws), asOf),
  };
}

/** One CoP's view; undefined when no CoP with a charter has this id. */
export function copView(ws: Workspace, id: string, asOf: IsoDate): CopView | undefined {
  const cop = charters(ws).find((c) => c.id === id);
  return cop ? copViews(ws, [cop], asOf)[0] : undefined;
}

function copViews(ws: Workspace, cops: readonly Cop[], asOf: IsoDate): CopView[] {
  const report = computeReport(ws, { period: resolvePeriod({ month: monthOf(asOf) }, asOf), cops: cops.map((c) => c.id) });
  const budgets = new Map(report.cops.map((r) => [r.id, r]));
  const people = personIndex(ws);
  return [...cops].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((cop) => view(cop, ws, asOf, people, budgets.get(cop.id)));
}

function view(cop: Cop, ws: Workspace, asOf: IsoDate, people: ReadonlyMap<string, Person>, report: CopReport | undefined): CopView {
  const { charter } = cop;
  const ref = personRef(people);
  const refOrNull = (id: string | undefined) => (id === undefined ? null : ref(id));
  const logged = cop.meetings.filter((m) => m.data.date <= asOf);
  const held = logged.filter((m) => !isCancelled(m.data));
  const recent = logged.slice(-RECENT_MEETINGS).reverse().map((m) => meetingView(m, charter, ws, ref));
  const last = held.at(-1);
  const { level, triggers, warnings, trend } = copHealth(cop, ws, asOf);
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
    meetings: { count: held.length, cancelled: logged.length - held.length, last: last ? meetingView(last, charter, ws, ref) : null, recent },
    outputs: cop.outputs.filter((o) => o.data.date <= asOf).reverse().map((o) => outputView(o, circlesOf(ws.config), ref)),
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

function activationOf(charter: Charter, ws: Workspace): CopView['activation'] {
  const problems = activationProblems(charter, ws.policy);
  return { ready: problems.length === 0, problems };
}

function coordinatorView(charter: Charter, ws: Workspace, asOf: IsoDate, ref: (id: string) => PersonRef): CoordinatorView {
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

export function meetingView(meeting: Loaded<Meeting>, charter: Charter, ws: Workspace, ref: (id: string) => PersonRef): MeetingView {
  return withAttendees(meetingRow(meeting, charter, ws.policy.min_participants), ref);
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
