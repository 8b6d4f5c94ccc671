import { describe, expect, it } from 'vitest';
import { goalReviewDue } from '../../src/rules/goal-review-due.js';
import type { Charter, Goal } from '../../src/model/schema-types.js';
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
