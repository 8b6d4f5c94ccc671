/** Issue #23 row 10: `cop check`'s findings wrap to the terminal like `cop due`; rule ids never break. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/core/terminal.js';
import { REPO_ROOT } from '../helpers/cli.js';

async function check(env: NodeJS.ProcessEnv): Promise<string> {
  const out: string[] = [];
  const io: Io = { stdout: (t) => out.push(t), stderr: () => {}, env: { NO_COLOR: '1', ...env }, cwd: REPO_ROOT, stdoutIsTTY: false, stdinIsTTY: false };
  // A year on, the bundled organisation has goal reviews and coordinator terms past due: long warnings.
  expect(await main(['node', 'cop', 'check', '--as-of', '2027-09-01'], io)).toBe(0);
  return out.join('');
}

/** The finding lines' rule ids: the last word of each finding (before the next finding or the file's end). */
const RULE_IDS = ['goal-review-due', 'coordinator-rotation'];

describe('cop check (stylish) at a terminal width', () => {
  it.each(['100', '60'])('COLUMNS=%s: every line fits, every rule id is whole, no message is padded', async (columns) => {
    const text = await check({ COLUMNS: columns });
    const lines = text.trimEnd().split('\n');
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(Number(columns));
    for (const id of RULE_IDS) expect(lines.filter((line) => line.endsWith(`  ${id}`) || line.trim() === id).length, id).toBeGreaterThan(0);
    // No rule id is cut: a line never ends in a piece of one.
    for (const line of lines) expect(line, line).not.toMatch(/ (goal-review|goal-|coordinator-|coordinator)$/);
    // No message carries padding: two spaces only before the rule id.
    for (const line of lines.filter((l) => /^ {2}\d+:\d+/.test(l))) expect(line.replace(/^ +\S+ +\S+ {2}/, '')).not.toMatch(/ {3,}/);
  });

  it('without COLUMNS (a pipe) each finding is one line', async () => {
    const text = await check({});
    const findings = text.split('\n').filter((line) => /^ {2}\d+:\d+/.test(line));
    expect(findings.length).toBeGreaterThan(0);
    for (const line of findings) expect(line).toMatch(/\. {2}(goal-review-due|coordinator-rotation)$/);
  });
});
