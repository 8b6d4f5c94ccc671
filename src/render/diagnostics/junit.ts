/**
 * `cop check --format junit`: JUnit XML for CI systems that show test reports.
 * Each file with findings is a failing `<testsuite>` with one `<testcase>` and `<failure>` per finding;
 * files without findings are summarised in one passing `<testsuite>` whose `tests` counts them.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import type { DiagnosticsRenderer } from '../diagnostics-format.js';
import { escapeXmlAttribute as attr, escapeXmlText as text, groupByFile, plural, severityLabel } from './shared.js';

/** Name of the passing suite that stands for the files without findings. */
export const CLEAN_SUITE_NAME = 'files without problems';

function testcase(d: Diagnostic): string {
  const where = `${d.start.line}:${d.start.column}`;
  const severity = severityLabel(d.severity);
  return [
    `    <testcase classname="${attr(d.file)}" name="${attr(`${d.ruleId} at ${where}`)}">`,
    `      <failure message="${attr(d.message)}" type="${severity}">${text(
      `${d.file}:${where} ${severity} ${d.message} (${d.ruleId})`,
    )}</failure>`,
    `    </testcase>`,
  ].join('\n');
}

export const junit: DiagnosticsRenderer = (report) => {
  const groups = groupByFile(report.diagnostics);
  const cleanFiles = Math.max(0, report.summary.files - groups.size);
  const failures = report.diagnostics.length;

  const suites: string[] = [];
  for (const [file, findings] of groups) {
    suites.push(
      [
        `  <testsuite name="${attr(file)}" tests="${findings.length}" failures="${findings.length}" errors="0">`,
        ...findings.map(testcase),
        `  </testsuite>`,
      ].join('\n'),
    );
  }
  if (cleanFiles > 0) {
    suites.push(
      [
        `  <testsuite name="${CLEAN_SUITE_NAME}" tests="${cleanFiles}" failures="0" errors="0">`,
        `    <testcase classname="cop check" name="${plural(cleanFiles, 'file')} without problems"/>`,
        `  </testsuite>`,
      ].join('\n'),
    );
  }

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cop check" tests="${failures + cleanFiles}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
