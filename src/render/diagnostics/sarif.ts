/**
 * `cop check --format sarif`: a SARIF 2.1.0 log (one run) for code-scanning services such as
 * GitHub code scanning. Artifact URIs are relative to the `ROOT` base id, which
 * `originalUriBaseIds` maps to the report's root (the repository's top level, else the data root) as a `file:` URI.
 */
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Severity } from '../../model/diagnostic.js';
import type { DiagnosticsRenderer, RuleDescriptor } from '../diagnostics-format.js';
import { sortDiagnostics, TOOL_NAME } from './shared.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where a SARIF viewer sends people who want to know about the tool. */
export const COP_INFORMATION_URI = 'https://www.npmjs.com/package/cops-as-code';

type SarifLevel = 'error' | 'warning';

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: SarifLevel };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: 'ROOT' };
      region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
    };
  }[];
}

/** The subset of a SARIF 2.1.0 log that `cop` writes. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
      originalUriBaseIds: { ROOT: { uri: string } };
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
    },
  ];
}

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

function ruleFromDescriptor(rule: RuleDescriptor): SarifRule {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    defaultConfiguration: { level: level(rule.defaultSeverity) },
  };
}

/** A rule entry for a finding whose id no rule descriptor covers (core ids such as `schema`). */
function ruleFromFinding(d: Diagnostic): SarifRule {
  return {
    id: d.ruleId,
    shortDescription: { text: `cop core check "${d.ruleId}"` },
    defaultConfiguration: { level: level(d.severity) },
  };
}

export const sarif: DiagnosticsRenderer = (report) => {
  const findings = sortDiagnostics(report.diagnostics);

  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (rule: SarifRule): void => {
    if (ruleIndex.has(rule.id)) return;
    ruleIndex.set(rule.id, rules.length);
    rules.push(rule);
  };
  for (const rule of report.rules) addRule(ruleFromDescriptor(rule));
  for (const d of findings) addRule(ruleFromFinding(d));

  const results = findings.map((d): SarifResult => ({
    ruleId: d.ruleId,
    ruleIndex: ruleIndex.get(d.ruleId) ?? -1,
    level: level(d.severity),
    message: { text: d.message },
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
