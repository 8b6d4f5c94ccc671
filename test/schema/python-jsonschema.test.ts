/**
 * python-jsonschema, an implementation cop does not use, agrees with `cop check`'s validators on
 * the data schemas: on every file of the bundled organisation and on documents each schema must
 * reject (outputs most of all, the newest). Skipped where python3 with jsonschema is missing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sharedValidator, type SchemaKind } from '../../src/schema/validator.js';
import { classifyDataPath } from '../../src/workspace/discover.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { hasJsonschema, pythonVerdicts } from '../helpers/python-jsonschema.js';
import { output } from '../helpers/workspace.js';


interface Case {
  name: string;
  kind: SchemaKind;
  data: unknown;
}

function exampleCases(): Case[] {
  const cases: Case[] = [
    { name: 'cop.config.yaml', kind: 'config', data: parse(readFileSync(join(REPO_ROOT, 'cop.config.yaml'), 'utf8')) },
    { name: 'people.yaml', kind: 'people', data: parse(readFileSync(join(REPO_ROOT, 'people.yaml'), 'utf8')) },
  ];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(REPO_ROOT, dir)).sort()) {
      const rel = `${dir}/${name}`;
      if (statSync(join(REPO_ROOT, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.yaml')) cases.push({ name: rel, kind: classifyDataPath(rel)!.kind, data: parse(readFileSync(join(REPO_ROOT, rel), 'utf8')) });
    }
  };
  walk('cops');
  return cases;
}

const talk = output('2026-10-02', { kind: 'talk', audience: 'public', url: 'https://talks.example.com/x', hours: [{ person: 'p1', hours: 3 }] });
const invalidOutputs: Case[] = [
  { name: 'an unknown kind', kind: 'output', data: { ...talk, kind: 'blog' } },
  { name: 'an unknown audience', kind: 'output', data: { ...talk, audience: 'everyone' } },
  { name: 'no authors', kind: 'output', data: { ...talk, authors: [] } },
  { name: 'a missing title', kind: 'output', data: { ...talk, title: undefined } },
  { name: 'an unknown field', kind: 'output', data: { ...talk, reviewers: ['p2'] } },
  { name: 'hours as text', kind: 'output', data: { ...talk, hours: [{ person: 'p1', hours: 'three' }] } },
  { name: 'hours past the cap', kind: 'output', data: { ...talk, hours: [{ person: 'p1', hours: 1e9 }] } },
  { name: 'a hand-off without a status', kind: 'output', data: { ...talk, handoff: { to: 'training' } } },
  { name: 'a hand-off with an unknown status', kind: 'output', data: { ...talk, handoff: { to: 'training', status: 'maybe' } } },
  { name: 'a decided date that is not a date', kind: 'output', data: { ...talk, handoff: { to: 'training', status: 'accepted', decided: '2026-02-30' } } },
  { name: 'a cost without an amount', kind: 'output', data: { ...talk, costs: [{ category: 'travel' }] } },
  { name: 'a cost in an unknown category', kind: 'output', data: { ...talk, costs: [{ category: 'beer', amount: 5 }] } },
  { name: 'a date in another format', kind: 'output', data: { ...talk, date: '02/10/2026' } },
  { name: 'a meeting that is not a date', kind: 'output', data: { ...talk, meeting: 'last week' } },
  { name: 'a circle without a name', kind: 'config', data: { circles: [{ id: 'sales' }] } },
  { name: 'a circle id that is not a slug', kind: 'config', data: { circles: [{ id: 'Sales Team', name: 'Sales' }] } },
];
const validOutputs: Case[] = [
  { name: 'a talk', kind: 'output', data: talk },
  { name: 'a hand-off with costs', kind: 'output', data: { ...talk, handoff: { to: 'training', status: 'done', decided: '2026-10-20' }, costs: [{ category: 'travel', amount: 12.5, description: 'Train' }] } },
  { name: 'circles of its own', kind: 'config', data: { circles: [{ id: 'sales', name: 'Sales' }] } },
];

describe.skipIf(!hasJsonschema)('python-jsonschema and cop check', () => {
  const copSays = (c: Case) => sharedValidator()(c.kind, JSON.parse(JSON.stringify(c.data))).length === 0;

  it('agree that every file of the bundled organisation is valid, outputs included', () => {
    const cases = exampleCases();
    expect(cases.some((c) => c.kind === 'output')).toBe(true);
    const python = pythonVerdicts(cases);
    expect(cases.filter((c, i) => !python[i] || !copSays(c)).map((c) => c.name)).toEqual([]);
  });

  it('agree on what the output and config schemas accept and reject', () => {
    const cases = [...validOutputs, ...invalidOutputs];
    const python = pythonVerdicts(cases);
    expect(cases.map((c, i) => `${c.name}: python ${python[i]}, cop ${copSays(c)}`)).toEqual(cases.map((c) => `${c.name}: python ${validOutputs.includes(c)}, cop ${validOutputs.includes(c)}`));
  });
});
