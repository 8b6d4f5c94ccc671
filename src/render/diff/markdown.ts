/** `cop diff --format markdown`: a pull-request comment or job summary, a heading per CoP. */
import { baseLabel, describe, grouped, headLabel, plural, type DiffReport } from './words.js';

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

export function diffMarkdown(report: DiffReport): string {
  const out = ['## What this change asks you to approve', '', `Compared ${code(baseLabel(report))} with ${headLabel(report)}.`, ''];
  if (report.changes.length === 0) out.push('No changes to charters, budgets, people or policy.', '');
  for (const [scope, changes] of grouped(report.changes)) {
    out.push(`### ${scope}`, '', ...changes.map((change) => `- ${describe(change)}`), '');
  }
  if (report.findings.length > 0) {
    out.push('### Lifecycle problems', '');
    for (const f of report.findings) out.push(`- :x: **${f.cop}** (${code(f.file)}): ${f.message}`);
    out.push('');
  }
  out.push(`${plural(report.summary.changes, 'change')}, ${report.summary.findings === 0 ? 'no lifecycle problems' : plural(report.summary.findings, 'lifecycle problem')}.`);
  return `${out.join('\n')}\n`;
}
