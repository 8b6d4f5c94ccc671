#!/usr/bin/env node
// The floor of a correct warm `cop check --cache`: what any cache that trusts no file blindly must
// do before it can say "nothing changed". Node stats cop.config.yaml, people.yaml and every file
// under cops/ (listing every folder included), on one thread, and parses nothing. The bench judges
// the warm runs against this script's wall time, measured in the same run (docs/performance.md).
//
// Usage: node scripts/bench/floor.mjs <root>
// Prints the number of files stat-ed.

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = process.argv[2];
if (!root) {
  console.error('usage: node scripts/bench/floor.mjs <root>');
  process.exit(2);
}
const started = performance.now();
let files = 0;
const stat = (file) => {
  if (statSync(file, { throwIfNoEntry: false })) files++;
};
stat(path.join(root, 'cop.config.yaml'));
stat(path.join(root, 'people.yaml'));
const walk = (folder) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const at = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(at);
    else stat(at);
  }
};
walk(path.join(root, 'cops'));
console.log(`${files} files stat-ed (${((performance.now() - started) / 1000).toFixed(2)} s)`);
