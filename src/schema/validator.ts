/**
 * Validates parsed files against the JSON Schemas in schemas/. The schemas are compiled at build
 * time into standalone validators (scripts/build-validators.mjs), so nothing compiles at start-up.
 * The schema files themselves ship with the package too, for editors and for readSchema().
 */
import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv/dist/2020.js';
import * as generated from './generated/validators.js';
import { schemaIssueMessage, type SchemaIssue } from './messages.js';

export { SCHEMAS_DIGEST } from './generated/validators.js';

export type SchemaKind = 'charter' | 'meeting' | 'output' | 'people' | 'config' | 'review';
export const SCHEMA_KINDS: readonly SchemaKind[] = ['charter', 'meeting', 'output', 'people', 'config', 'review'];

const schemasDir = new URL('../../schemas/', import.meta.url);

export function readSchema(name: SchemaKind | 'common'): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.schema.json`, schemasDir), 'utf8')) as Record<string, unknown>;
}

export type Validate = (kind: SchemaKind, data: unknown) => SchemaIssue[];

/** A generated validate function: true when valid, else its `errors` say why. */
type CompiledValidate = { (data: unknown): boolean; errors?: ErrorObject[] | null };
const compiled = generated as unknown as Record<SchemaKind, CompiledValidate>;

const validate: Validate = (kind, data) => {
  const check = compiled[kind];
  if (check(data)) return [];
  return toIssues(check.errors ?? []);
};

/** The validator: stateless (each call reads its result before the next), so every caller shares it. */
export function sharedValidator(): Validate {
  return validate;
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

/** The same validator under its former name (nothing is compiled any more, so there is nothing to create). */
export const createValidator = sharedValidator;
