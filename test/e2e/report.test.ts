import { describe, expect, it } from 'vitest';
import { runCli, writeRoot } from '../helpers/cli.js';
import { charter, meeting, people } from '../helpers/workspace.js';

describe('cop report on the bundled organisation', () => {
  it('prints the last complete month (October 2026) and exits 0', () => {
    const result = runCli(['report', '--as-of', '2026-11-20']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Harbourline Digital: CoP report, October 2026 \(as of 2026-11-20\)\n/);
    // aws on 2026-10-22: a lunch meeting (no work hours), 9 attendees, no output, preparation 2 + 0.5 h of a 2 h budget,
    // refreshments 41.61 ÷ 9 = 4.62 a head against a cap of 6.
    expect(result.stdout).toMatch(/\naws\s+1\s+9\s+0\s+0 h\s+0\s+2\.5 h \[125% of 2 h\] over\s+\S+ h \[\d+% of 2 h\]\s+£41\.61\s+£4\.62 \[77% of £6\.00\]\n/);
    expect(result.stdout).toContain('Organisation (all CoPs), 2026: budget 320 h and £1,600.00');
    // Dissolved in June and proposed in November: neither is in October's CoP tables.
    expect(result.stdout).not.toMatch(/^(distributed-ledgers|security)\b/m);
  });

  it('prints JSON that parses, with numbers', () => {
    const result = runCli(['report', '--as-of', '2026-11-20', '--format', 'json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.period).toMatchObject({ from: '2026-10', to: '2026-10', year: 2026 });
    const aws = report.cops.find((c: { id: string }) => c.id === 'aws');
    expect(aws.months[0].attendanceHours).toBe(0);
    expect(aws.months[0].preparation.actual).toBe(2.5);
    // 41.61 ÷ 9 = 4.6233…, rounded to cents in the JSON.
    expect(aws.months[0].refreshments.perHead.actual).toBe(4.62);
    expect(report.organisation.budget).toEqual({ hours: 320, money: 1600 });
  });

  it('prints CSV and Markdown, and filters by CoP', () => {
    const csv = runCli(['report', '--as-of', '2026-11-20', '--format', 'csv', '--cop', 'aws', '--cop', 'mobile']);
    expect(csv.status).toBe(0);
    expect(csv.stdout.trimEnd().split('\r\n').map((line) => line.split(',')[0])).toEqual(['cop', 'aws', 'mobile']);
    const md = runCli(['report', '--as-of', '2026-11-20', '--format', 'markdown', '--no-names']);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# Harbourline Digital: CoP report, October 2026/);
    expect(md.stdout).toContain('## People (anonymised)');
  });

  it('exits 2 on bad options', () => {
    const result = runCli(['report', '--as-of', '2026-11-20', '--month', 'October']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('cop: --month October: expected a month written YYYY-MM.\n');
    expect(runCli(['report', '--as-of', '2026-11-20', '--cop', 'nope']).status).toBe(2);
  });
});

describe('cop report on invalid data', () => {
  it('prints the findings cop check prints, leaves the file out, and exits 1; --strict stops', () => {
    const root = writeRoot({ people: people(), cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14', { attendees: ['p1', 'nobody'] })] } } });
    const result = runCli(['report', '--root', root, '--as-of', '2026-11-20']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^Incomplete: 1 file with errors was left out/);
    expect(result.stdout).toContain('cops/aws/meetings/2026-10-14.yaml: a meeting of aws, left out of its figures');
    expect(result.stderr).toMatch(/cops\/aws\/meetings\/2026-10-14\.yaml\n\s+\d+:\d+\s+error\s+Unknown attendee `nobody`/);
    const strict = runCli(['report', '--root', root, '--as-of', '2026-11-20', '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toMatch(/Unknown attendee `nobody`/);
  });
});
