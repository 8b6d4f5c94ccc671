import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedValidator, SCHEMA_KINDS, type SchemaKind } from '../../src/schema/validator.js';
import { classifyDataPath } from '../../src/workspace/discover.js';
import { parseDataFile } from '../../src/workspace/parse.js';
import { REPO_ROOT } from '../helpers/cli.js';

const SCHEMAS_DIR = join(REPO_ROOT, 'schemas');
const schemaFiles = readdirSync(SCHEMAS_DIR).filter((name) => name.endsWith('.schema.json')).sort();
const load = (name: string) => JSON.parse(readFileSync(join(SCHEMAS_DIR, name), 'utf8')) as Record<string, unknown>;
/** Schemas of command output, which may refer into any schema file; the data schemas keep to common.schema.json. */
const OUTPUT_SCHEMAS = new Set(['report.schema.json', 'review-draft.schema.json']);

/** What `file#/json/pointer` (or `#/json/pointer`, in `from`) points at; undefined when nothing. */
function resolvesTo(from: string, ref: string): unknown {
  const [file, pointer] = ref.split('#') as [string, string | undefined];
  if (!schemaFiles.includes(file || from) || pointer === undefined) return undefined;
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, token) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined), load(file || from));
}

type Json = unknown;
interface Problem {
  where: string;
  problem: string;
}

/** Every sub-schema object with `properties`, with its JSON pointer. */
function* objectsWithProperties(node: Json, pointer = ''): Generator<[string, Record<string, Json>]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* objectsWithProperties(item, `${pointer}/${i}`);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, Json>;
  if (record.properties && typeof record.properties === 'object' && !Array.isArray(record.properties)) yield [pointer, record];
  // `if`/`then`/`else` only restate properties of the object they sit in: they cannot be closed.
  for (const [key, value] of Object.entries(record)) if (!CONDITIONAL.has(key)) yield* objectsWithProperties(value, `${pointer}/${key}`);
}
const CONDITIONAL = new Set(['if', 'then', 'else']);

/** What the issue asks of a schema: a description on every property and $defs entry, closed objects. */
function schemaProblems(schema: Record<string, Json>): Problem[] {
  const problems: Problem[] = [];
  for (const [pointer, object] of objectsWithProperties(schema)) {
    if (object.additionalProperties !== false) problems.push({ where: pointer || '/', problem: 'additionalProperties is not false' });
    for (const [name, property] of Object.entries(object.properties as Record<string, Json>)) {
      const description = (property as Record<string, Json>).description;
      if (typeof description !== 'string' || description.trim() === '') problems.push({ where: `${pointer}/properties/${name}`, problem: 'no description' });
    }
  }
  for (const [name, def] of Object.entries((schema.$defs ?? {}) as Record<string, Record<string, Json>>)) {
    if (typeof def.description !== 'string') problems.push({ where: `/$defs/${name}`, problem: 'no description' });
  }
  return problems;
}

describe('schemas/', () => {
  it('holds the six data schemas, the shared definitions and the report and review-draft output schemas', () => {
    expect(schemaFiles).toEqual(['charter.schema.json', 'common.schema.json', 'config.schema.json', 'meeting.schema.json', 'output.schema.json', 'people.schema.json', 'report.schema.json', 'review-draft.schema.json', 'review.schema.json']);
  });

  it('the checker itself finds a missing description and an open object', () => {
    const bad = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'object', additionalProperties: false, properties: { c: { type: 'string', description: 'C.' } } } } };
    expect(schemaProblems(bad)).toEqual([
      { where: '/', problem: 'additionalProperties is not false' },
      { where: '/properties/a', problem: 'no description' },
      { where: '/properties/b', problem: 'no description' },
    ]);
  });

  for (const name of schemaFiles) {
    describe(name, () => {
      const schema = load(name);

      it('is draft 2020-12 with an $id named after its file, a title and a description', () => {
        expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
        expect(schema.$id).toBe(`https://unpkg.com/cops-as-code/schemas/${name}`);
        expect(typeof schema.title).toBe('string');
        expect(typeof schema.description).toBe('string');
      });

      it('describes every property and closes every object that lists properties', () => {
        expect(schemaProblems(schema)).toEqual([]);
      });

      it('refers to other schemas only through common.schema.json definitions (or its own) that exist', () => {
        const common = load('common.schema.json').$defs as Record<string, unknown>;
        const own = (schema.$defs ?? {}) as Record<string, unknown>;
        const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
        for (const ref of refs) {
          // The output schemas build on the others: review-draft.schema.json embeds report.schema.json's objects.
          if (OUTPUT_SCHEMAS.has(name) && !ref.startsWith('common.schema.json#')) {
            expect(resolvesTo(name, ref), ref).toBeDefined();
            continue;
          }
          const match = /^(common\.schema\.json)?#\/\$defs\/(\w+)$/.exec(ref);
          expect(match, ref).not.toBeNull();
          expect((match![1] ? common : own)[match![2]!], ref).toBeDefined();
        }
      });
    });
  }

  it('compile in strict mode into the standalone validators the build generated, which are not stale', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-validators.mjs'), '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

/** The bundled example organisation at the repository root. */
function exampleFiles(): { file: string; kind: SchemaKind }[] {
  const files: { file: string; kind: SchemaKind }[] = [
    { file: 'cop.config.yaml', kind: 'config' },
    { file: 'people.yaml', kind: 'people' },
  ];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(REPO_ROOT, dir)).sort()) {
      const rel = `${dir}/${name}`;
      if (statSync(join(REPO_ROOT, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.yaml')) files.push({ file: rel, kind: classifyDataPath(rel)!.kind });
    }
  };
  walk('cops');
  return files;
}

const SCHEMA_LINE = /^# yaml-language-server: \$schema=(\S+)\n/;

describe('the example organisation', () => {
  const files = exampleFiles();
  const validate = sharedValidator();

  it('has at least 5 charters and 30 people', () => {
    expect(files.filter((f) => f.kind === 'charter').length).toBeGreaterThanOrEqual(5);
    const people = parseDataFile({ file: 'people.yaml', kind: 'people' }, readFileSync(join(REPO_ROOT, 'people.yaml'), 'utf8'), validate);
    expect((people.data as { people: unknown[] }).people.length).toBeGreaterThanOrEqual(30);
  });

  it('every YAML file starts with a yaml-language-server line naming the existing schema of its kind', () => {
    const wrong: string[] = [];
    for (const { file, kind } of files) {
      const text = readFileSync(join(REPO_ROOT, file), 'utf8');
      const match = SCHEMA_LINE.exec(text);
      if (!match) {
        wrong.push(`${file}: no $schema line`);
        continue;
      }
      const target = resolve(dirname(join(REPO_ROOT, file)), match[1]!);
      if (!existsSync(target)) wrong.push(`${file}: ${match[1]} does not exist`);
      else if (relative(SCHEMAS_DIR, target) !== `${kind}.schema.json`) wrong.push(`${file}: points at ${match[1]}, not the ${kind} schema`);
    }
    expect(wrong).toEqual([]);
    expect(files.length).toBeGreaterThan(50);
  });

  it('every YAML file is valid against its schema', () => {
    const findings = files.flatMap(({ file, kind }) => parseDataFile({ file, kind }, readFileSync(join(REPO_ROOT, file), 'utf8'), validate).diagnostics);
    expect(findings).toEqual([]);
  });

  it('covers every schema kind', () => {
    expect(new Set(files.map((f) => f.kind))).toEqual(new Set(SCHEMA_KINDS));
  });
});
