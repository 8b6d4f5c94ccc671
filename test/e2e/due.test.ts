import { describe, expect, it } from 'vitest';
import type { DueReport } from '../../src/due/types.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

describe('cop due on the bundled organisation', () => {
  const args = ['due', '--root', REPO_ROOT, '--as-of', '2026-11-20'];

  it("lists a coordinator's handover and missing meeting log, as JSON", () => {
    const result = runCli([...args, '--person', 'amira.haddad', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as DueReport;
    expect(report).toMatchObject({ version: 1, asOf: '2026-11-20', until: '2026-12-20', person: 'amira.haddad' });
    const mine = report.items.map((item) => [item.cop, item.kind, item.date, item.overdue]);
    expect(mine).toContainEqual(['quality-engineering', 'meeting', '2026-11-14', true]);
    expect(mine).toContainEqual(['quality-engineering', 'handover', '2026-12-01', false]);
    expect(report.items.every((item) => item.people.some((p) => p.id === 'amira.haddad'))).toBe(true);
  });

  it('prints a table whose overdue rows say so in words, without colour', () => {
    const result = runCli([...args, '--no-color'], { env: { NO_COLOR: '1' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Due as of 2026-11-20, up to 2026-12-20: \d+ items\./);
    expect(result.stdout).toMatch(/2026-11-14 {2}overdue 6d +quality-engineering +meeting/);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it('refuses an unknown person with a suggestion, and a bad horizon, with exit 2', () => {
    const person = runCli([...args, '--person', 'amira.hadad']);
    expect(person.status).toBe(2);
    expect(person.stderr).toContain('did you mean amira.haddad?');
    const within = runCli([...args, '--within', 'soon']);
    expect(within.status).toBe(2);
    expect(within.stderr).toContain('--within soon: expected days or weeks');
    expect(within.stderr).not.toMatch(/\n\s+at /);
  });
});
