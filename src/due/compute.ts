/**
 * `cop due`'s core: workspace + as-of + horizon → what needs doing, soonest first. Pure.
 *
 * It asks the same questions as `cop health` and `cop report` (cadence, rotation, the
 * low-participation run, year-to-date spending) and turns each answer into a dated to-do with
 * the people who should act on it.
 */
import { addDaysIso, addMonthsIso, addMonthsToMonth, monthLabel, monthOf, monthsBetween, type IsoDate, type IsoMonth } from '../core/dates.js';
import { groupBy } from '../core/group-by.js';
import { hoursText, moneyText } from '../core/numbers.js';
import { computeReport } from '../budget/compute.js';
import { lastCompleteMonth, resolvePeriod } from '../budget/period.js';
import { monthStats } from '../health/months.js';
import { triggersOf } from '../health/triggers.js';
import type { DecidedBy, TriggerResult } from '../health/types.js';
import { nextMeetingDue } from '../health/warnings.js';
import { activeSince, currentTerm, rotationDue } from '../model/charter.js';
import { isCancelled } from '../model/meeting.js';
import { decidedOutcome } from '../model/review.js';
import { circlesOf } from '../model/output.js';
import type { Charter } from '../model/schema-types.js';
import { charters, type CopFolder, type Workspace } from '../workspace/workspace.js';
import type { DueItem, DueKind, DuePerson, DueReport, DueRole } from './types.js';

/** The seed's review of a new CoP, this many months after it became active. */
export const FIRST_REVIEW_MONTHS = 3;
/** Days a coordinator has after a meeting to publish its recording. */
export const RECORDING_GRACE_DAYS = 7;
/** Meetings older than this are left to `cop check`'s meeting-recording rule. */
export const RECORDING_WINDOW_DAYS = 60;
/** Days a circle has to answer a proposed hand-off before it is due to be chased. */
export const HANDOFF_ANSWER_DAYS = 30;

export interface DueOptions {
  asOf: IsoDate;
  /** Days ahead to look: items dated after as-of + within are left out. */
  within: number;
  /** Only the items this person should act on. */
  person?: string;
}

type Cop = CopFolder & { charter: Charter };

export function computeDue(ws: Workspace, options: DueOptions): DueReport {
  const { asOf, within, person } = options;
  const until = addDaysIso(asOf, within);
  const active = charters(ws).filter((cop) => cop.charter.status === 'active' && activeSince(cop.charter) <= asOf);
  const items = [
    ...active.flatMap((cop) => copItems(cop, ws, asOf)),
    ...budgetItems(ws, active, asOf),
  ].filter((item) => item.date <= until && (person === undefined || item.people.some((p) => p.id === person)));
  items.sort((a, b) => compare(a.date, b.date) || compare(a.cop ?? '', b.cop ?? '') || compare(a.kind, b.kind) || compare(a.message, b.message));
  return { version: 1, asOf, until, person: person ?? null, items };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function copItems(cop: Cop, ws: Workspace, asOf: IsoDate): DueItem[] {
  const { charter } = cop;
  const held = cop.meetings.filter((m) => m.data.date <= asOf);
  const coordinator = currentTerm(charter, asOf)?.person;
  const lead = people([coordinator, 'coordinator'], [charter.sponsor, 'sponsor']);
  const item = (kind: DueKind, date: IsoDate, message: string, who: DuePerson[] = lead): DueItem => ({
    kind,
    cop: cop.id,
    date,
    overdue: date < asOf,
    message,
    people: who,
  });
  const items: DueItem[] = [];

  for (const [date, goals] of groupBy(charter.goals ?? [], (goal) => goal.review_by)) {
    const list = goals.map((goal) => `${goal.type} (${goal.audiences.join(', ')})`).join('; ');
    items.push(item('goal-review', date, `Review ${goals.length === 1 ? 'the goal' : `${goals.length} goals`}: ${list}.`));
  }
  for (const goal of unservedGoals(cop, asOf)) {
    items.push(
      item(
        'unserved-goal',
        goal.reviewBy,
        `No meeting or output has served the goal \`${goal.id}\` since ${goal.since}: plan one before its review on ${goal.reviewBy}, or propose there to revise or drop it.`,
      ),
    );
  }
  for (const { file, data } of cop.reviews) {
    const open = data.goals.filter((entry) => decidedOutcome(entry) === undefined).length;
    if (open > 0) items.push(item('review-outcomes', data.date, `Write the outcome of ${open === 1 ? 'the goal' : `${open} goals`} still left open in ${file}, then \`cop review ${cop.id} --apply\` moves the charter's review dates.`));
  }

  const firstReview = addMonthsIso(activeSince(charter), FIRST_REVIEW_MONTHS);
  // A review sets the goals' next review date, so a goal dated after it means it took place.
  if (!(charter.goals ?? []).some((goal) => goal.review_by > firstReview)) {
    items.push(item('first-review', firstReview, `Hold the review ${FIRST_REVIEW_MONTHS} months after the CoP became active on ${activeSince(charter)}: are its goals being met?`));
  }

  const handover = handoverItem(charter, ws, asOf);
  if (handover) items.push(item('handover', handover.date, handover.message));

  const meeting = nextMeetingDue(charter, held);
  const since = meeting.last ? `the last one was on ${meeting.last}` : `none since the CoP became active on ${activeSince(charter)}`;
  items.push(item('meeting', meeting.due, `Hold and log a meeting: the cadence is ${charter.format.cadence} and ${since}.`, people([coordinator, 'coordinator'])));

  if (charter.format.recordings) {
    for (const { file, data } of held) {
      if (data.recording || isCancelled(data) || data.date < addDaysIso(asOf, -RECORDING_WINDOW_DAYS)) continue;
      items.push(item('recording', addDaysIso(data.date, RECORDING_GRACE_DAYS), `Publish the recording of "${data.title}" (${data.date}) and link it in ${file}.`, people([coordinator, 'coordinator'])));
    }
  }

  const circles = circlesOf(ws.config);
  for (const { file, data } of cop.outputs) {
    if (data.handoff?.status !== 'proposed' || data.date > asOf) continue;
    const circle = circles.find((c) => c.id === data.handoff!.to)?.name ?? data.handoff.to;
    items.push(
      item('handoff', addDaysIso(data.date, HANDOFF_ANSWER_DAYS), `Ask ${circle} for its answer to "${data.title}", proposed on ${data.date}, and record it in ${file} (\`status\` and \`decided\`).`),
    );
  }

  const triggers = triggersOf(charter, monthStats(held), ws.policy, ws.config, asOf);
  const low = triggers.find((t) => t.id === 'low-participation')?.evidence;
  if (low && 'run' in low && low.run === low.allowed) {
    const month = monthOf(asOf);
    const runMonths = low.months.map((m) => monthLabel(m.month)).join(', ');
    const lastDay = addDaysIso(`${addMonthsToMonth(month, 1)}-01`, -1);
    items.push(
      item(
        'dissolution-risk',
        lastDay,
        `No meeting reached ${ws.policy.min_participants} participants in ${runMonths}; unless one does in ${monthLabel(month)}, the CoP is flagged for dissolution.`,
        people([coordinator, 'coordinator'], [charter.sponsor, 'sponsor'], ...charter.members.map((id): [string, DueRole] => [id, 'member'])),
      ),
    );
  }
  for (const trigger of triggers.filter((t) => t.level === 'flagged')) {
    const since = flaggedSince(trigger);
    const months = monthsBetween(monthOf(since), monthOf(asOf)).length - 1;
    const how = months >= 1 ? `for ${months} month${months === 1 ? '' : 's'}` : 'this month';
    items.push(
      item(
        'dissolution-decision',
        since,
        `Decide whether to dissolve the CoP: it has met the ${trigger.id} trigger since ${since} (${how}), and the policy leaves the decision to ${deciderWords(trigger.decidedBy)}. To dissolve: \`cop dissolve ${cop.id} --reason ${trigger.id} --decided-by <person>\`.`,
        deciders(trigger.decidedBy, charter),
      ),
    );
  }
  return items;
}

/**
 * The day a trigger started to flag the CoP: for low participation, the day after the month that
 * made the run longer than the policy allows; for a declared trigger, the day it was declared.
 */
function flaggedSince(trigger: TriggerResult): IsoDate {
  if (!('run' in trigger.evidence)) return trigger.evidence.date;
  const tipping = trigger.evidence.months[trigger.evidence.allowed]!.month;
  return `${addMonthsToMonth(tipping, 1)}-01`;
}

const DECIDER_WORDS: Record<DecidedBy['role'], string> = { cop: 'the CoP (its members)', coordinator: 'its coordinator', cto: 'the CTO' };
const deciderWords = (decidedBy: DecidedBy) => DECIDER_WORDS[decidedBy.role];

/** Who the policy names as decider, in the roles `cop due` knows (the CTO as an approver, the sponsor as sponsor). */
function deciders(decidedBy: DecidedBy, charter: Charter): DuePerson[] {
  const role: DueRole = decidedBy.role === 'cop' ? 'member' : decidedBy.role === 'coordinator' ? 'coordinator' : 'approver';
  return people(...decidedBy.people.map((id): [string, DueRole] => [id, id === charter.sponsor ? 'sponsor' : role]));
}

/** The end of a rotating coordinator's term when no later term is lined up; a missing coordinator now. */
function handoverItem(charter: Charter, ws: Workspace, asOf: IsoDate): { date: IsoDate; message: string } | undefined {
  if (!currentTerm(charter, asOf)) return { date: asOf, message: `No coordinator term covers ${asOf}: name a coordinator.` };
  const next = rotationDue(charter, ws.policy, asOf);
  if (!next || charter.coordinator.terms.some((t) => t.from > next.term.from)) return undefined;
  const { term, rotation, due } = next;
  return { date: due, message: `Hand over the coordinator post: ${term.person} has held it since ${term.from} and it rotates every ${rotation} months.` };
}

/**
 * Budgets that run out before December at this year's monthly rate: each CoP's preparation hours
 * against the budget in force in each month it is active, and the organisation's yearly hours
 * and money. The month is `cop report --month <last complete month>`'s (`yearEnd.preparation.runsOut`,
 * `organisation.runsOut`), so the two never disagree.
 */
function budgetItems(ws: Workspace, active: Cop[], asOf: IsoDate): DueItem[] {
  const last = lastCompleteMonth(asOf);
  if (last.slice(0, 4) !== asOf.slice(0, 4)) return []; // January: nothing of this year is complete yet
  const report = computeReport(ws, { period: resolvePeriod({ month: last }, asOf) });
  const items: DueItem[] = [];
  const activeIds = new Set(active.map((cop) => cop.id));
  for (const cop of report.cops.filter((c) => activeIds.has(c.id))) {
    const charter = active.find((c) => c.id === cop.id)!.charter;
    // The report's year end: the budget in force in each month of the year, at the year-to-date rate.
    const { runsOut: month, budget } = cop.yearEnd.preparation;
    if (!month) continue;
    const coordinator = currentTerm(charter, asOf)?.person;
    items.push({
      kind: 'budget',
      cop: cop.id,
      ...runOutDate(month, asOf),
      message: `At ${hoursText(cop.yearToDate.preparationAverage.actual)} of preparation a month, the CoP's ${hoursText(budget)} for the year run out in ${monthLabel(month)}.`,
      people: people([charter.sponsor, 'sponsor'], [coordinator, 'coordinator']),
    });
  }
  const org = report.organisation;
  const approvers = people(...(ws.config.approvers ?? []).map((id): [string, DueRole] => [id, 'approver']), [ws.config.cto, 'approver']);
  if (org.budget && org.runsOut && org.monthsElapsed > 0) {
    const figures = [
      { what: 'hours', spent: org.yearToDate.hours.actual, budget: org.budget.hours, month: org.runsOut.hours, text: hoursText },
      { what: 'money', spent: org.yearToDate.money.actual, budget: org.budget.money, month: org.runsOut.money, text: (n: number) => moneyText(n, org.currency) },
    ];
    for (const { what, spent, budget, month, text } of figures) {
      if (!month) continue;
      items.push({
        kind: 'budget',
        cop: null,
        ...runOutDate(month, asOf),
        message: `At ${text(spent / org.monthsElapsed)} a month, the organisation's yearly ${what} budget of ${text(budget)} runs out in ${monthLabel(month)}.`,
        people: approvers,
      });
    }
  }
  return items;
}

/** A run-out month before the as-of month has already happened; in the as-of month it is due now. */
function runOutDate(month: IsoMonth, asOf: IsoDate): { date: IsoDate; overdue: boolean } {
  if (month < monthOf(asOf)) return { date: `${month}-01`, overdue: true };
  return { date: month === monthOf(asOf) ? asOf : `${month}-01`, overdue: false };
}

/**
 * The goals (with an `id`, so records can name them) that no meeting held and no output has named
 * since the CoP's last recorded review, or since it became active when it has none.
 */
function unservedGoals(cop: Cop, asOf: IsoDate): { id: string; reviewBy: IsoDate; since: IsoDate }[] {
  const since = [activeSince(cop.charter), ...cop.reviews.map((r) => r.data.date).filter((date) => date <= asOf)].sort().at(-1)!;
  const inPeriod = (date: IsoDate) => date >= since && date <= asOf;
  const served = new Set([
    ...cop.meetings.filter((m) => inPeriod(m.data.date) && !isCancelled(m.data)).flatMap((m) => m.data.goals ?? []),
    ...cop.outputs.filter((o) => inPeriod(o.data.date)).flatMap((o) => o.data.goals ?? []),
  ]);
  return (cop.charter.goals ?? []).flatMap((goal) => (goal.id === undefined || served.has(goal.id) ? [] : [{ id: goal.id, reviewBy: goal.review_by, since }]));
}

/** The people in the given roles, skipping absent ones and repeats (first role wins). */
function people(...entries: [string | undefined, DueRole][]): DuePerson[] {
  const seen = new Set<string>();
  return entries.flatMap(([id, role]) => {
    if (id === undefined || seen.has(id)) return [];
    seen.add(id);
    return [{ id, role }];
  });
}
