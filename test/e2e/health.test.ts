import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** The bundled organisation at the repository root was built to give these levels on 2026-11-20. */
describe('cop health on the bundled organisation', () => {
  const asOf = ['health', '--as-of', '2026-11-20'];

  it('reports the levels its data was built to produce, as JSON', () => {
    const result = runCli([...asOf, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { asOf: string; cops: { id: string; level: string; triggers: { id: string; evidence: { run: number; months: { month: string; bestAttendance: number | null }[] } }[] }[] };
    expect(report.asOf).toBe('2026-11-20');
    expect(Object.fromEntries(report.cops.map((c) => [c.id, c.level]))).toEqual({
      aws: 'ok',
      'data-engineering': 'ok',
      'distributed-ledgers': 'not-judged',
      mobile: 'flagged',
      'platform-engineering': 'ok',
      'quality-engineering': 'at-risk',
      security: 'not-judged',
    });
    // mobile: August (best 3), September (no meeting), October (best 4) unreached; July reached with 5.
    const mobile = report.cops.find((c) => c.id === 'mobile')!.triggers[0]!;
    expect(mobile.id).toBe('low-participation');
    expect(mobile.evidence.months.map((m) => [m.month, m.bestAttendance])).toEqual([
      ['2026-08', 3],
      ['2026-09', null],
      ['2026-10', 4],
    ]);
    // quality-engineering: October's only meeting had 3 participants; September's had 6.
    expect(report.cops.find((c) => c.id === 'quality-engineering')!.triggers[0]!.evidence.run).toBe(1);
  });

  it('prints a table with the evidence, and exits 1 with --fail-on flagged', () => {
    const result = runCli([...asOf, '--fail-on', 'flagged']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^mobile\s+active\s+flagged\s+low-participation/m);
    expect(result.stdout).toMatch(/^distributed-ledgers\s+dissolved\s+not judged/m);
    expect(result.stdout).toContain('cops/mobile/meetings/2026-10-15.yaml  4 participants');
  });

  it('exits 0 with --fail-on flagged when only the at-risk CoP is shown', () => {
    expect(runCli([...asOf, 'quality-engineering', '--fail-on', 'flagged']).status).toBe(0);
    expect(runCli([...asOf, 'quality-engineering', '--fail-on', 'at-risk']).status).toBe(1);
  });

  it('prints Markdown for an issue', () => {
    const result = runCli([...asOf, '--format', 'markdown']);
    expect(result.stdout).toMatch(/^## CoP health as of 2026-11-20/);
    expect(result.stdout).toContain('| `mobile` | active | **flagged** | low-participation |');
  });

  it('refuses an unknown CoP and an unknown --fail-on level with exit 2', () => {
    const unknown = runCli([...asOf, 'nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/No CoP `nope` with a charter/);
    expect(runCli([...asOf, '--fail-on', 'bad']).status).toBe(2);
  });
});
