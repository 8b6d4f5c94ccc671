import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/budget/types.js';
import type { HealthReport } from '../../src/health/types.js';
import { hoursText, moneyText } from '../../src/core/numbers.js';
import type { CopReview, OrgReview } from '../../src/review/types.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const common = ['--root', REPO_ROOT, '--as-of', '2026-11-20'];

function json<T>(args: string[]): T {
  const result = runCli([...args, ...common, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as T;
}

describe('cop review on the bundled organisation', () => {
  it("agrees with cop report and cop health for the same period and day", () => {
    const review = json<CopReview>(['review', 'aws', '--quarter', '2026Q3']);
    const report = json<Report>(['report', '--from', '2026-07', '--to', '2026-09', '--cop', 'aws']);
    const health = json<HealthReport>(['health', 'aws']);
    expect(review.period).toEqual(report.period);
    expect(report.cops).toHaveLength(1);
    expect(review.budget).toEqual(report.cops[0]);
    expect(review.health).toEqual(health.cops[0]);
    // The meetings it lists are the quarter's logs, and the draft's figures are the data's.
    expect(review.meetings.list.map((m) => m.date)).toEqual(['2026-07-16', '2026-08-20', '2026-09-17']);
    expect(review.budget.period.meetings).toBe(review.meetings.held);
  });

  it('prints a Markdown draft with the facts and blanks for the judgements', () => {
    const result = runCli(['review', 'aws', '--quarter', '2026Q3', ...common]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^# Review of AWS \(aws\): 2026-07 to 2026-09\n/);
    expect(result.stdout).toContain('3 held, 0 cancelled.');
    expect(result.stdout).toContain('## What went well\n\n_To be written by the CoP._');
  });

  it('names nobody with --no-names', () => {
    const people = runCli(['check', '--root', REPO_ROOT, '--format', 'json']).status === 0;
    expect(people).toBe(true);
    const review = runCli(['review', 'aws', '--quarter', '2026Q3', '--no-names', ...common, '--format', 'json']);
    expect(review.status).toBe(0);
    for (const id of ['lucy.chen', 'seren.howarth', 'kwame.asante', 'stacy.leblanc']) expect(review.stdout).not.toContain(id);
  });

  it('refuses an unknown CoP, a proposed one and a bad quarter with exit 2', () => {
    expect(runCli(['review', 'nope', '--quarter', '2026Q3', ...common])).toMatchObject({ status: 2 });
    const proposed = runCli(['review', 'security', '--quarter', '2026Q3', ...common]);
    expect(proposed.status).toBe(2);
    expect(proposed.stderr).toContain('`security` is proposed');
    const quarter = runCli(['review', 'aws', '--quarter', 'Q3', ...common]);
    expect(quarter.status).toBe(2);
    expect(quarter.stderr).toContain('--quarter Q3: expected a quarter written YYYYQn');
  });
});

describe('cop review --org on the bundled organisation', () => {
  it('agrees with cop report --year and cop health for the same year and day, figure for figure', () => {
    const org = json<OrgReview>(['review', '--org', '--year', '2026']);
    const report = json<Report>(['report', '--year', '2026']);
    const health = json<HealthReport>(['health']);
    expect(org.period).toEqual(report.period);
    // Totals against the yearly budget are the report's organisation block.
    expect(org.budget).toEqual(report.organisation);
    // One section per CoP the report covers, each with the report's and health's entries.
    expect(org.cops.map((c) => c.id)).toEqual(report.cops.map((c) => c.id));
    for (const section of org.cops) {
      expect(section.budget).toEqual(report.cops.find((c) => c.id === section.id));
      expect(section.health).toEqual(health.cops.find((c) => c.id === section.id));
      expect(section.meetings.held).toBe(section.budget.period.meetings);
      expect(section.meetings.cancelled).toBe(section.budget.period.cancelled);
    }
    // Flags: every trigger cop health raises is listed, with no decision unless the CoP was dissolved.
    const raised = health.cops.flatMap((c) => c.triggers.map((t) => `${c.id}:${t.id}:${t.level}`));
    expect(org.flags.filter((f) => f.source === 'health').map((f) => `${f.cop}:${f.trigger}:${f.level}`)).toEqual(raised);
    expect(org.flags).toContainEqual({ cop: 'distributed-ledgers', trigger: 'not-strategic', source: 'declared', level: 'flagged', date: '2026-05-06', decision: { dissolved: '2026-06-01', reason: 'not-strategic', decidedBy: 'priya.raman' } });
    expect(org.lifecycle.created.map((c) => c.id)).toEqual(['aws', 'data-engineering', 'security']);
    expect(org.lifecycle.activated.map((c) => c.id)).toEqual(['aws', 'data-engineering']);
    expect(org.lifecycle.dissolved.map((c) => [c.id, c.date, c.reason])).toEqual([['distributed-ledgers', '2026-06-01', 'not-strategic']]);
  });

  it("prints the report's own figures in the Markdown draft", () => {
    const report = json<Report>(['report', '--year', '2026']);
    const result = runCli(['review', '--org', '--year', '2026', ...common]);
    expect(result.status).toBe(0);
    const o = report.organisation;
    const money = (n: number) => moneyText(n, o.currency);
    expect(result.stdout).toMatch(/^# Harbourline Digital: communities of practice in 2026\n/);
    expect(result.stdout).toContain(`| Budget for 2026 | ${hoursText(o.budget!.hours)} | ${money(o.budget!.money)} |`);
    expect(result.stdout).toContain(`| Year to date (${o.monthsElapsed} months) | ${hoursText(o.yearToDate.hours.actual)} | ${money(o.yearToDate.money.actual)} |`);
    expect(result.stdout).toContain(`| Remaining | ${hoursText(o.remaining!.hours)} | ${money(o.remaining!.money)} |`);
    for (const cop of report.cops) {
      expect(result.stdout).toContain(`### ${cop.name} (${cop.id}), ${cop.status}`);
      expect(result.stdout).toContain(`money ${money(cop.period.money.total)}.`);
    }
    expect(result.stdout).toContain('## Priorities for 2027\n\n_To be written by the CTO._');
  });

  it('refuses --org with a CoP id or a quarter, and a CoP review without an id', () => {
    const withId = runCli(['review', 'aws', '--org', ...common]);
    expect(withId.status).toBe(2);
    expect(withId.stderr).toContain('leave out the CoP id `aws`');
    expect(runCli(['review', '--org', '--quarter', '2026Q3', ...common]).status).toBe(2);
    const noId = runCli(['review', ...common]);
    expect(noId.status).toBe(2);
    expect(noId.stderr).toContain('use --org for the annual report');
  });
});
