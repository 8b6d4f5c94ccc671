/**
 * python-jsonschema, a JSON Schema 2020-12 implementation cop does not use, as a second opinion on
 * cop's validators: each document judged by the schema of its kind under schemas/, with every
 * schema registered so `$ref`s between them resolve. Tests skip where python3 lacks jsonschema.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SchemaKind } from '../../src/schema/validator.js';
import { REPO_ROOT } from './cli.js';

export const hasJsonschema = spawnSync('python3', ['-c', 'import jsonschema, referencing'], { encoding: 'utf8' }).status === 0;

const PYTHON = `
import json, sys, pathlib
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
schemas = {p.name.split('.')[0]: json.loads(p.read_text()) for p in pathlib.Path(sys.argv[1]).glob('*.schema.json')}
registry = Registry().with_resources((s['$id'], Resource.from_contents(s)) for s in schemas.values())
validators = {k: Draft202012Validator(s, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER) for k, s in schemas.items()}
print(json.dumps([validators[c['kind']].is_valid(c['data']) for c in json.load(sys.stdin)]))
`;

/** Whether python-jsonschema finds each document valid against the schema of its kind. */
export function pythonVerdicts(cases: readonly { kind: SchemaKind; data: unknown }[]): boolean[] {
  const input = JSON.stringify(cases.map(({ kind, data }) => ({ kind, data: JSON.parse(JSON.stringify(data)) as unknown })));
  const result = spawnSync('python3', ['-c', PYTHON, join(REPO_ROOT, 'schemas')], { input, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as boolean[];
}
