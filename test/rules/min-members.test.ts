import { describe, expect, it } from 'vitest';
import { minMembers } from '../../src/rules/min-members.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

describe('min-members', () => {
  it('accepts an active CoP with five members', () => {
    expect(runRule(minMembers, workspace({ cops: { aws: { charter: charter('aws') } } }))).toEqual([]);
  });

  it('reports a proposed CoP with four members, at `members`', () => {
    const ws = workspace({ cops: { aws: { charter: charter('aws', { status: 'proposed', members: ['p1', 'p2', 'p3', 'p4'] }) } } });
    const findings = runRule(minMembers, ws);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'cops/aws/charter.yaml', path: ['members'] });
    expect(findings[0]!.message).toMatch(/at least 5 members; 4 listed/);
  });

  it('counts a person listed twice once', () => {
    const ws = workspace({ cops: { aws: { charter: charter('aws', { members: ['p1', 'p1', 'p2', 'p3', 'p4'] }) } } });
    expect(runRule(minMembers, ws)).toHaveLength(1);
  });

  it('follows the policy minimum from cop.config.yaml', () => {
    const ws = workspace({ cops: { aws: { charter: charter('aws') } }, config: { policy: { min_members: 6 } } });
    expect(runRule(minMembers, ws)).toHaveLength(1);
  });

  it('does not judge a dissolved CoP', () => {
    const ws = workspace({
      cops: { aws: { charter: charter('aws', { status: 'dissolved', members: ['p1'], dissolved: { date: '2026-06-01', reason: 'not-strategic', decided_by: 'p1' } }) } },
    });
    expect(runRule(minMembers, ws)).toEqual([]);
  });
});
