#!/usr/bin/env node
// The baseline `cop check` is measured against: the least any checker must do, done plainly.
// On ONE thread: find the data root's files, read each, parse it with `yaml` (YAML 1.2, unique keys)
// and validate it with ajv (draft 2020-12, formats) against the right schema. No semantic lints.
//
// Usage: node scripts/bench/baseline.mjs <root> [--show N]
// Prints the number of files and of errors (YAML + schema); exits 1 when there are errors.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** [relative path, schema] for every file `cop check` reads under `root`. */
export function findFiles(root) {
  const found = [];
  if (existsSync(path.join(root, 'cop.config.yaml'))) found.push(['cop.config.yaml', 'config']);
  if (existsSync(path.join(root, 'people.yaml'))) found.push(['people.yaml', 'people']);
  const copsDir = path.join(root, 'cops');
  if (!existsSync(copsDir)) return found;
  for (const cop of readdirSync(copsDir, { withFileTypes: true })) {
    if (!cop.isDirectory()) continue;
    const dir = path.join(copsDir, cop.name);
    if (existsSync(path.join(dir, 'charter.yaml'))) found.push([`cops/${cop.name}/charter.yaml`, 'charter']);
    const meetings = path.join(dir, 'meetings');
    if (!existsSync(meetings)) continue;
    for (const f of readdirSync(meetings)) if (f.endsWith('.yaml')) found.push([`cops/${cop.name}/meetings/${f}`, 'meeting']);
  }
  return found;
}

/** ajv (draft 2020-12, formats) compiled at run time, as a plain checker would: kind → validate function. */
export function schemaValidators() {
  const schemaDir = fileURLToPath(new URL('../../schemas/', import.meta.url));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const name of ['common', 'charter', 'meeting', 'people', 'config']) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(schemaDir, `${name}.schema.json`), 'utf8')));
  }
  const validator = (name) => ajv.getSchema(`https://unpkg.com/cops-as-code/schemas/${name}.schema.json`);
  return { config: validator('config'), people: validator('people'), charter: validator('charter'), meeting: validator('meeting') };
}

/** The one <root> argument (else usage, exit 2), the start time, the validators and the files to check. */
export function startRun(args, usage) {
  if (args.length !== 1) {
    console.error(`usage: node scripts/bench/${usage}`);
    process.exit(2);
  }
  const root = path.resolve(args[0]);
  const started = performance.now();
  return { root, started, validate: schemaValidators(), files: findFiles(root) };
}

// Imported for startRun by schema-only.mjs: run only when started as a script.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();

function main() {
  const args = process.argv.slice(2);
  const showAt = args.indexOf('--show');
  const show = showAt >= 0 ? Number(args.splice(showAt, 2)[1]) : 10;
  const { root, started, validate, files } = startRun(args, 'baseline.mjs <root> [--show N]');
  let errors = 0;
  const messages = [];
  const report = (file, message) => {
    errors++;
    if (messages.length < show) messages.push(`${file}: ${message}`);
  };
  for (const [rel, schema] of files) {
    const text = readFileSync(path.join(root, rel), 'utf8');
    const doc = parseDocument(text, { version: '1.2', uniqueKeys: true });
    if (doc.errors.length) {
      for (const e of doc.errors) report(rel, `yaml: ${e.message.split('\n')[0]}`);
      continue;
    }
    const data = doc.toJS();
    if (!validate[schema](data)) {
      for (const e of validate[schema].errors) report(rel, `schema: ${e.instancePath || '/'} ${e.message}`);
    }
  }

  for (const m of messages) console.log(m);
  console.log(`${files.length} files, ${errors} errors (${((performance.now() - started) / 1000).toFixed(2)} s)`);
  process.exitCode = errors ? 1 : 0;
}
