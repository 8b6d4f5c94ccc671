import type { Diagnostic, DiagnosticSummary } from '../model/diagnostic.js';

/** Everything a diagnostics renderer needs: it returns the whole text to print on stdout. */
export interface DiagnosticsReport {
  diagnostics: readonly Diagnostic[];
  summary: DiagnosticSummary;
  /** Absolute path the files are relative to (the repository's top level, or the data root), for formats that want absolute URIs (SARIF). */
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
