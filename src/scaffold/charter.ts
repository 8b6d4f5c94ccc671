/**
 * `cop new`'s pure core: the answers a proposal needs, their defaults from the policy, and the
 * charter they make. The same answers come from the prompts, from flags or from `--from`.
 */
import { addMonthsIso, type IsoDate } from '../core/dates.js';
import type { ResolvedPolicy } from '../model/policy.js';
import type { Charter, Format, Goal, Person } from '../model/schema-types.js';
import {
  checkAmount,
  checkCopId,
  checkDate,
  checkInteger,
  checkKnownPerson,
  checkMembers,
  checkPersonId,
  checkText,
  type Problem,
} from './fields.js';
import type { Cadence, Enums } from './enums.js';

/** Everything a proposal needs: what the prompts ask and what the flags or `--from` give. */
export interface NewCopAnswers {
  id: string;
  name: string;
  subject: string;
  in: string[];
  out: string[];
  rationale: string;
  sponsor: string;
  coordinator: string;
  /** Months per coordinator term; null for a fixed leader. */
  rotation_months: number | null;
  members: string[];
  goals: Goal[];
  formats: Format['formats'];
  cadence: Cadence;
  duration_minutes: number;
  slot: Format['slot'];
  hours_per_month: number;
  refreshments_per_head: number;
  membership: 'open' | 'invite-only';
  created: IsoDate;
  /** People added on the spot: appended to people.yaml with the charter. */
  new_people: Person[];
}

/** The per-CoP monthly hours the worked example starts with ("two hours per month on average"). */
export const DEFAULT_HOURS_PER_MONTH = 2;
/** Goals are reviewed three months after they are set, as in the worked example. */
export const GOAL_REVIEW_MONTHS = 3;

/** Defaults for everything that has a sensible one: the policy's numbers and the worked example's. */
export function newCopDefaults(policy: ResolvedPolicy, created: IsoDate): Omit<NewCopAnswers, 'id' | 'name' | 'subject' | 'in' | 'rationale' | 'sponsor' | 'coordinator' | 'members' | 'goals'> {
  return {
    out: [],
    rotation_months: policy.leader === 'rotating' ? policy.rotation_months : null,
    formats: ['round-table'],
    cadence: 'monthly',
    duration_minutes: 60,
    slot: 'lunch',
    hours_per_month: DEFAULT_HOURS_PER_MONTH,
    refreshments_per_head: policy.refreshments_per_head,
    membership: policy.membership,
    created,
    new_people: [],
  };
}

export function goalReviewDefault(created: IsoDate): IsoDate {
  return addMonthsIso(created, GOAL_REVIEW_MONTHS);
}

/** "My CoP" from `my-cop`: the default display name. */
export function nameFromId(id: string): string {
  return id
    .split('-')
    .map((word) => (word.length <= 3 ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1)))
    .join(' ');
}

export interface NewCopContext {
  policy: ResolvedPolicy;
  /** people.yaml plus anyone added on the spot. */
  people: ReadonlyMap<string, Person>;
  existingIds: readonly string[];
  enums: Enums;
}

/** Every problem with a complete set of answers, each naming its field (scripted mode reports them all). */
export function answerProblems(a: NewCopAnswers, ctx: NewCopContext): string[] {
  const problems: [string, Problem][] = [
    ['id', checkCopId(a.id, ctx.existingIds)],
    ['name', checkText(a.name, 'The name')],
    ['subject', checkText(a.subject, 'The subject')],
    ['in', a.in.length === 0 ? 'Say what is in scope (at least one item).' : a.in.map((x) => checkText(x, 'A scope item')).find(Boolean)],
    ['out', a.out.map((x) => checkText(x, 'An out-of-scope item')).find(Boolean)],
    ['rationale', checkText(a.rationale, 'The rationale')],
    ['sponsor', checkKnownPerson(a.sponsor, ctx.people, 'sponsor')],
    ['members', checkMembers(a.members, ctx.people, ctx.policy.min_members)],
    ['coordinator', checkKnownPerson(a.coordinator, ctx.people, 'coordinator') ?? (a.members.includes(a.coordinator) ? undefined : `The coordinator \`${a.coordinator}\` is not one of the members.`)],
    ['rotation-months', a.rotation_months === null ? undefined : checkInteger(String(a.rotation_months), 'The rotation period', 1, 60)],
    ['goal', a.goals.length === 0 ? 'Give at least one goal (one or two to start with).' : a.goals.map((g) => goalProblem(g, ctx.enums)).find(Boolean)],
    ['formats', a.formats.length === 0 ? 'Choose at least one format.' : unknownOf(a.formats, ctx.enums.formats, 'format')],
    ['cadence', unknownOf([a.cadence], ctx.enums.cadences, 'cadence')],
    ['duration', checkInteger(String(a.duration_minutes), 'The duration in minutes', 5, 600)],
    ['slot', unknownOf([a.slot], ctx.enums.slots, 'slot')],
    ['hours-per-month', checkAmount(String(a.hours_per_month), 'The hours per month')],
    ['refreshments-per-head', checkAmount(String(a.refreshments_per_head), 'The refreshments cap')],
    ['membership', unknownOf([a.membership], ctx.enums.memberships, 'membership')],
    ['created', checkDate(a.created, 'The creation date')],
    ...a.new_people.map((p): [string, Problem] => ['new_people', checkPersonId(p.id) ?? (p.name.trim() ? undefined : `The new person \`${p.id}\` has no name.`)]),
  ];
  return problems.filter((p): p is [string, string] => p[1] !== undefined).map(([field, problem]) => `${field}: ${problem}`);
}

export function goalProblem(goal: Goal, enums: Enums): Problem {
  return (
    unknownOf([goal.type], enums.goalTypes, 'goal type') ??
    (goal.audiences.length === 0 ? 'A goal needs at least one audience.' : unknownOf(goal.audiences, enums.audiences, 'audience')) ??
    checkText(goal.description, 'The goal description') ??
    checkDate(goal.review_by, 'The review date')
  );
}

export function unknownOf(values: readonly string[], allowed: readonly string[], what: string): Problem {
  const bad = values.find((v) => !allowed.includes(v));
  return bad === undefined ? undefined : `\`${bad}\` is not a ${what}; choose from ${allowed.join(', ')}.`;
}

/** The proposal as a charter: status proposed, the coordinator's first term starting on the creation day. */
export function buildCharter(a: NewCopAnswers): Charter {
  const charter: Charter = {
    id: a.id,
    name: a.name.trim(),
    status: 'proposed',
    created: a.created,
    scope: { subject: a.subject.trim(), in: a.in as [string, ...string[]], ...(a.out.length ? { out: a.out } : {}) },
    rationale: a.rationale.trim(),
    goals: a.goals,
    sponsor: a.sponsor,
    coordinator: { rotation_months: a.rotation_months, terms: [{ person: a.coordinator, from: a.created }] },
    members: a.members,
    membership: a.membership,
    format: { formats: a.formats, cadence: a.cadence, duration_minutes: a.duration_minutes, slot: a.slot },
    budget: { hours_per_month: a.hours_per_month, refreshments_per_head: a.refreshments_per_head },
  };
  return charter;
}
