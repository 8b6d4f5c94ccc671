/** One shared set of known findings for every diagnostics format test. */
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { summarise } from '../../../src/model/diagnostic.js';
import type { DiagnosticsReport, RuleDescriptor } from '../../../src/render/diagnostics-format.js';

/** Absolute data root: only SARIF may print it (as a file: URI). */
export const ROOT = '/home/ci/work/cop data';

/** A message with every character some format has to escape: % , : newline < & " ' */
export const TRICKY_MESSAGE = `Budget 100% spent: travel, <food> & "misc" isn't covered\nPlan the rest`;

export const rules: RuleDescriptor[] = [
  { id: 'person-exists', description: 'Every person named in a file is listed in people.yaml', defaultSeverity: 'error', docs: 'https://docs.example.com/rules/person-exists.md' },
  { id: 'budget-within-limit', description: 'Spending stays within the charter budget', defaultSeverity: 'warn' },
  { id: 'unused-rule', description: 'A rule that ran and found nothing', defaultSeverity: 'error' },
];

/** Three findings across two files, deliberately out of order. */
export const findings: Diagnostic[] = [
  {
    ruleId: 'schema',
    severity: 'error',
    message: "must have required property 'date'",
    file: 'cops/data/meetings/2024-01-01.yaml',
    start: { line: 1, column: 1 },
  },
  {
    ruleId: 'budget-within-limit',
    severity: 'warn',
    message: TRICKY_MESSAGE,
    file: 'cops/aws/charter.yaml',
    start: { line: 12, column: 3 },
    end: { line: 12, column: 17 },
  },
  {
    ruleId: 'person-exists',
    severity: 'error',
    message: 'Lead "jdoe" is not in people.yaml',
    file: 'cops/aws/charter.yaml',
    start: { line: 3, column: 5 },
    end: { line: 3, column: 9 },
  },
];

export function makeReport(overrides: Partial<DiagnosticsReport> = {}): DiagnosticsReport {
  return {
    diagnostics: findings,
    summary: summarise(findings, 5),
    root: ROOT,
    rules,
    color: false,
    toolVersion: '0.1.0',
    ...overrides,
  };
}

/** 42 files checked, nothing found. */
export function makeCleanReport(overrides: Partial<DiagnosticsReport> = {}): DiagnosticsReport {
  return makeReport({ diagnostics: [], summary: summarise([], 42), ...overrides });
}

/** Matches any ANSI escape sequence. */
// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[[0-9;]*m/;

/** The person-exists finding, suppressed by a next-line comment with a reason. */
export const suppressedFinding = {
  ...findings[2]!,
  file: 'cops/pilot/charter.yaml',
  suppression: { kind: 'next-line' as const, justification: 'pilot approved by the CTO', file: 'cops/pilot/charter.yaml', line: 2 },
};
