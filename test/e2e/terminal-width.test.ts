/** Done-when of "output that fits": report and health tables fit 80 columns; NO_COLOR keeps every cue in words. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2026-11-20'];
const widest = (text: string) => Math.max(...text.split('\n').map((line) => stringWidth(line)));

describe('cop report, health, due, ls, show and rules in an 80-column terminal', () => {
  it('fit COLUMNS=80 without wrapping, and use the full width for a pipe', () => {
    for (const command of ['report', 'health', 'due', 'ls', 'show', 'rules']) {
      const args = command === 'rules' ? [command] : command === 'show' ? [command, 'aws', ...AS_OF] : [command, ...AS_OF];
      const narrow = runCli(args, { env: { COLUMNS: '80' } });
      expect(narrow.status).toBe(0);
      expect(widest(narrow.stdout), command).toBeLessThanOrEqual(80);
      // Without COLUMNS, a pipe is not a terminal: nothing is wrapped or cut.
      const piped = runCli(args, { env: { COLUMNS: undefined } });
      expect(widest(piped.stdout), command).toBeGreaterThan(80);
      // Nothing is cut (a description may itself quote `<…>`).
      expect(piped.stdout).not.toMatch(/^\S+…/m);
    }
  });

  it('cuts no rule id in `cop rules` at 80 columns', () => {
    const narrow = runCli(['rules'], { env: { COLUMNS: '80' } });
    expect(narrow.stdout).toMatch(/^charter-id-matches-folder +error +/m);
    // Descriptions may quote `<…>`; no id is cut.
    expect(narrow.stdout).not.toMatch(/^\S+…/m);
  });

  it('with NO_COLOR, over-budget figures say "over" and health levels are words', () => {
    const report = runCli(['report', ...AS_OF], { env: { NO_COLOR: '1', COLUMNS: undefined } });
    expect(report.stdout).not.toContain('\u001b[');
    // aws prepared 2.5 h of its 2 h in October 2026.
    expect(report.stdout).toMatch(/^aws .*2\.5 h \[125% of 2 h\] over/m);
    const health = runCli(['health', ...AS_OF], { env: { NO_COLOR: '1', COLUMNS: undefined } });
    expect(health.stdout).not.toContain('\u001b[');
    expect(health.stdout).toMatch(/^mobile +active +flagged /m);
    expect(health.stdout).toMatch(/^quality-engineering +active +at-risk /m);
  });
});
