import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/budget/types.js';
import type { HealthReport } from '../../src/health/types.js';
import type { CopReview } from '../../src/review/types.js';
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
