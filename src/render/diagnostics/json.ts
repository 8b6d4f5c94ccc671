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
 *     "files": 42                      // number of files checked (with or without findings)
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
 *       "message": "Lead \"jdoe\" is not in people.yaml"
 *     }
 *   ]
 * }
 * ```
 *
 * Consumers should ignore keys they do not know: new optional keys may be added without a version bump.
 */
import type { DiagnosticsRenderer } from '../diagnostics-format.js';
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
}

/** The whole JSON report, as documented at the top of this module. */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: string; version: string };
  summary: { errors: number; warnings: number; files: number };
  diagnostics: JsonDiagnostic[];
}

export const json: DiagnosticsRenderer = (report) => {
  const { errors, warnings, files } = report.summary;
  const out: JsonReport = {
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: report.toolVersion },
    summary: { errors, warnings, files },
    diagnostics: sortDiagnostics(report.diagnostics).map((d) => ({
      file: d.file,
      line: d.start.line,
      column: d.start.column,
      ...(d.end ? { endLine: d.end.line, endColumn: d.end.column } : {}),
      severity: severityLabel(d.severity),
      ruleId: d.ruleId,
      message: d.message,
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};
