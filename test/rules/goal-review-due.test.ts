import { describe, expect, it } from 'vitest';
import { goalReviewDue } from '../../src/rules/goal-review-due.js';
import type { Charter, Goal, GoalReview } from '../../src/model/schema-types.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const goal = (review_by: string): Goal => ({ type: 'educate', audiences: ['practitioners'], description: 'Learn.', review_by });
const check = (goals: Goal[], extra: Partial<Charter> = {}, asOf?: string) =>
  runRule(goalReviewDue, workspace({ cops: { aws: { charter: charter('aws', { goals, ...extra }) } } }), asOf);

describe('goal-review-due', () => {
  it('accepts a goal whose review is still ahead', () => {
    expect(check([goal('2027-01-31')])).toEqual([]);
  });

  it('does not warn on the review day itself', () => {
    expect(check([goal('2026-11-20')], {}, '2026-11-20')).toEqual([]);
  });

  it('warns the day after the review date, at that goal\'s `review_by`', () => {
    const findings = check([goal('2027-01-31'), goal('2026-11-19')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'cops/aws/charter.yaml', path: ['goals', 1, 'review_by'] });
    expect(findings[0]!.message).toMatch(/due for review on 2026-11-19/);
  });

  it('follows --as-of', () => {
    expect(check([goal('2027-01-31')], {}, '2027-02-01')).toHaveLength(1);
  });

  it('judges a proposed CoP but not a dissolved one', () => {
    expect(check([goal('2026-01-01')], { status: 'proposed' })).toHaveLength(1);
    expect(check([goal('2026-01-01')], { status: 'dissolved', dissolved: { date: '2026-06-01', reason: 'not-strategic', decided_by: 'p1' } })).toEqual([]);
  });

  it('is silent when there are no goals (charter-complete reports that)', () => {
    expect(check([], { goals: undefined })).toEqual([]);
  });
});

describe('goal-review-due and recorded reviews', () => {
  const review = (date: string, outcome: string, next_review?: string): GoalReview => ({
    date,
    period: { from: '2026-08', to: '2026-10' },
    participants: ['p1', 'p2'],
    goals: [{ goal: 1, outcome, evidence: 'Three sessions.', ...(next_review ? { next_review } : {}) }],
  });
  const withReviews = (reviews: GoalReview[], asOf = '2026-11-20') =>
    runRule(goalReviewDue, workspace({ cops: { aws: { charter: charter('aws', { goals: [goal('2026-11-01')] }), reviews } } }), asOf);

  const cases: { name: string; reviews: GoalReview[]; asOf?: string; message?: RegExp }[] = [
    { name: 'a kept goal reviewed on its review day, next review ahead: silent', reviews: [review('2026-11-01', 'keep', '2027-02-01')] },
    { name: 'an achieved goal reviewed after its review day: silent', reviews: [review('2026-11-10', 'achieved')] },
    { name: 'no review recorded: warns, and says how to record one', reviews: [], message: /due for review on 2026-11-01: review it with the sponsor and record it \(`cop review aws --record`\)/ },
    { name: 'a review recorded before the review day does not count', reviews: [review('2026-10-31', 'keep', '2027-02-01')], message: /due for review on 2026-11-01/ },
    { name: 'a review whose outcome is still a placeholder does not count', reviews: [review('2026-11-05', '<outcome>', '2027-02-01')], message: /due for review on 2026-11-01/ },
    {
      name: "the review's next date passed: warns again, naming the review",
      reviews: [review('2026-11-05', 'revise', '2027-02-05')],
      asOf: '2027-02-06',
      message: /reviewed on 2026-11-05 \(cops\/aws\/reviews\/2026-11-05\.yaml: revise\), and due for review again on 2027-02-05/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const findings = withReviews(c.reviews, c.asOf);
      if (c.message) {
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ file: 'cops/aws/charter.yaml', path: ['goals', 0, 'review_by'] });
        expect(findings[0]!.message).toMatch(c.message);
      } else expect(findings).toEqual([]);
    });
  }
});
