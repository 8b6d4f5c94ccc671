/**
 * Compiles the JSON Schemas in schemas/ once and validates parsed files against them.
 * The schemas ship with the package, so they are read from disk next to dist/.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { schemaIssueMessage, type SchemaIssue } from './messages.js';

export type SchemaKind = 'charter' | 'meeting' | 'people' | 'config';
export const SCHEMA_KINDS: readonly SchemaKind[] = ['charter', 'meeting', 'people', 'config'];

const schemasDir = new URL('../../schemas/', import.meta.url);

// ajv-formats is CommonJS: under Node's ESM loader its default export is the plugin itself,
// while its typings describe the CommonJS module object. Accept both.
const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ??
  addFormatsPlugin) as (ajv: Ajv2020, formats: string[]) => void;

export function readSchema(name: SchemaKind | 'common'): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.schema.json`, schemasDir), 'utf8')) as Record<string, unknown>;
}

export type Validate = (kind: SchemaKind, data: unknown) => SchemaIssue[];

let shared: Validate | undefined;

/** One validator per thread: compiling the schemas is the slow part, so every caller shares it. */
export function sharedValidator(): Validate {
  shared ??= createValidator();
  return shared;
}

export function createValidator(): Validate {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  addFormats(ajv, ['date', 'uri']);
  ajv.addSchema(readSchema('common'));
  const compiled = new Map<SchemaKind, ValidateFunction>();
  for (const kind of SCHEMA_KINDS) compiled.set(kind, ajv.compile(readSchema(kind)));
  return (kind, data) => {
    const validate = compiled.get(kind)!;
    if (validate(data)) return [];
    return toIssues(validate.errors ?? []);
  };
}

// Several keywords may fail on one value (a date failing both `pattern` and `format`): keep the
// clearest one per location.
const KEYWORD_PRIORITY = ['type', 'required', 'additionalProperties', 'enum', 'format', 'pattern'];
const priority = (keyword: string): number => {
  const i = KEYWORD_PRIORITY.indexOf(keyword);
  return i === -1 ? KEYWORD_PRIORITY.length : i;
};

function toIssues(errors: readonly ErrorObject[]): SchemaIssue[] {
  const best = new Map<string, ErrorObject>();
  for (const error of errors) {
    // An `if`/`then` failure is reported through the `then` keyword's own errors.
    if (error.keyword === 'if') continue;
    const params = error.params as Record<string, unknown>;
    // `required` and `additionalProperties` speak of a field inside the value: one finding per field.
    const key =
      error.keyword === 'required'
        ? `${error.instancePath}/+${String(params.missingProperty)}`
        : error.keyword === 'additionalProperties'
          ? `${error.instancePath}/-${String(params.additionalProperty)}`
          : error.instancePath;
    const current = best.get(key);
    if (!current || priority(error.keyword) < priority(current.keyword)) best.set(key, error);
  }
  return [...best.values()].map(schemaIssueMessage);
}
