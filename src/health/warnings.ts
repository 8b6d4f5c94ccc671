/**
 * Early warnings for an active CoP: signs that help a coordinator act before a trigger is met.
 * None of them changes the CoP's level.
 */
import { hoursPerMonthIn } from '../budget/in-force.js';
import { addDaysIso, addMonthsIso, monthOf, type IsoDate, type IsoMonth } from '../core/dates.js';
import { currentTerm, overdueRotation } from '../model/charter.js';
import { isCancelled } from '../model/meeting.js';
import { inactiveMembers, prunable } from '../model/membership.js';
import type { ResolvedPolicy } from '../model/policy.js';
import type { Charter, Format, Meeting } from '../model/schema-types.js';
import type { Loaded } from '../workspace/workspace.js';
import { activeSince } from '../model/charter.js';
import { trailingCompleteMonths, type MonthStats } from './months.js';
import type { HealthWarning } from './types.js';

/** Grace after a cadence period before a missing meeting is reported. */
export const CADENCE_GRACE_DAYS = 7;
/** A core group member absent from this many of the latest meetings is reported. */
export const CORE_GROUP_WINDOW = 3;
/** Complete months without any preparation logged before an unused per-CoP budget is reported. */
export const BUDGET_UNUSED_MONTHS = 3;

const CADENCE: Record<Format['cadence'], { days?: number; months?: number }> = {
  weekly: { days: 7 },
  fortnightly: { days: 14 },
  monthly: { months: 1 },
  bimonthly: { months: 2 },
  quarterly: { months: 3 },
};

export interface WarningInput {
  charter: Charter;
  /** The CoP's meetings held on or before `asOf`, oldest first. */
  held: readonly Loaded<Meeting>[];
  stats: ReadonlyMap<IsoMonth, MonthStats>;
  policy: ResolvedPolicy;
  asOf: IsoDate;
}

export function warningsOf(input: WarningInput): HealthWarning[] {
  return [cadence(input), coreGroup(input), coordinator(input), goalReview(input), budgetUnused(input), pruneBelowMinimum(input)].filter(
    (warning): warning is HealthWarning => warning !== undefined,
  );
}

/** When the cadence expects the next meeting: one period after the last one held, or after activation. */
export function nextMeetingDue(charter: Charter, held: readonly Loaded<Meeting>[]): { last: IsoDate | undefined; due: IsoDate } {
  const last = held.at(-1)?.data.date;
  // Meetings held while the CoP was still a proposal do not start the cadence: activation does.
  const since = activeSince(charter);
  const from = last !== undefined && last > since ? last : since;
  const period = CADENCE[charter.format.cadence];
  return { last, due: period.days !== undefined ? addDaysIso(from, period.days) : addMonthsIso(from, period.months ?? 1) };
}

/** No meeting within one cadence period (plus a week's grace) of the last one, or of activation. */
function cadence({ charter, held, asOf }: WarningInput): HealthWarning | undefined {
  const since = activeSince(charter);
  if (since > asOf) return undefined;
  const { last, due } = nextMeetingDue(charter, held);
  if (asOf <= addDaysIso(due, CADENCE_GRACE_DAYS)) return undefined;
  const what = last !== undefined && last > since ? `No meeting since ${last}` : `No meeting since the CoP became active on ${since}`;
  return { id: 'cadence', message: `${what}; the charter's cadence is ${charter.format.cadence}, so one was due by ${due}.` };
}

/** Core group members who attended none of the latest meetings (only once there are that many). */
function coreGroup({ charter, held: logged }: WarningInput): HealthWarning | undefined {
  const held = logged.filter((m) => !isCancelled(m.data));
  if (held.length < CORE_GROUP_WINDOW) return undefined;
  const recent = held.slice(-CORE_GROUP_WINDOW);
  const attended = new Set(recent.flatMap((m) => m.data.attendees));
  const absent = (charter.core_group ?? []).filter((id) => !attended.has(id));
  if (absent.length === 0) return undefined;
  const size = charter.core_group?.length ?? 0;
  return {
    id: 'core-group',
    message: `The core group is shrinking: ${absent.length} of ${size} (${absent.join(', ')}) attended none of the last ${CORE_GROUP_WINDOW} meetings (since ${recent[0]!.data.date}).`,
  };
}

/** No current coordinator, or a rotating coordinator's term past its rotation date. */
function coordinator({ charter, policy, asOf }: WarningInput): HealthWarning | undefined {
  if (!currentTerm(charter, asOf)) return { id: 'no-coordinator', message: `No coordinator term covers ${asOf}.` };
  const overdue = overdueRotation(charter, policy, asOf);
  if (!overdue) return undefined;
  return {
    id: 'rotation',
    message: `${overdue.term.person} has coordinated since ${overdue.term.from}; the post rotates every ${overdue.rotation} months, so a new coordinator was due on ${overdue.due}.`,
  };
}

function goalReview({ charter, asOf }: WarningInput): HealthWarning | undefined {
  const due = (charter.goals ?? []).filter((goal) => goal.review_by < asOf);
  if (due.length === 0) return undefined;
  const dates = [...new Set(due.map((goal) => goal.review_by))].sort().join(', ');
  return { id: 'goal-review', message: `${due.length} goal${due.length === 1 ? ' is' : 's are'} past review (due ${dates}).` };
}

/** A per-CoP monthly budget with no preparation logged for several complete months in a row. */
function budgetUnused({ charter, stats, asOf }: WarningInput): HealthWarning | undefined {
  const hours = hoursPerMonthIn(charter.budget, monthOf(asOf));
  if (hours <= 0) return undefined;
  const idle = trailingCompleteMonths(charter, asOf, (month) => (stats.get(month)?.preparationHours ?? 0) === 0);
  if (idle.length < BUDGET_UNUSED_MONTHS) return undefined;
  return {
    id: 'budget-unused',
    message: `No preparation logged for ${idle.length} complete months (${idle[0]} to ${idle.at(-1)}) against a budget of ${hours} hours a month.`,
  };
}

/** Pruning the inactive members (`cop members prune`) would leave fewer than the policy's minimum. */
function pruneBelowMinimum({ charter, held, policy, asOf }: WarningInput): HealthWarning | undefined {
  const inactivity = inactiveMembers(charter, held.map((m) => m.data), policy.inactive_months, asOf);
  const gone = prunable(inactivity);
  if (!inactivity.judged || gone.length === 0) return undefined;
  const left = inactivity.members - gone.length;
  if (left >= policy.min_members) return undefined;
  return {
    id: 'prune-below-min',
    message: `Pruning would drop the CoP below the minimum membership: ${gone.length} of ${inactivity.members} members (${gone.map((m) => m.person).join(', ')}) attended no meeting held after ${inactivity.since}, leaving ${left}; the policy needs ${policy.min_members}.`,
  };
}
