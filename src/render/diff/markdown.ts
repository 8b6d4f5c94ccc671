/** `cop diff --format markdown`: a pull-request comment or job summary, a heading per CoP, built by the Markdown layer. */
import { code, codeSpans, heading, list, markdown, paragraph, strong } from '../../output/markdown.js';
import { baseLabel, describe, grouped, headLabel, plural, type DiffReport } from './words.js';

export function diffMarkdown(report: DiffReport): string {
  const findings = report.findings.map((f) => [':x: ', strong(f.cop), ' (', code(f.file), '): ', ...codeSpans(f.message)]);
  return markdown([
    heading(2, 'What this change asks you to approve'),
    paragraph('Compared ', code(baseLabel(report)), ` with ${headLabel(report)}.`),
    report.changes.length === 0 && paragraph('No changes to charters, budgets, people or policy.'),
    ...grouped(report.changes).flatMap(([scope, changes]) => [heading(3, scope), list(changes.map((change) => [describe(change)]))]),
    ...(findings.length > 0 ? [heading(3, 'Lifecycle problems'), list(findings)] : []),
    paragraph(`${plural(report.summary.changes, 'change')}, ${report.summary.findings === 0 ? 'no lifecycle problems' : plural(report.summary.findings, 'lifecycle problem')}.`),
  ]);
}
