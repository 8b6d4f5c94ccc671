#!/usr/bin/env node
// What a user gets from a plain JSON Schema validator such as ajv-cli on the same files, done the
// way ajv-cli does it: one thread, js-yaml to read each file, ajv (draft 2020-12, formats) to
// validate it. No positions, no cross-file rules. js-yaml reads with its CORE schema, so dates stay
// strings (ajv-cli's default schema turns them into Dates, which is why it needs a patch here).
//
// Usage: node scripts/bench/schema-only.mjs <root>
// Prints the number of files and of errors; exits 1 when there are errors.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { startRun } from './baseline.mjs';

const { root, started, validate, files } = startRun(process.argv.slice(2), 'schema-only.mjs <root>');
let errors = 0;
for (const [rel, schema] of files) {
  let data;
  try {
    data = yaml.load(readFileSync(path.join(root, rel), 'utf8'), { schema: yaml.CORE_SCHEMA });
  } catch {
    errors++;
    continue;
  }
  if (!validate[schema](data)) errors += validate[schema].errors.length;
}
console.log(`${files.length} files, ${errors} errors (${((performance.now() - started) / 1000).toFixed(2)} s)`);
process.exitCode = errors ? 1 : 0;
