/** `cop diff` in plain words for a terminal: one line per change, `<cop>: <what changed>`; the words (with their data) go through the plain-text layer. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Change, LifecycleFinding } from '../../diff/changes.js';
import { escapeTerminal } from '../../output/terminal.js';
import { baseLabel, describe, headLabel, plural, scopeOf, type DiffReport } from './words.js';

export function diffText(report: DiffReport, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const out = [`Changes from ${escapeTerminal(baseLabel(report))} to ${escapeTerminal(headLabel(report))}:`, ...changeLines(report.changes, report.findings, chalk)];
  out.push('', `${plural(report.summary.changes, 'change')}, ${report.summary.findings === 0 ? 'no lifecycle problems' : plural(report.summary.findings, 'lifecycle problem')}.`);
  return `${out.join('\n')}\n`;
}

/** The changes, one indented line each, then the lifecycle problems: what a reviewer reads (also `cop activate`'s preview). */
export function changeLines(changes: readonly Change[], findings: readonly LifecycleFinding[], chalk: ChalkInstance): string[] {
  const out = changes.length === 0 ? ['No changes to charters, budgets, people or policy.'] : [];
  for (const change of changes) out.push(`  ${chalk.bold(escapeTerminal(scopeOf(change)))}: ${escapeTerminal(describe(change))}`);
  if (findings.length > 0) {
    out.push('', chalk.red('Lifecycle problems:'));
    for (const f of findings) out.push(`  ${chalk.red('✖')} ${escapeTerminal(f.file)}: ${escapeTerminal(f.message)}`);
  }
  return out;
}
