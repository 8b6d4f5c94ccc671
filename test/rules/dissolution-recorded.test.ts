import { describe, expect, it } from 'vitest';
import { dissolutionRecorded } from '../../src/rules/dissolution-recorded.js';
import type { Charter } from '../../src/model/schema-types.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const FILE = 'cops/aws/charter.yaml';
const check = (extra: Partial<Charter>) => runRule(dissolutionRecorded, workspace({ cops: { aws: { charter: charter('aws', extra) } } }));

describe('dissolution-recorded', () => {
  it('accepts an active CoP without a dissolution record', () => {
    expect(check({})).toEqual([]);
  });

  it('accepts a dissolved CoP with date, reason and who decided', () => {
    expect(check({ status: 'dissolved', dissolved: { date: '2026-06-01', reason: 'low-participation', decided_by: 'p2' } })).toEqual([]);
  });

  it('reports a dissolved CoP without a record, at `status`', () => {
    const findings = check({ status: 'dissolved' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: ['status'] });
    expect(findings[0]!.message).toMatch(/needs a `dissolved` record/);
    expect(findings[0]!.message).toMatch(/low-participation, topics-finished, not-strategic/);
  });

  it('reports each missing field of the record, at `dissolved`', () => {
    const findings = check({ status: 'dissolved', dissolved: { reason: 'not-strategic' } });
    expect(findings).toHaveLength(2);
    for (const f of findings) expect(f).toMatchObject({ file: FILE, path: ['dissolved'] });
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/no `date`/),
      expect.stringMatching(/no `decided_by`/),
    ]);
  });

  it('reports a missing reason', () => {
    const findings = check({ status: 'dissolved', dissolved: { date: '2026-06-01', decided_by: 'p1' } });
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/no `reason`/)]);
  });

  it('reports a live CoP that carries a dissolution record, at the `dissolved` key', () => {
    const findings = check({ status: 'proposed', dissolved: { date: '2026-06-01', reason: 'not-strategic', decided_by: 'p1' } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: ['dissolved'], atKey: true });
    expect(findings[0]!.message).toMatch(/A proposed CoP has a `dissolved` record/);
  });
});
