/**
 * `cop review <id> --record` and `--apply`, their pure core: a recorded goal review written from
 * the draft's facts with the judgements left as placeholders, and, once they are filled, the
 * moves of the charter's `review_by` dates that the latest review decides.
 */
import type { IsoDate } from '../core/dates.js';
import { currentTerm } from '../model/charter.js';
import { decidedOutcome, goalIndex, goalRef } from '../model/review.js';
import type { Charter, GoalRef, GoalReview } from '../model/schema-types.js';
import { goalReviewDefault } from '../scaffold/charter.js';
import type { Loaded } from '../workspace/workspace.js';
import type { CopReview } from './types.js';

/** The slots `--record` leaves for the CoP and its sponsor to fill (rule `no-placeholder` reports them until then). */
export const OUTCOME_PLACEHOLDER = '<outcome>';
export const EVIDENCE_PLACEHOLDER = '<what shows it>';

export interface ReviewRecord {
  review: GoalReview;
  /** For each goal, in order: the draft's facts about it, written as a comment above its entry. */
  facts: string[];
}

/**
 * The review recorded on the draft's as-of day for its months: the current coordinator and the
 * sponsor as participants (add the others), each goal with placeholder judgements and its next
 * review three months on (the worked example's cadence).
 */
export function recordFromDraft(draft: CopReview, charter: Charter): ReviewRecord {
  const date = draft.asOf;
  const coordinator = currentTerm(charter, date)?.person;
  const participants = [...new Set([...(coordinator ? [coordinator] : []), charter.sponsor])];
  const goals = charter.goals ?? [];
  const review: GoalReview = {
    date,
    period: { from: draft.period.from, to: draft.period.to },
    participants: participants as GoalReview['participants'],
    goals: goals.map((goal, i) => ({ goal: goalRef(goal, i), outcome: OUTCOME_PLACEHOLDER, evidence: EVIDENCE_PLACEHOLDER, next_review: goalReviewDefault(date) })) as GoalReview['goals'],
  };
  const facts = draft.goals.map((goal) => {
    const served = goal.servedBy.length === 0 ? 'no meeting held in the period names it' : `served by ${goal.servedBy.length} meeting${goal.servedBy.length === 1 ? '' : 's'} held in the period (${goal.servedBy.join(', ')})`;
    return `${goal.type} goal, review_by ${goal.review_by}: ${served}. ${goal.description}`;
  });
  return { review, facts };
}

/** A `review_by` the latest review moves: the goal (its position in the charter and how the review names it), from and to. */
export interface ReviewDateMove {
  index: number;
  goal: GoalRef;
  from: IsoDate;
  to: IsoDate;
}

export type ApplyPlan = { ok: true; review: Loaded<GoalReview>; moves: ReviewDateMove[] } | { ok: false; problem: string };

/**
 * What `--apply` changes: each goal the CoP's latest recorded review kept or revised gets that
 * review's `next_review` as its `review_by`. Refused while an outcome is still a placeholder.
 */
export function planApply(copId: string, charter: Charter, reviews: readonly Loaded<GoalReview>[]): ApplyPlan {
  const latest = reviews.at(-1);
  if (!latest) return { ok: false, problem: `\`${copId}\` has no recorded review: write one with \`cop review ${copId} --record\`, fill in the outcomes, then apply it.` };
  const open = latest.data.goals.filter((entry) => decidedOutcome(entry) === undefined).map((entry) => `\`${entry.goal}\``);
  if (open.length > 0) return { ok: false, problem: `${latest.file} has no outcome yet for goal${open.length === 1 ? '' : 's'} ${open.join(', ')}: write keep, revise, achieved or drop (and the evidence), then apply it.` };
  const goals = charter.goals ?? [];
  const moves: ReviewDateMove[] = [];
  for (const entry of latest.data.goals) {
    const outcome = decidedOutcome(entry);
    const index = goalIndex(charter, entry.goal);
    if ((outcome !== 'keep' && outcome !== 'revise') || index === -1 || entry.next_review === undefined) continue;
    const from = goals[index]!.review_by;
    if (from !== entry.next_review) moves.push({ index, goal: entry.goal, from, to: entry.next_review });
  }
  return { ok: true, review: latest, moves };
}
