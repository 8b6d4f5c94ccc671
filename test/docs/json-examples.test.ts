import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { comparedPaths, docExamples, keyPaths } from './json-example.js';

/** The command's JSON on the bundled organisation. */
function realJson(args: string[]): unknown {
  const result = runCli([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as unknown;
}

describe('the JSON examples in docs/commands document every field the commands print', () => {
  it('report.md: `cop report --format json --as-of 2026-11-20 --year 2026`', () => {
    const [example, ...more] = docExamples('report.md');
    expect(more).toEqual([]);
    const { documented, real } = comparedPaths(example!.value, realJson(['report', '--as-of', '2026-11-20', '--year', '2026']));
    expect(documented).toEqual(real);
    expect(real).toContain('cops[].yearEnd.preparation.runsOut');
  });

  it('report.md lists every attention kind the schema allows', () => {
    const [example] = docExamples('report.md');
    const listed = /`attention\[\]\.kind` is one of ((?:`[a-z-]+`(?:,\s+)?)+);/.exec(example!.markdown);
    expect(listed).not.toBeNull();
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'report.schema.json'), 'utf8')) as { $defs: { attention: { properties: { kind: { enum: string[] } } } } };
    expect([...listed![1]!.matchAll(/`([a-z-]+)`/g)].map((m) => m[1])).toEqual(schema.$defs.attention.properties.kind.enum);
  });

  it('health.md: `cop health --format json --as-of 2026-11-20` (a cancelled meeting in the evidence) and a month later (warnings)', () => {
    const [example, ...more] = docExamples('health.md');
    expect(more).toEqual([]);
    const outputs = ['2026-11-20', '2026-12-20'].map((asOf) => realJson(['health', '--as-of', asOf]));
    const { documented, real } = comparedPaths(example!.value, ...outputs);
    expect(documented).toEqual(real);
    expect(real).toEqual(expect.arrayContaining(['cops[].triggers[].evidence.months[].meetings[].reason', 'cops[].triggers[].evidence.cancelled.of']));
  });

  it('review.md: `cop review aws` and `cop review --org --year 2026`, the embedded report and health entries documented on their pages', () => {
    const [cop, org, ...more] = docExamples('review.md', ['CopReport', 'CopHealth', 'OrganisationReport']);
    expect(more).toEqual([]);
    const asOf = ['--as-of', '2026-11-20'];
    const copPaths = comparedPaths(cop!.value, realJson(['review', 'aws', ...asOf]));
    expect(copPaths.documented).toEqual(copPaths.real);
    expect(copPaths.real).toEqual(expect.arrayContaining(['budget', 'health', 'goals[].servedBy', 'coordinator.current']));
    const orgPaths = comparedPaths(org!.value, realJson(['review', '--org', '--year', '2026', ...asOf]));
    expect(orgPaths.documented).toEqual(orgPaths.real);
    expect(orgPaths.real).toEqual(expect.arrayContaining(['cops[].budget', 'flags[].decision.decidedBy', 'lifecycle.dissolved[].triggersMet']));
  });
});

describe('reading an example', () => {
  it('merges array items into one path and keeps maps (keyed by data) whole', () => {
    const value = {
      a: 1,
      money: { total: 1, byCategory: { licence: 2 } },
      list: [{ b: { c: 1 } }, { d: null }],
    };
    expect([...keyPaths(value).paths].sort()).toEqual(['a', 'list', 'list[].b', 'list[].b.c', 'list[].d', 'money', 'money.byCategory', 'money.total']);
  });

  it('tells a missing field apart: a real output with one more field does not compare equal', () => {
    const [example] = docExamples('health.md');
    const real = JSON.parse(JSON.stringify(example!.value)) as { cops: Record<string, unknown>[] };
    real.cops[0]!.extra = true;
    const { documented, real: paths } = comparedPaths(example!.value, real);
    expect(paths.filter((p) => !documented.includes(p))).toEqual(['cops[].extra']);
  });
});
