import { describe, expect, it } from 'vitest';
import { dissolutionWarnings, planDissolution } from '../../src/health/dissolve.js';
import { copWarning } from '../../src/scaffold/meeting.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';

// aws reached every month up to October (5 participants); mobile had 3 a month from August on.
const low = (date: string) => meeting(date, { attendees: ['p1', 'p2', 'p3'] });
const ws = workspace({
  cops: {
    aws: { charter: charter('aws'), meetings: [meeting('2026-09-09'), meeting('2026-10-14')] },
    mobile: { charter: charter('mobile'), meetings: [meeting('2026-07-08'), low('2026-08-12'), low('2026-09-09'), low('2026-10-14')] },
  },
  config: { cto: 'p5' },
});
const plan = (id: string, reason: string, decidedBy: string) => {
  const result = planDissolution(ws, { id, reason, decidedBy, date: '2026-11-20' }, '2026-11-20');
  if (!result.ok) throw new Error(result.problem);
  return result;
};

describe('dissolution warnings', () => {
  it('warns about dissolving a healthy CoP and records that no trigger applied', () => {
    const p = plan('aws', 'topics-finished', 'p2');
    expect(p.dissolved.triggers_met).toEqual([]);
    expect(dissolutionWarnings(ws, p.cop, p.dissolved).warnings).toEqual(['Dissolving a healthy CoP: `aws` meets no dissolution trigger on 2026-11-20 (see `cop health aws`).']);
  });

  it('records the trigger that applied, and says nothing when the right person decides it', () => {
    const p = plan('mobile', 'low-participation', 'p3');
    expect(p.dissolved.triggers_met).toEqual(['low-participation']);
    expect(dissolutionWarnings(ws, p.cop, p.dissolved).warnings).toEqual([]);
  });

  it('warns when the reason is not the trigger met, and when the person deciding is not one the policy names', () => {
    // topics-finished is the coordinator's (p2) to declare; p4 is a member, not the coordinator.
    const p = plan('mobile', 'topics-finished', 'p4');
    expect(dissolutionWarnings(ws, p.cop, p.dissolved).warnings).toEqual([
      '`mobile` meets low-participation on 2026-11-20, not topics-finished, the reason given.',
      '`p4` decided, but the policy lets the coordinator (p2) decide topics-finished.',
    ]);
    // not-strategic is the CTO's or the sponsor's (p5, p1).
    const q = plan('mobile', 'not-strategic', 'p3');
    expect(dissolutionWarnings(ws, q.cop, q.dissolved).warnings).toContain('`p3` decided, but the policy lets the CTO or sponsor (p5, p1) decide not-strategic.');
  });
});

describe('cop log on a CoP that is not active', () => {
  it('warns for a proposed or dissolved CoP, and not for an active one', () => {
    expect(copWarning(charter('sec', { status: 'proposed' }))).toMatch(/is proposed, not yet approved: `cop report` counts none of its meetings/);
    expect(copWarning(charter('dl', { status: 'dissolved', dissolved: { date: '2026-06-01', reason: 'not-strategic', decided_by: 'p5' } }))).toMatch(
      /was dissolved on 2026-06-01: it holds no more meetings, so only one held before that can be logged/,
    );
    expect(copWarning(charter('aws'))).toBeUndefined();
  });
});
