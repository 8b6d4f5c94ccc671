import { describe, expect, it } from 'vitest';
import { meetingDateInRange } from '../../src/rules/meeting-date-in-range.js';
import type { Charter } from '../../src/model/schema-types.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const DISSOLVED: Partial<Charter> = { status: 'dissolved', dissolved: { date: '2026-06-30', reason: 'low-participation', decided_by: 'p2' } };
const check = (date: string, extra: Partial<Charter> = {}, asOf?: string) =>
  runRule(meetingDateInRange, workspace({ cops: { aws: { charter: charter('aws', extra), meetings: [meeting(date)] } } }), asOf);

describe('meeting-date-in-range', () => {
  it('accepts a meeting between creation and today', () => {
    expect(check('2026-10-14')).toEqual([]);
  });

  it('accepts a meeting on the as-of day and on the creation day', () => {
    expect(check('2026-11-20')).toEqual([]);
    expect(check('2026-01-05')).toEqual([]);
  });

  it('reports a meeting after --as-of, at `date`', () => {
    const findings = check('2026-11-21');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'cops/aws/meetings/2026-11-21.yaml', path: ['date'] });
    expect(findings[0]!.message).toMatch(/dated 2026-11-21, after today \(2026-11-20\)/);
  });

  it('measures the future from --as-of', () => {
    expect(check('2026-11-21', {}, '2026-12-01')).toEqual([]);
    expect(check('2026-10-14', {}, '2026-10-13')).toHaveLength(1);
  });

  it('reports a meeting before the CoP was created', () => {
    const findings = check('2026-01-04');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'cops/aws/meetings/2026-01-04.yaml', path: ['date'] });
    expect(findings[0]!.message).toMatch(/before the CoP was created \(2026-01-05\)/);
  });

  it('reports a meeting after the CoP was dissolved, but not one on the day', () => {
    expect(check('2026-06-30', DISSOLVED)).toEqual([]);
    const findings = check('2026-07-01', DISSOLVED);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'cops/aws/meetings/2026-07-01.yaml', path: ['date'] });
    expect(findings[0]!.message).toMatch(/after the CoP was dissolved \(2026-06-30\)/);
  });

  it('reports both when a meeting is after dissolution and in the future', () => {
    expect(check('2026-12-01', DISSOLVED)).toHaveLength(2);
  });

  it('still catches a future meeting in a folder whose charter did not load', () => {
    const ws = workspace({ cops: { aws: { meetings: [meeting('2020-01-01'), meeting('2027-01-01')] } } });
    const findings = runRule(meetingDateInRange, ws);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.file).toBe('cops/aws/meetings/2027-01-01.yaml');
  });
});
