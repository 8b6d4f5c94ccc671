/**
 * `cop check --format sarif`: a SARIF 2.1.0 log (one run) for code-scanning services such as
 * GitHub code scanning. Artifact URIs are relative to the `ROOT` base id, which
 * `originalUriBaseIds` maps to the report's root (the repository's top level, else the data root) as a `file:` URI.
 */
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Diagnostic, Severity, SuppressedDiagnostic } from '../../model/diagnostic.js';
import type { DiagnosticsRenderer, RuleDescriptor } from '../diagnostics-format.js';
import { fullMessage, sortDiagnostics, TOOL_NAME } from './shared.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where a SARIF viewer sends people who want to know about the tool. */
export const COP_INFORMATION_URI = 'https://www.npmjs.com/package/cops-as-code';

type SarifLevel = 'error' | 'warning';

/** The SARIF 2.1.0 log `cop` writes (types from @types/sarif). */
export type SarifLog = Log;

const level = (severity: Severity): SarifLevel => (severity === 'error' ? 'error' : 'warning');

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function relativeUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** The report's root as a `file:` URI ending in `/`, so relative artifact URIs resolve under it. */
function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function ruleFromDescriptor(rule: RuleDescriptor): ReportingDescriptor {
  const docs = rule.docs ?? COP_INFORMATION_URI;
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    helpUri: docs,
    help: { text: `${rule.description} Examples, options and how to suppress: ${docs}`, markdown: `${rule.description}\n\n[Examples, options and how to suppress](${docs})` },
    defaultConfiguration: { level: level(rule.defaultSeverity) },
  };
}

/** A rule entry for a finding whose id no rule descriptor covers (core ids such as `schema`). */
function ruleFromFinding(d: Diagnostic): ReportingDescriptor {
  return ruleFromDescriptor({ id: d.ruleId, description: `cop check "${d.ruleId}".`, defaultSeverity: d.severity });
}

export const sarif: DiagnosticsRenderer = (report) => {
  const findings = sortDiagnostics<Diagnostic | SuppressedDiagnostic>([...report.diagnostics, ...(report.suppressed ?? [])]);

  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (rule: ReportingDescriptor): void => {
    if (ruleIndex.has(rule.id)) return;
    ruleIndex.set(rule.id, rules.length);
    rules.push(rule);
  };
  for (const rule of report.rules) addRule(ruleFromDescriptor(rule));
  for (const d of findings) addRule(ruleFromFinding(d));

  const results = findings.map((d): Result => ({
    ruleId: d.ruleId,
    ruleIndex: ruleIndex.get(d.ruleId) ?? -1,
    level: level(d.severity),
    message: { text: fullMessage(d) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(d.file), uriBaseId: 'ROOT' },
          region: {
            startLine: d.start.line,
            startColumn: d.start.column,
            ...(d.end ? { endLine: d.end.line, endColumn: d.end.column } : {}),
          },
        },
      },
    ],
    // A finding an inline comment suppressed stays in the log, marked, with the comment's reason.
    ...('suppression' in d ? { suppressions: [{ kind: 'inSource' as const, justification: d.suppression.justification }] } : {}),
  }));

  const log: SarifLog = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: TOOL_NAME, version: report.toolVersion, informationUri: COP_INFORMATION_URI, rules },
        },
        originalUriBaseIds: { ROOT: { uri: rootUri(report.root) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
