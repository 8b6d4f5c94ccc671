/**
 * The static JSON API (api/v1/, src/site/api.ts): every file valid against its schema in
 * schemas/api/ (ajv, strict), the report and health files byte for byte what those commands print,
 * `cop export` writing the same files alone, the pages showing what the API says, and an
 * anonymised API naming nobody.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_ROOT } from '../../src/site/api.js';
import { renderSite } from '../../src/site/render.js';
import { buildSite } from '../../src/site/site.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { bundledWorkspace } from '../helpers/org-copy.js';
import { htmlText } from '../helpers/html.js';
import { runInProcess } from '../helpers/in-process.js';

const AS_OF = '2026-12-05';
const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ?? addFormatsPlugin) as (ajv: Ajv2020, formats: string[]) => void;
const schemaText = (path: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', path), 'utf8')) as { $id: string };

/** The schema each API file is described by. */
function schemaOf(path: string): string {
  const file = path.slice(API_ROOT.length + 1);
  if (file.startsWith('cops/')) return 'cop';
  if (file.startsWith('report/')) return 'report';
  return file.replace(/\.json$/, '');
}

function validators() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv, ['date']);
  ajv.addSchema(schemaText('report.schema.json'));
  const names = readdirSync(join(REPO_ROOT, 'schemas/api')).map((f) => f.replace('.schema.json', ''));
  for (const name of names) ajv.addSchema(schemaText(`api/${name}.schema.json`));
  return (name: string) => ajv.getSchema(schemaText(`api/${name}.schema.json`).$id)!;
}

const apiOf = (files: Map<string, string>) => new Map([...files].filter(([path]) => path.startsWith(`${API_ROOT}/`)));

let bundled: Workspace;
beforeAll(async () => {
  bundled = await bundledWorkspace(AS_OF);
});

describe('the JSON API of the bundled organisation', () => {
  it('has a schema for every file, and every file, named and anonymised, is valid against it', () => {
    const validator = validators();
    expect(readdirSync(join(REPO_ROOT, 'schemas/api')).sort()).toEqual(['calendar', 'cop', 'cops', 'health', 'index', 'report'].map((n) => `${n}.schema.json`));
    for (const anonymise of [false, true]) {
      const api = apiOf(renderSite(buildSite(bundled, { asOf: AS_OF, anonymise })));
      expect(api.size).toBeGreaterThan(10);
      for (const [path, text] of api) {
        const validate = validator(schemaOf(path));
        expect(validate(JSON.parse(text)), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
  });

  it('rejects a file that strays from its schema (the check can fail)', () => {
    const validate = validators()('cop');
    const aws = JSON.parse(renderSite(buildSite(bundled, { asOf: AS_OF })).get(`${API_ROOT}/cops/aws.json`)!) as Record<string, unknown>;
    expect(validate(aws)).toBe(true);
    expect(validate({ ...aws, log: undefined })).toBe(false);
    expect(validate({ ...aws, surprise: 1 })).toBe(false);
    expect(validate({ ...aws, months: [{ month: '2026-13' }] })).toBe(false);
  });

  it('links from index.json to every file it holds', () => {
    const api = apiOf(renderSite(buildSite(bundled, { asOf: AS_OF })));
    const index = JSON.parse(api.get(`${API_ROOT}/index.json`)!) as { schema_version: number; asOf: string; links: { cops: string; cop: string[]; reports: string[]; health: string; calendar: string } };
    expect(index).toMatchObject({ schema_version: 1, asOf: AS_OF });
    const { cops, cop, reports, health, calendar } = index.links;
    const linked = [cops, ...cop, ...reports, health, calendar].map((link) => `${API_ROOT}/${link}`).sort();
    expect(linked).toEqual([...api.keys()].filter((path) => path !== `${API_ROOT}/index.json`).sort());
    expect(reports).toContain('report/2026.json');
  });

  it("holds byte for byte what cop report --year and cop health print for the same as-of date", async () => {
    const api = apiOf(renderSite(buildSite(bundled, { asOf: AS_OF })));
    for (const year of ['2025', '2026']) {
      const report = await runInProcess(['report', '--year', year, '--format', 'json', '--as-of', AS_OF], REPO_ROOT);
      expect(api.get(`${API_ROOT}/report/${year}.json`), year).toBe(report.stdout);
    }
    const health = await runInProcess(['health', '--format', 'json', '--as-of', AS_OF], REPO_ROOT);
    expect(api.get(`${API_ROOT}/health.json`)).toBe(health.stdout);
  });

  it('says on the pages what it says in the JSON: the next meeting, the budget pace', () => {
    const files = renderSite(buildSite(bundled, { asOf: AS_OF }));
    const aws = JSON.parse(files.get(`${API_ROOT}/cops/aws.json`)!) as { nextMeeting: { text: string } | null; memberCount: number; health: { level: string } };
    expect(aws.nextMeeting).not.toBeNull();
    expect(htmlText(files.get('cops/aws.html')!)).toContain(aws.nextMeeting!.text);
    const calendar = JSON.parse(files.get(`${API_ROOT}/calendar.json`)!) as { meetings: { cop: string; date: string; calendar: string }[] };
    const first = calendar.meetings.find((m) => m.cop === 'aws')!;
    expect(aws.nextMeeting!.text).toContain(String(Number(first.date.slice(8, 10))));
    expect(files.has(first.calendar)).toBe(true);
    const report = JSON.parse(files.get(`${API_ROOT}/report/2026.json`)!) as { organisation: { monthsElapsed: number } };
    expect(htmlText(files.get('budget.html')!)).toContain(`the share for ${report.organisation.monthsElapsed} months`);
  });

  it('anonymised, names no person (id, name or GitHub handle) in any file under api/', () => {
    const api = apiOf(renderSite(buildSite(bundled, { asOf: AS_OF, anonymise: true })));
    const text = [...api.values()].join('\n').toLowerCase();
    const everyone = bundled.people!.data;
    expect(everyone.length).toBeGreaterThan(20);
    for (const p of everyone) {
      expect(text, p.id).not.toContain(p.id.toLowerCase());
      expect(text, p.name).not.toContain(p.name.toLowerCase());
      if (p.github) expect(text, p.github).not.toMatch(new RegExp(`(?<![\\w-])${p.github.toLowerCase()}(?![\\w-])`));
    }
    expect(JSON.parse(api.get(`${API_ROOT}/cops/aws.json`)!).memberCount).toBe(12);
  });
});

describe('cop export', () => {
  const listed = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? listed(join(dir, name)) : [join(dir, name)]));

  it('writes the API alone, the same files cop site writes beside the pages, and lists them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cop-export-'));
    const exported = await runInProcess(['export', '--out', join(root, 'api-only'), '--as-of', AS_OF, '--format', 'json'], REPO_ROOT);
    expect(exported.status, exported.stderr).toBe(0);
    const site = await runInProcess(['site', '--out', join(root, 'site'), '--as-of', AS_OF, '--format', 'json'], REPO_ROOT);
    expect(site.status, site.stderr).toBe(0);
    const files = listed(join(root, 'api-only')).map((f) => relative(join(root, 'api-only'), f)).filter((f) => f !== '.cop-site').sort();
    expect(files.every((f) => f.startsWith(`${API_ROOT}/`))).toBe(true);
    expect(JSON.parse(exported.stdout)).toMatchObject({ files, api: files });
    expect(JSON.parse(site.stdout).api).toEqual(files);
    for (const file of files) expect(readFileSync(join(root, 'api-only', file), 'utf8'), file).toBe(readFileSync(join(root, 'site', file), 'utf8'));
  });

  it('needs --out, and says so without a stack trace', async () => {
    const result = await runInProcess(['export'], REPO_ROOT);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--out/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
