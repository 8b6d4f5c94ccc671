import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const asOf = ['--as-of', AS_OF];
/** In process (cheap); the first test of each command runs the real bin/cop.js. */
const run = (args: string[]) => runInProcess(args, REPO_ROOT);

describe('cop ls on the bundled organisation', { timeout: 120_000 }, () => {
  it('lists every CoP with its coordinator now, last meeting, hours this month and health, as JSON', () => {
    const result = runCli(['ls', ...asOf, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { cops, filters } = JSON.parse(result.stdout) as { filters: unknown; cops: { id: string; status: string; coordinator: { id: string } | null; lastMeeting: string | null; hoursThisMonth: { actual: number; budget: number } | null; health: string; members: number }[] };
    expect(filters).toEqual({ status: null, sponsor: null, person: null });
    expect(cops.map((c) => c.id)).toEqual(['aws', 'data-engineering', 'distributed-ledgers', 'mobile', 'platform-engineering', 'quality-engineering', 'security']);
    const aws = cops.find((c) => c.id === 'aws')!;
    expect(aws).toMatchObject({ status: 'active', coordinator: { id: 'lucy.chen' }, members: 12, lastMeeting: '2026-11-12', health: 'ok' });
    // cops/aws/meetings/2026-11-12.yaml: 1.5 h of preparation, and the 3 h of cops/aws/outputs/2026-11-05-lambda-cold-starts.yaml,
    // against 2 h a month.
    expect(aws.hoursThisMonth).toMatchObject({ actual: 4.5, budget: 2, over: true });
    expect(cops.find((c) => c.id === 'mobile')!.health).toBe('flagged');
    expect(cops.find((c) => c.id === 'security')).toMatchObject({ status: 'proposed', hoursThisMonth: null, lastMeeting: null, health: 'not-judged' });
  });

  it('filters by status, sponsor and person; prints a table and CSV', async () => {
    const table = await run(['ls', ...asOf, '--status', 'active', '--sponsor', 'stacy.leblanc']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^aws\s+AWS\s+active\s+stacy\.leblanc\s+lucy\.chen\s+12\s+2026-11-12\s+4\.5 h of 2 h \(225%\)\s+ok$/m);
    expect(table.stdout).not.toMatch(/^security/m);
    const csv = await run(['ls', ...asOf, '--person', 'fatima.sheikh', '--format', 'csv']);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,name,status,sponsor,coordinator,members,last_meeting,preparation_hours_this_month,preparation_budget_hours,health');
    // fatima.sheikh is a member of aws and security (and of no other CoP).
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['aws', 'security']);
    expect(lines[1]).toBe('aws,AWS,active,stacy.leblanc,lucy.chen,12,2026-11-12,4.5,2,ok');
  });

  it('refuses an unknown person with "did you mean", exit 2', async () => {
    const result = await run(['ls', ...asOf, '--person', 'fatima.shiekh']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--person fatima.shiekh: not in people.yaml. Did you mean `fatima.sheikh`?');
  });
});

describe('cop show on the bundled organisation', { timeout: 120_000 }, () => {
  it('shows one CoP on one screen: goals, coordinator and handover, meetings, budget, health evidence', async () => {
    const result = await run(['show', 'mobile', ...asOf]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/^Mobile Development \(mobile\): active since .*, health flagged/);
    expect(out).toMatch(/^Coordinator {2}.*next handover \d{4}-\d{2}-\d{2}/m);
    expect(out).toMatch(/^Last meetings \(\d+ held; 1 cancelled\)$/m);
    expect(out).toMatch(/^ {2}2026-09-\d\d .*cancelled/m);
    expect(out).toContain('low-participation: 3 complete months in a row');
    expect(out).toContain('cops/mobile/meetings/2026-10-15.yaml  4 participants');
    expect(out).toMatch(/^ {2}Preparation +0\.5 h of 2 h/m);
    expect(out.split('\n').length).toBeLessThan(60);
  });

  it('prints the view model as JSON, and suggests the closest id for a typo', async () => {
    const json = await run(['show', 'aws', ...asOf, '--format', 'json']);
    expect(json.status).toBe(0);
    const { asOf: date, cop } = JSON.parse(json.stdout);
    expect(date).toBe(AS_OF);
    expect(cop.coordinator).toMatchObject({ now: { id: 'lucy.chen' }, since: '2026-09-16', nextHandover: { date: '2026-12-16', overdue: false } });
    expect(cop.meetings.recent).toHaveLength(5);
    expect(cop.meetings.recent[0]).toMatchObject({ date: '2026-11-12', participants: 7, reached: true });
    expect(cop.goals.map((g: { reviewBy: string }) => g.reviewBy)).toEqual(['2026-12-16', '2026-12-16', '2026-12-16']);
    // Third Thursday at 12:30 London time; 2026-12-17 is cancelled in the charter's exceptions.
    expect(cop.nextMeeting).toEqual({ date: '2027-01-21', start: '12:30', end: '13:30', timeZone: 'Europe/London', text: 'Thursday 21 January 2027, 12:30–13:30 (Europe/London)' });
    const text = await run(['show', 'aws', ...asOf]);
    expect(text.stdout).toMatch(/^Next meeting Thursday 21 January 2027, 12:30–13:30 \(Europe\/London\)$/m);
    expect((await run(['show', 'mobile', ...asOf])).stdout).not.toMatch(/^Next meeting/m);
    const typo = await run(['show', 'mobil', ...asOf]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('No CoP `mobil` with a charter. Did you mean `mobile`?');
  });
});

describe('cop activate on a copy of the bundled organisation', { timeout: 120_000 }, () => {
  it('activates the proposal in place, prints the cop diff wording, and cop check still passes', async () => {
    const root = copyOrganisation();
    const file = join(root, 'cops', 'security', 'charter.yaml');
    const before = readFileSync(file, 'utf8');
    const result = runCli(['activate', 'security', '--root', root, ...asOf]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('security: activated on 2026-11-20 with 7 members');
    expect(result.stdout).toContain('the sponsor (priya.raman) approves it');
    // Only the status changes and `activated` is added after `created`: comments and layout stay.
    expect(readFileSync(file, 'utf8')).toBe(before.replace('status: proposed\ncreated: 2026-11-09\n', 'status: active\ncreated: 2026-11-09\nactivated: 2026-11-20\n'));
    expect((await run(['check', '--root', root, ...asOf])).status).toBe(0);
    // A second activation is refused: it is active now.
    const again = await run(['activate', 'security', '--root', root, ...asOf]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('`security` is active: only a proposed CoP can be activated.');
  });

  it('refuses, listing every unmet condition, and writes nothing', async () => {
    const root = copyOrganisation();
    const file = join(root, 'cops', 'security', 'charter.yaml');
    const text = readFileSync(file, 'utf8')
      .replace(/^rationale: >-\n(?: {2}.*\n)+/m, '')
      .replace(/^sponsor: priya\.raman\n/m, '')
      .replace(/ {2}- rhys\.morgan\n {2}- sophie\.lindqvist\n {2}- ewan\.mcleod\n/, '');
    writeFileSync(file, text);
    const result = await run(['activate', 'security', '--root', root, ...asOf, '--format', 'json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('at least 5 members; 4 listed');
    expect(result.stderr).toContain('No `sponsor`');
    expect(result.stderr).toContain('No `rationale`');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('adds a first coordinator term when none covers the day, and reports it as JSON', async () => {
    const root = copyOrganisation();
    const file = join(root, 'cops', 'security', 'charter.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      from: 2026-11-09\n', '      from: 2026-11-09\n      until: 2026-11-15\n'));
    const result = await run(['activate', 'security', '--root', root, ...asOf, '--coordinator', 'samuel.osei', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({ id: 'security', activated: '2026-11-20', newTerm: { person: 'samuel.osei', from: '2026-11-20' } });
    expect(out.changes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'cop-activated', cop: 'security' }), expect.objectContaining({ kind: 'coordinator-changed', after: 'samuel.osei' })]));
    expect(readFileSync(file, 'utf8')).toContain('      until: 2026-11-15\n    - person: samuel.osei\n      from: 2026-11-20\n');
  });
});

describe('impossible dates in flags', { timeout: 120_000 }, () => {
  it('says the date does not exist, for --as-of and for a command\'s own date flags', async () => {
    const asOfResult = await run(['ls', '--as-of', '2026-02-30']);
    expect(asOfResult.status).toBe(2);
    expect(asOfResult.stderr).toBe('cop: --as-of 2026-02-30: that date does not exist: February 2026 has 28 days.\n');
    const date = await run(['activate', 'security', ...asOf, '--date', '2026-04-31']);
    expect(date.status).toBe(2);
    expect(date.stderr).toBe('cop: --date 2026-04-31: that date does not exist: April 2026 has 30 days.\n');
    const month = await run(['report', ...asOf, '--month', '2026-13']);
    expect(month.stderr).toBe('cop: --month 2026-13: there is no month 13: months run from 01 to 12.\n');
  });
});

