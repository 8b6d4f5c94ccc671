import type { Diagnostic, DiagnosticSummary, SuppressedDiagnostic } from '../model/diagnostic.js';

/** Everything a diagnostics renderer needs: it returns the whole text to print on stdout. */
export interface DiagnosticsReport {
  diagnostics: readonly Diagnostic[];
  /** Findings inline comments suppressed (absent: none): machine formats list them, stylish counts them. */
  suppressed?: readonly SuppressedDiagnostic[];
  summary: DiagnosticSummary;
  /** Absolute path of the data root, for formats that want absolute URIs (SARIF). */
  root: string;
  /** Every rule that ran, for formats that list rules (SARIF, JUnit). */
  rules: readonly RuleDescriptor[];
  color: boolean;
  toolVersion: string;
}

export interface RuleDescriptor {
  id: string;
  description: string;
  defaultSeverity: 'error' | 'warn';
}

export type DiagnosticsRenderer = (report: DiagnosticsReport) => string;
