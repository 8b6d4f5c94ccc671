/** Small helpers shared by the `cop check` output formats. Pure: no I/O, no environment. */
import { groupBy } from '../../core/group-by.js';
import { compareDiagnostics, type Diagnostic, type DiagnosticSummary, type Severity } from '../../model/diagnostic.js';

/** The tool name every format reports. */
export const TOOL_NAME = 'cop';

/** `1 error`, `2 errors`, `0 warnings`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The word formats print for a severity: `error` or `warning`. */
/** The message with its detail lines under it, for formats that carry one text (GitHub annotations, SARIF, JUnit). */
export function fullMessage(d: Pick<Diagnostic, 'message' | 'detail'>): string {
  return d.detail?.length ? [d.message, ...d.detail].join('\n') : d.message;
}

export function severityLabel(severity: Severity): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

/** The findings in the one order every format prints them (file, line, column, rule). */
export function sortDiagnostics<T extends Diagnostic>(diagnostics: readonly T[]): T[] {
  return [...diagnostics].sort(compareDiagnostics);
}

/** Sorted findings grouped by file, files in sorted order. */
export function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  return groupBy(sortDiagnostics(diagnostics), (d) => d.file);
}

/** `3 problems (2 errors, 1 warning)`, without decoration. */
export function problemCounts(summary: DiagnosticSummary): string {
  const total = summary.errors + summary.warnings;
  return `${plural(total, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')})`;
}

/** `, 3 suppressed` when inline comments suppressed findings, else nothing. */
export function suppressedNote(summary: DiagnosticSummary): string {
  return summary.suppressed > 0 ? `, ${summary.suppressed} suppressed` : '';
}

/** A plain one-line summary: `3 problems (2 errors, 1 warning) in 42 files, 1 suppressed.` or `No problems in 42 files.` */
export function summaryLine(summary: DiagnosticSummary): string {
  const files = plural(summary.files, 'file');
  const counts = summary.errors + summary.warnings === 0 ? `No problems in ${files}` : `${problemCounts(summary)} in ${files}`;
  return `${counts}${suppressedNote(summary)}.`;
}

// Characters XML 1.0 does not allow at all, even escaped.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** Escapes text for XML element content. Characters XML cannot carry become U+FFFD. */
export function escapeXmlText(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD').replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/** Escapes text for a double- or single-quoted XML attribute, keeping line breaks and tabs as character references. */
export function escapeXmlAttribute(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD').replace(/[&<>"'\n\r\t]/g, (c) => XML_ENTITIES[c] ?? c);
}
