import { describe, expect, it } from 'vitest';
import { reviewGoals } from '../../src/rules/review-goals.js';
import type { Goal, GoalOutcome, GoalReview, ValueStory } from '../../src/model/schema-types.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const goal = (id?: string): Goal => ({ ...(id ? { id } : {}), type: 'educate', audiences: ['practitioners'], description: 'Learn.', review_by: '2027-01-31' });
const outcome = (ref: string | number): GoalOutcome => ({ goal: ref, outcome: 'keep', evidence: 'Three sessions.', next_review: '2027-02-01' });
const review = (goals: GoalOutcome[], extra: Partial<GoalReview> = {}): GoalReview => ({
  date: '2026-11-10',
  period: { from: '2026-08', to: '2026-10' },
  participants: ['p1'],
  goals: goals as GoalReview['goals'],
  ...extra,
});
const story = (ref: string | number): ValueStory => ({ cycle: 'applied', teller: 'p2', text: 'We changed how we deploy.', goal: ref });
const run = (goals: Goal[], r: GoalReview) => runRule(reviewGoals, workspace({ cops: { aws: { charter: charter('aws', { goals }), reviews: [r] } } }));
const FILE = 'cops/aws/reviews/2026-11-10.yaml';

const valid: { name: string; goals: Goal[]; review: GoalReview }[] = [
  { name: 'goals named by their ids, a story about one', goals: [goal('unblock'), goal('learn')], review: review([outcome('unblock'), outcome('learn')], { stories: [story('learn')] }) },
  { name: 'goals without ids named by position', goals: [goal(), goal()], review: review([outcome(2)]) },
  { name: 'a period ending in the review month', goals: [goal('learn')], review: review([outcome('learn')], { period: { from: '2026-09', to: '2026-11' } }) },
];

const invalid: { name: string; goals: Goal[]; review: GoalReview; path: (string | number)[]; message: string }[] = [
  {
    name: 'a mistyped goal id, with the nearest',
    goals: [goal('unblock'), goal('learn')],
    review: review([outcome('unblok')]),
    path: ['goals', 0, 'goal'],
    message: 'No goal `unblok` in cops/aws/charter.yaml: the goals of `aws` are `unblock`, `learn`. Did you mean `unblock`?',
  },
  { name: 'a position past the last goal', goals: [goal()], review: review([outcome(2)]), path: ['goals', 0, 'goal'], message: 'No goal 2 in cops/aws/charter.yaml: it has 1 goal.' },
  {
    name: 'a position where the goal has an id',
    goals: [goal('learn')],
    review: review([outcome(1)]),
    path: ['goals', 0, 'goal'],
    message: 'Goal 1 of cops/aws/charter.yaml has the id `learn`: name it by its id.',
  },
  {
    name: 'one goal given two outcomes',
    goals: [goal('learn')],
    review: review([outcome('learn'), outcome('learn')]),
    path: ['goals', 1, 'goal'],
    message: 'The goal `learn` is reviewed twice (entries 1 and 2): give it one outcome.',
  },
  {
    name: 'a story about an unknown goal',
    goals: [goal('learn')],
    review: review([outcome('learn')], { stories: [story('lern')] }),
    path: ['stories', 0, 'goal'],
    message: 'No goal `lern` in cops/aws/charter.yaml: the goals of `aws` are `learn`. Did you mean `learn`?',
  },
  {
    name: 'a period running backwards',
    goals: [goal('learn')],
    review: review([outcome('learn')], { period: { from: '2026-10', to: '2026-08' } }),
    path: ['period'],
    message: 'The period runs backwards: from 2026-10 to 2026-08.',
  },
  {
    name: 'a period ending after the review month',
    goals: [goal('learn')],
    review: review([outcome('learn')], { period: { from: '2026-10', to: '2026-12' } }),
    path: ['period', 'to'],
    message: "The period ends in 2026-12, after the review's month (2026-11): a review looks back.",
  },
];

describe('review-goals', () => {
  for (const c of valid) it(`valid: ${c.name}`, () => expect(run(c.goals, c.review)).toEqual([]));
  for (const c of invalid) {
    it(`invalid: ${c.name}`, () => {
      expect(run(c.goals, c.review)).toEqual([{ file: FILE, path: c.path, message: c.message }]);
    });
  }
});
