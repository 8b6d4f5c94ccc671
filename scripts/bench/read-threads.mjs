#!/usr/bin/env node
// Does reading files, or only stat-ing them, get faster with threads on this machine? Reads (or
// stats) every meeting log under <root>/cops/*/meetings/ on this thread, then the same files split
// over 2 and 3 worker threads, and prints the wall time of each. (On the 2-core development machine it
// does not: see docs/performance.md.)
//
// Usage: node scripts/bench/read-threads.mjs <root> [read|stat]   (e.g. a folder from generate.mjs)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const OPERATIONS = { read: (file) => readFileSync(file, 'utf8'), stat: (file) => statSync(file) };

if (isMainThread) {
  const [root, operation = 'read'] = process.argv.slice(2);
  if (!root || !(operation in OPERATIONS)) {
    console.error('usage: node scripts/bench/read-threads.mjs <root> [read|stat]');
    process.exit(2);
  }
  const run = OPERATIONS[operation];
  const cops = join(root, 'cops');
  const files = readdirSync(cops).flatMap((id) => readdirSync(join(cops, id, 'meetings')).map((name) => join(cops, id, 'meetings', name)));
  let started = performance.now();
  for (const file of files) run(file);
  console.log(`${operation} ${files.length} files, one thread: ${(performance.now() - started).toFixed(0)} ms`);
  for (const threads of [2, 3]) {
    started = performance.now();
    const share = Math.ceil(files.length / threads);
    const slices = Array.from({ length: threads }, (_, i) => files.slice(i * share, (i + 1) * share));
    await Promise.all(slices.map((slice) => new Promise((done) => new Worker(new URL(import.meta.url), { workerData: { operation, slice } }).once('message', done))));
    console.log(`${operation} ${files.length} files, ${threads} worker threads: ${(performance.now() - started).toFixed(0)} ms`);
  }
} else {
  for (const file of workerData.slice) OPERATIONS[workerData.operation](file);
  parentPort.postMessage('done');
}
