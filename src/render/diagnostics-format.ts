import type { Diagnostic, DiagnosticSummary, SuppressedDiagnostic } from '../model/diagnostic.js';

/** Everything a diagnostics renderer needs: it returns the whole text to print on stdout. */
export interface DiagnosticsReport {
  diagnostics: readonly Diagnostic[];
  /** Findings inline comments suppressed (absent: none): machine formats list them, stylish counts them. */
  suppressed?: readonly SuppressedDiagnostic[];
  summary: DiagnosticSummary;
  /** Absolute path the files are relative to (the repository's top level, or the data root), for formats that want absolute URIs (SARIF). */
  root: string;
  /** Every rule that ran, for formats that list rules (SARIF, JUnit). */
  rules: readonly RuleDescriptor[];
  color: boolean;
  /** Whether the terminal shows OSC 8 hyperlinks (stylish links each rule id to its page). */
  hyperlinks?: boolean;
  /** The columns a line may fill (src/core/terminal.ts outputWidth; stylish wraps to it): unlimited when absent. */
  width?: number;
  toolVersion: string;
  /** Files that failed to load, with the rules not run because of them (absent: none). */
  skipped?: readonly SkippedRules[];
}

/** A file that failed to load, and the rules that read what it holds, not run until it loads. */
export interface SkippedRules {
  file: string;
  rules: readonly string[];
}

/** The note a file's findings end with: `2 rules skipped for this file until it is fixed: a, b`. */
export function skippedNote({ rules }: SkippedRules): string {
  return `${rules.length} rule${rules.length === 1 ? '' : 's'} skipped for this file until it is fixed: ${rules.join(', ')}`;
}

export interface RuleDescriptor {
  id: string;
  description: string;
  defaultSeverity: 'error' | 'warn';
  /** The rule's documentation page. */
  docs?: string;
}

/** The page of a finding's rule, when a descriptor gives one. */
export function docsOf(report: DiagnosticsReport, ruleId: string): string | undefined {
  return report.rules.find((rule) => rule.id === ruleId)?.docs;
}

export type DiagnosticsRenderer = (report: DiagnosticsReport) => string;
