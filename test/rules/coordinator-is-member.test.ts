import { describe, expect, it } from 'vitest';
import { coordinatorIsMember } from '../../src/rules/coordinator-is-member.js';
import type { CoordinatorTerm } from '../../src/model/schema-types.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const FILE = 'cops/aws/charter.yaml';
/** A past term (January to September) followed by the current one (from October). */
const twoTerms = (past: string, current: string) => ({
  coordinator: {
    rotation_months: 3,
    terms: [
      { person: past, from: '2026-01-01', until: '2026-09-30' },
      { person: current, from: '2026-10-01' },
    ] as [CoordinatorTerm, CoordinatorTerm],
  },
});
const check = (c: ReturnType<typeof charter>, asOf?: string) => runRule(coordinatorIsMember, workspace({ cops: { aws: { charter: c } } }), asOf);

describe('coordinator-is-member', () => {
  it('accepts a coordinator, deputy and core group who are all members', () => {
    expect(check(charter('aws', { coordinator: { rotation_months: 3, deputy: 'p3', terms: [{ person: 'p2', from: '2026-10-01' }] } }))).toEqual([]);
  });

  it('reports a current coordinator who is not a member, at that term\'s person', () => {
    const c = charter('aws', twoTerms('p2', 'outsider'));
    const findings = check(c);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: ['coordinator', 'terms', 1, 'person'] });
    expect(findings[0]!.message).toMatch(/current coordinator `outsider` is not a member/);
  });

  it('does not judge a past coordinator who has left', () => {
    const c = charter('aws', twoTerms('left', 'p2'));
    expect(check(c)).toEqual([]);
    // …but on a day the past term covers, that coordinator is current.
    expect(check(c, '2026-05-01')).toHaveLength(1);
  });

  it('reports a deputy who is not a member, at `coordinator.deputy`', () => {
    const findings = check(charter('aws', { coordinator: { rotation_months: 3, deputy: 'ghost', terms: [{ person: 'p2', from: '2026-10-01' }] } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: ['coordinator', 'deputy'] });
    expect(findings[0]!.message).toMatch(/deputy coordinator `ghost` is not a member/);
  });

  it('reports each core group member who is not a member, at their index', () => {
    const findings = check(charter('aws', { core_group: ['p2', 'x1', 'p3', 'x2'] }));
    expect(findings.map((f) => f.path)).toEqual([
      ['core_group', 1],
      ['core_group', 3],
    ]);
    expect(findings[0]!.message).toMatch(/Core group member `x1` is not a member/);
  });

  it('judges a proposed CoP too', () => {
    expect(check(charter('aws', { status: 'proposed', core_group: ['zz'] }))).toHaveLength(1);
  });

  it('does not judge a dissolved CoP', () => {
    const c = charter('aws', {
      status: 'dissolved',
      members: [],
      core_group: ['p2'],
      dissolved: { date: '2026-06-01', reason: 'not-strategic', decided_by: 'p1' },
    });
    expect(check(c)).toEqual([]);
  });
});
