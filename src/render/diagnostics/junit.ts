/**
 * `cop check --format junit`: JUnit XML for CI systems that show test reports.
 * Each file with findings is a `<testsuite>` with one `<testcase>` per finding: a `<failure>` for a
 * reported one, `<skipped>` (with the comment's reason) for one an inline comment suppressed. The
 * files without problems are one passing test case in their own suite. Every `tests`, `failures`
 * and `skipped` count is the number of test cases listed under it, as JUnit readers count them.
 */
import type { Diagnostic, SuppressedDiagnostic } from '../../model/diagnostic.js';
import type { DiagnosticsRenderer } from '../diagnostics-format.js';
import { escapeXmlAttribute as attr, escapeXmlText as text, fullMessage, plural, severityLabel, sortDiagnostics } from './shared.js';

/** Name of the passing suite that stands for the files without findings. */
export const CLEAN_SUITE_NAME = 'files without problems';

interface Suite {
  name: string;
  cases: string[];
  failures: number;
  skipped: number;
}

function testcase(d: Diagnostic | SuppressedDiagnostic): string {
  const where = `${d.start.line}:${d.start.column}`;
  const severity = severityLabel(d.severity);
  const open = `    <testcase classname="${attr(d.file)}" name="${attr(`${d.ruleId} at ${where}`)}">`;
  const body =
    'suppression' in d
      ? `      <skipped message="${attr(`suppressed by the comment on line ${d.suppression.line}${d.suppression.justification ? `: ${d.suppression.justification}` : ''}`)}"/>`
      : `      <failure message="${attr(d.message)}" type="${severity}">${text(`${d.file}:${where} ${severity} ${fullMessage(d)} (${d.ruleId})`)}</failure>`;
  return [open, body, '    </testcase>'].join('\n');
}

const counts = ({ tests, failures, skipped }: { tests: number; failures: number; skipped: number }) =>
  `tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}"`;

export const junit: DiagnosticsRenderer = (report) => {
  const suites = new Map<string, Suite>();
  for (const d of sortDiagnostics<Diagnostic | SuppressedDiagnostic>([...report.diagnostics, ...(report.suppressed ?? [])])) {
    const suite = suites.get(d.file) ?? { name: d.file, cases: [], failures: 0, skipped: 0 };
    suites.set(d.file, suite);
    suite.cases.push(testcase(d));
    if ('suppression' in d) suite.skipped++;
    else suite.failures++;
  }
  const withProblems = new Set(report.diagnostics.map((d) => d.file)).size;
  const cleanFiles = Math.max(0, report.summary.files - withProblems);
  const all = [...suites.values()];
  if (cleanFiles > 0) {
    all.push({ name: CLEAN_SUITE_NAME, cases: [`    <testcase classname="cop check" name="${plural(cleanFiles, 'file')} without problems"/>`], failures: 0, skipped: 0 });
  }
  const total = (key: 'failures' | 'skipped') => all.reduce((sum, suite) => sum + suite[key], 0);
  const tests = all.reduce((sum, suite) => sum + suite.cases.length, 0);

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cop check" ${counts({ tests, failures: total('failures'), skipped: total('skipped') })}>`,
    ...all.map((suite) => [`  <testsuite name="${attr(suite.name)}" ${counts({ tests: suite.cases.length, ...suite })}>`, ...suite.cases, '  </testsuite>'].join('\n')),
    '</testsuites>',
    '',
  ].join('\n');
};
