import { describe, expect, it } from 'vitest';
import { checkReplacedCharter, dissolutionPullRequest, planDissolution } from '../../src/health/dissolve.js';
import { sharedValidator } from '../../src/schema/validator.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';

const ws = workspace({
  cops: {
    aws: { charter: charter('aws'), meetings: [meeting('2026-10-14')] },
    security: { charter: charter('security', { status: 'proposed', activated: undefined }) },
  },
  config: { cto: 'p5' },
});
const request = { id: 'aws', reason: 'topics-finished', decidedBy: 'p2', date: '2026-11-20' };

describe('planDissolution', () => {
  it('plans the dissolved record for an active CoP', () => {
    const plan = planDissolution(ws, { ...request, note: '  All covered. ' }, '2026-11-20');
    expect(plan).toMatchObject({ ok: true, dissolved: { date: '2026-11-20', reason: 'topics-finished', decided_by: 'p2', note: 'All covered.' } });
  });

  it.each([
    [{ id: 'nope' }, /No CoP `nope`/],
    [{ id: 'security' }, /`security` is proposed: only an active CoP/],
    [{ reason: 'bored' }, /Unknown reason `bored`/],
    [{ decidedBy: 'stranger' }, /`stranger` is not in people.yaml/],
    [{ date: '2026-01-09' }, /before `aws` became active on 2026-01-10/],
    [{ date: '2026-11-21' }, /after 2026-11-20/],
  ])('refuses %o', (change, message) => {
    const plan = planDissolution(ws, { ...request, ...change }, '2026-11-20');
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.problem).toMatch(message);
  });
});

describe('checkReplacedCharter', () => {
  const validate = sharedValidator();
  it('passes a dissolved charter with its record', () => {
    const dissolved = charter('aws', { status: 'dissolved', dissolved: { date: '2026-11-20', reason: 'topics-finished', decided_by: 'p2' } });
    expect(checkReplacedCharter(ws, 'aws', dissolved, validate, '2026-11-20')).toEqual([]);
  });

  it('reports a meeting held after the dissolution date', () => {
    const early = charter('aws', { status: 'dissolved', dissolved: { date: '2026-10-01', reason: 'topics-finished', decided_by: 'p2' } });
    expect(checkReplacedCharter(ws, 'aws', early, validate, '2026-11-20')).toEqual([
      'cops/aws/meetings/2026-10-14.yaml: The meeting is dated 2026-10-14, after the CoP was dissolved (2026-10-01). (meeting-date-in-range)',
    ]);
  });

  it('reports schema problems first', () => {
    const broken = { ...charter('aws'), status: 'gone' } as unknown as Parameters<typeof checkReplacedCharter>[2];
    expect(checkReplacedCharter(ws, 'aws', broken, validate, '2026-11-20')[0]).toMatch(/^cops\/aws\/charter.yaml: /);
  });
});

describe('dissolutionPullRequest', () => {
  it('asks the sponsor to approve, and the CTO too when the CoP is no longer strategic', () => {
    const cop = { ...ws.cops[0]!, charter: ws.cops[0]!.charter! };
    expect(dissolutionPullRequest(cop, { date: '2026-11-20', reason: 'topics-finished', decided_by: 'p2' }, 'p5')).toEqual({
      branch: 'dissolve-aws',
      files: ['cops/aws/charter.yaml'],
      commitMessage: 'Dissolve AWS: topics-finished, decided by p2 on 2026-11-20',
      approvers: ['p1'],
    });
    expect(dissolutionPullRequest(cop, { date: '2026-11-20', reason: 'not-strategic', decided_by: 'p5' }, 'p5').approvers).toEqual(['p1', 'p5']);
  });
});
