/** Small questions asked of a recorded goal review (cops/<id>/reviews/YYYY-MM-DD.yaml) by rules, `cop review` and `cop due`. */
import type { IsoDate } from '../core/dates.js';
import type { Loaded } from '../workspace/workspace.js';
import type { Charter, Goal, GoalOutcome, GoalRef, GoalReview, ValueCycle } from './schema-types.js';

/** What a review may decide about a goal, in the schema's order. */
export type Outcome = 'keep' | 'revise' | 'achieved' | 'drop';

/** The cycles of value (Wenger, Trayner and de Laat, 2011), in the schema's order. */
export const VALUE_CYCLES: readonly ValueCycle[] = ['immediate', 'potential', 'applied', 'realised', 'reframing'];

/** The outcome decided, or undefined while it is still a placeholder such as `<outcome>`. */
export function decidedOutcome(entry: Pick<GoalOutcome, 'outcome'>): Outcome | undefined {
  return entry.outcome.startsWith('<') ? undefined : (entry.outcome as Outcome);
}

/** Whether every outcome of the review has been decided (none is a placeholder). */
export function isDecided(review: Pick<GoalReview, 'goals'>): boolean {
  return review.goals.every((entry) => decidedOutcome(entry) !== undefined);
}

/** How a review names a goal: its id, or its position (1 for the first) when it has none. */
export function goalRef(goal: Goal, index: number): GoalRef {
  return goal.id ?? index + 1;
}

/** The position in the charter's goals of the goal `ref` names, or -1 when none. */
export function goalIndex(charter: Pick<Charter, 'goals'>, ref: GoalRef): number {
  const goals = charter.goals ?? [];
  if (typeof ref === 'number') return ref >= 1 && ref <= goals.length && goals[ref - 1]!.id === undefined ? ref - 1 : -1;
  return goals.findIndex((goal) => goal.id === ref);
}

/** A goal's decided outcome in a recorded review, with the review it was decided in. */
export interface Decision {
  /** The review's file and date. */
  file: string;
  date: IsoDate;
  outcome: Outcome;
  next_review?: IsoDate;
}

/**
 * The latest decided outcome for the charter's goal at `index` in `reviews` (sorted by date),
 * dated on or after `since`; undefined when there is none (a placeholder outcome decides nothing).
 */
export function latestDecision(reviews: readonly Loaded<GoalReview>[], charter: Pick<Charter, 'goals'>, index: number, since: IsoDate): Decision | undefined {
  for (let r = reviews.length - 1; r >= 0; r--) {
    const { file, data } = reviews[r]!;
    if (data.date < since) break;
    const entry = data.goals.find((e) => goalIndex(charter, e.goal) === index);
    const outcome = entry && decidedOutcome(entry);
    if (outcome) return { file, date: data.date, outcome, ...(entry.next_review ? { next_review: entry.next_review } : {}) };
  }
  return undefined;
}
