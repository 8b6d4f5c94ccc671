/** What `cop check` reports, and the shape every renderer receives. */

export type Severity = 'error' | 'warn';
export type SeveritySetting = Severity | 'off';

/** A position in a file: 1-based line and column, as editors and CI annotations count them. */
export interface Position {
  line: number;
  column: number;
}

export interface Diagnostic {
  /** The rule that found it, e.g. `person-exists`, or a core id such as `schema` or `yaml-syntax`. */
  ruleId: string;
  severity: Severity;
  /** A sentence a person can act on. */
  message: string;
  /** Path relative to the data root, with forward slashes, e.g. `cops/aws/charter.yaml`. */
  file: string;
  start: Position;
  end?: Position;
  /** Lines shown under the message (a generated file's diff): each printed as one escaped value, so data in them never starts a line of its own. */
  detail?: string[];
}

/** Why a finding is not reported: the inline comment that suppressed it (src/lint/directives.ts). */
export interface Suppression {
  kind: 'next-line' | 'file';
  /** The reason written after ` -- ` ('' when the policy lets a suppression go without one). */
  justification: string;
  /** Where the comment is. */
  file: string;
  line: number;
}

/** A finding an inline comment suppressed: not counted, still shown to machines (JSON, SARIF). */
export interface SuppressedDiagnostic extends Diagnostic {
  suppression: Suppression;
}

export interface DiagnosticSummary {
  errors: number;
  warnings: number;
  files: number;
  /** Findings suppressed by inline comments (not counted in errors or warnings). */
  suppressed: number;
}

export function summarise(diagnostics: readonly Diagnostic[], filesChecked: number, suppressed = 0): DiagnosticSummary {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors, files: filesChecked, suppressed };
}

/** Sorts by file, then line, then column, so every format prints findings in the same order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.start.line - b.start.line || a.start.column - b.start.column || a.ruleId.localeCompare(b.ruleId);
}
