/** `cop diff` in plain words for a terminal: one line per change, `<cop>: <what changed>`. */
import { Chalk } from 'chalk';
import { baseLabel, describe, headLabel, plural, scopeOf, type DiffReport } from './words.js';

export function diffText(report: DiffReport, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const out = [`Changes from ${baseLabel(report)} to ${headLabel(report)}:`];
  if (report.changes.length === 0) out.push('No changes to charters, budgets, people or policy.');
  for (const change of report.changes) out.push(`  ${chalk.bold(scopeOf(change))}: ${describe(change)}`);
  if (report.findings.length > 0) {
    out.push('', chalk.red('Lifecycle problems:'));
    for (const f of report.findings) out.push(`  ${chalk.red('✖')} ${f.file}: ${f.message}`);
  }
  out.push('', `${plural(report.summary.changes, 'change')}, ${report.summary.findings === 0 ? 'no lifecycle problems' : plural(report.summary.findings, 'lifecycle problem')}.`);
  return `${out.join('\n')}\n`;
}
