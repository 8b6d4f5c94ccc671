/**
 * The SARIF output is validated against the SARIF 2.1.0 JSON schema vendored at
 * test/render/fixtures/sarif-schema-2.1.0.json. That file is copied byte for byte from the npm
 * package @microsoft/sarif-multitool-linux@5.7.0 (Microsoft's SARIF SDK, MIT; path
 * `package/sarif-2.1.0.json` in the tarball; sha256 of the file
 * 1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c). The SDK's copy declares
 * JSON Schema 2020-12, hence Ajv2020.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { ReportingDescriptor, Result } from 'sarif';
import { sarif, type SarifLog } from '../../../src/render/diagnostics/sarif.js';
import { CORE_CHECKS } from '../../../src/rules/core.js';
import { ruleDocsUrl } from '../../../src/rules/docs.js';
import { CONFIGURABLE_CHECKS } from '../../../src/rules/index.js';
import { runCli } from '../../helpers/cli.js';
import { ANSI, makeCleanReport, makeReport, suppressedFinding, TRICKY_MESSAGE } from './fixture.js';

// ajv-formats is CommonJS: under Node's ESM loader its default export may be the plugin itself.
const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ?? addFormatsPlugin) as (
  ajv: Ajv2020,
) => void;

const schema = JSON.parse(
  readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** What the tests read of a log cop wrote: @types/sarif makes nearly everything optional. */
interface WrittenRun {
  tool: { driver: { name: string; version: string; informationUri: string; rules: ReportingDescriptor[] } };
  originalUriBaseIds: { ROOT: { uri: string } };
  results: (Result & { ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] })[];
}
type WrittenLog = SarifLog & { $schema: string; runs: [WrittenRun] };

function expectValid(text: string): WrittenLog {
  const log = JSON.parse(text) as WrittenLog;
  const ok = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  return log;
}

describe('sarif format', () => {
  it('is valid SARIF 2.1.0 with findings and when clean', () => {
    expectValid(sarif(makeReport()));
    const clean = expectValid(sarif(makeCleanReport()));
    expect(clean.runs[0].results).toEqual([]);
  });

  it('the schema really rejects broken logs', () => {
    const log = JSON.parse(sarif(makeReport())) as WrittenLog;
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const badLevel = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
    badLevel.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(badLevel)).toBe(false);
  });

  it('describes the tool, its rules, and the root', () => {
    const log = expectValid(sarif(makeReport({ color: true })));
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run.tool.driver.name).toBe('cop');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.tool.driver.rules.map((r) => [r.id, r.shortDescription?.text, r.defaultConfiguration?.level])).toEqual([
      ['person-exists', 'Every person named in a file is listed in people.yaml', 'error'],
      ['budget-within-limit', 'Spending stays within the charter budget', 'warning'],
      ['unused-rule', 'A rule that ran and found nothing', 'error'],
      // A core id that no rule descriptor covers gets an entry from its finding.
      ['schema', expect.stringContaining('schema'), 'error'],
    ]);
    // Every rule links its page (or, without one, the tool's): GitHub code scanning shows it.
    expect(run.tool.driver.rules[0]).toMatchObject({
      helpUri: 'https://docs.example.com/rules/person-exists.md',
      fullDescription: { text: 'Every person named in a file is listed in people.yaml' },
      help: { markdown: expect.stringContaining('(https://docs.example.com/rules/person-exists.md)') },
    });
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\//);
    expect(run.originalUriBaseIds.ROOT.uri).toBe('file:///home/ci/work/cop%20data/');
  });

  it('reports each finding with its rule index, level, message and region', () => {
    const [run] = expectValid(sarif(makeReport())).runs;
    expect(run.results).toEqual([
      {
        ruleId: 'person-exists',
        ruleIndex: 0,
        level: 'error',
        message: { text: 'Lead "jdoe" is not in people.yaml' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'cops/aws/charter.yaml', uriBaseId: 'ROOT' },
              region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 },
            },
          },
        ],
      },
      {
        ruleId: 'budget-within-limit',
        ruleIndex: 1,
        level: 'warning',
        message: { text: TRICKY_MESSAGE },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'cops/aws/charter.yaml', uriBaseId: 'ROOT' },
              region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 17 },
            },
          },
        ],
      },
      {
        ruleId: 'schema',
        ruleIndex: 3,
        level: 'error',
        message: { text: "must have required property 'date'" },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'cops/data/meetings/2024-01-01.yaml', uriBaseId: 'ROOT' },
              region: { startLine: 1, startColumn: 1 },
            },
          },
        ],
      },
    ]);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  it('percent-encodes artifact URIs and keeps them relative', () => {
    const [finding] = makeReport().diagnostics;
    const log = expectValid(sarif(makeReport({ diagnostics: [{ ...finding!, file: 'cops/my cop/100%.yaml' }] })));
    const { uri } = log.runs[0].results[0]!.locations[0]!.physicalLocation.artifactLocation;
    expect(uri).toBe('cops/my%20cop/100%25.yaml');
  });

  it('keeps a suppressed finding as a result with an inSource suppression and its justification', () => {
    const log = expectValid(sarif(makeReport({ suppressed: [suppressedFinding] })));
    const results = log.runs[0].results.filter((r) => r.suppressions);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ruleId: 'person-exists', suppressions: [{ kind: 'inSource', justification: 'pilot approved by the CTO' }] });
    expect(log.runs[0].results.filter((r) => !r.suppressions)).toHaveLength(3);
  });

  it('with the rules cop ships, every rule links its own documentation page', () => {
    const shipped = [...CORE_CHECKS, ...CONFIGURABLE_CHECKS];
    const [run] = expectValid(sarif(makeReport({ rules: shipped, suppressed: [suppressedFinding] }))).runs;
    const described = run.tool.driver.rules.filter((rule) => shipped.some((meta) => meta.id === rule.id));
    expect(described.map((rule) => rule.id)).toEqual(shipped.map((meta) => meta.id));
    for (const rule of described) {
      expect(rule.helpUri, rule.id).toBe(ruleDocsUrl(rule.id));
      expect(rule.help?.markdown, rule.id).toContain(ruleDocsUrl(rule.id));
      expect(rule.fullDescription?.text, rule.id).not.toBe('');
    }
  });

  it('what `cop check --format sarif` prints for the bundled organisation is valid SARIF 2.1.0', () => {
    const result = runCli(['check', '--format', 'sarif', '--as-of', '2026-11-20']);
    expect(result.stderr).toBe('');
    const [run] = expectValid(result.stdout).runs;
    expect(run.tool.driver.rules.length).toBe(CORE_CHECKS.length + CONFIGURABLE_CHECKS.length);
    for (const rule of run.tool.driver.rules) expect(rule.helpUri, rule.id).toBe(ruleDocsUrl(rule.id));
  });

  it('prints no colour', () => {
    expect(sarif(makeReport({ color: true }))).not.toMatch(ANSI);
  });
});
