/**
 * `cop check --format json`: a stable, machine-readable report.
 *
 * The output is one JSON document, pretty-printed with two spaces and ending in a newline.
 * Keys always appear in the order shown. Version 1 of the shape:
 *
 * ```jsonc
 * {
 *   "version": 1,                      // version of this shape; bumped only on incompatible changes
 *   "tool": { "name": "cop", "version": "0.1.0" },
 *   "summary": {
 *     "errors": 2,                     // number of findings with severity "error"
 *     "warnings": 1,                   // number of findings with severity "warning"
 *     "files": 42,                     // number of files checked (with or without findings)
 *     "suppressed": 1                  // findings suppressed by inline comments (not in errors or warnings)
 *   },
 *   "diagnostics": [                   // sorted by file, line, column, rule id
 *     {
 *       "file": "cops/aws/charter.yaml", // from the git repository's top level (else the data root), forward slashes
 *       "line": 3,                     // 1-based
 *       "column": 5,                   // 1-based
 *       "endLine": 3,                  // optional: omitted when the end is unknown
 *       "endColumn": 9,                // optional: omitted when the end is unknown
 *       "severity": "error",           // "error" | "warning"
 *       "ruleId": "person-exists",     // a rule id, or a core id such as "schema" or "yaml-syntax"
 *       "message": "Lead \"jdoe\" is not in people.yaml",
 *       "docs": "https://unpkg.com/cops-as-code/docs/rules/person-exists.md" // optional: the rule's page
 *     }
 *   ],
 *   "suppressed": [                    // findings inline comments suppressed, in the same shape, plus:
 *     {
 *       "file": "cops/pilot/charter.yaml", "line": 14, "column": 3, "severity": "error",
 *       "ruleId": "min-members", "message": "A proposed CoP needs at least 5 members; 3 listed.",
 *       "suppression": {
 *         "kind": "next-line",           // "next-line" | "file": which comment form
 *         "justification": "pilot until March, approved by the CTO", // the reason after ` -- `
 *         "line": 13                     // the line of the comment in the same file
 *       }
 *     }
 *   ],
 *   "skipped": [                       // optional, omitted when empty: files with an error (a file that failed to load,
 *     {                                // a charter naming an unknown person) and the rules not run because of it,
 *                                      // which would only report follow-ons of that error elsewhere
 *       "file": "cops/aws/charter.yaml",
 *       "rules": ["codeowners-current", "readme-current"]
 *     }
 *   ]
 * }
 * ```
 *
 * Consumers should ignore keys they do not know: new optional keys may be added without a version bump.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { docsOf, type DiagnosticsRenderer } from '../diagnostics-format.js';
import { severityLabel, sortDiagnostics, TOOL_NAME } from './shared.js';

/** The version of the JSON shape documented above. */
export const JSON_REPORT_VERSION = 1;

/** One finding in the JSON report. */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning';
  ruleId: string;
  message: string;
  /** Lines to show under the message (a generated file's diff), when the finding has them. */
  detail?: string[];
  /** The rule's documentation page, when the rule has one. */
  docs?: string;
}

/** The whole JSON report, as documented at the top of this module. */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: string; version: string };
  summary: { errors: number; warnings: number; files: number; suppressed: number };
  diagnostics: JsonDiagnostic[];
  suppressed: JsonSuppressedDiagnostic[];
  /** Present only when a file kept rules from running. */
  skipped?: { file: string; rules: string[] }[];
}

/** A suppressed finding: where and why it was suppressed. */
export interface JsonSuppressedDiagnostic extends JsonDiagnostic {
  suppression: { kind: 'next-line' | 'file'; justification: string; line: number };
}

function jsonDiagnostic(d: Diagnostic, docs: string | undefined): JsonDiagnostic {
  return {
    file: d.file,
    line: d.start.line,
    column: d.start.column,
    ...(d.end ? { endLine: d.end.line, endColumn: d.end.column } : {}),
    severity: severityLabel(d.severity),
    ruleId: d.ruleId,
    message: d.message,
    ...(d.detail ? { detail: d.detail } : {}),
    ...(docs ? { docs } : {}),
  };
}

export const json: DiagnosticsRenderer = (report) => {
  const { errors, warnings, files, suppressed } = report.summary;
  const out: JsonReport = {
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: report.toolVersion },
    summary: { errors, warnings, files, suppressed },
    diagnostics: sortDiagnostics(report.diagnostics).map((d) => jsonDiagnostic(d, docsOf(report, d.ruleId))),
    suppressed: sortDiagnostics(report.suppressed ?? []).map((d) => {
      const { kind, justification, line } = d.suppression;
      return { ...jsonDiagnostic(d, docsOf(report, d.ruleId)), suppression: { kind, justification, line } };
    }),
    ...(report.skipped?.length ? { skipped: report.skipped.map(({ file, rules }) => ({ file, rules: [...rules] })) } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};
