#!/usr/bin/env node
// Does reading files get faster with threads on this machine? Reads every meeting log under
// <root>/cops/*/meetings/ with readFileSync on this thread, then the same files split over 2 and
// 3 worker threads, and prints the wall time of each. (On an overlay file system it does not:
// see docs/performance.md.)
//
// Usage: node scripts/bench/read-threads.mjs <root>   (e.g. a folder from generate.mjs)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

if (isMainThread) {
  const root = process.argv[2];
  if (!root) {
    console.error('usage: node scripts/bench/read-threads.mjs <root>');
    process.exit(2);
  }
  const cops = join(root, 'cops');
  const files = readdirSync(cops).flatMap((id) => readdirSync(join(cops, id, 'meetings')).map((name) => join(cops, id, 'meetings', name)));
  let started = performance.now();
  for (const file of files) readFileSync(file, 'utf8');
  console.log(`${files.length} files, one thread: ${(performance.now() - started).toFixed(0)} ms`);
  for (const threads of [2, 3]) {
    started = performance.now();
    const share = Math.ceil(files.length / threads);
    const slices = Array.from({ length: threads }, (_, i) => files.slice(i * share, (i + 1) * share));
    await Promise.all(slices.map((slice) => new Promise((done) => new Worker(new URL(import.meta.url), { workerData: slice }).once('message', done))));
    console.log(`${files.length} files, ${threads} worker threads: ${(performance.now() - started).toFixed(0)} ms`);
  }
} else {
  for (const file of workerData) readFileSync(file, 'utf8');
  parentPort.postMessage('done');
}
