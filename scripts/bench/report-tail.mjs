#!/usr/bin/env node
// The tail of `cop report --year` at 60k, the part after the last CoP is read that runs on the main
// thread alone: the report computed from each CoP's figures (`reportFromFigures`) and drawn as a
// table. The bench's wall times cannot resolve a change of a few milliseconds there, so each run
// here is a fresh process (the tail runs cold, as in the command: V8 compiles and warms up its code
// as it goes) that loads the organisation as `cop report` does, then times the tail once in-process.
// Printed: each run's two times, and their means. `--warm N` repeats the tail N more times in each
// process and prints the last, to show how much of the cold tail is warming up.
//
// Usage: node scripts/bench/report-tail.mjs --root DIR [--runs N] [--warm N] [--dist PATH] [--as-of DATE]
//   DIR: a generated organisation (scripts/bench/generate.mjs); PATH: the build's dist/ (this
//   repository's by default: npm run build); DATE: 2026-11-20, the bench's. (`--once`, which the
//   script passes to the processes it starts, times one tail and prints it as JSON.)
// Exit code: 0; 1 when a run fails (its stderr is printed); 2 on a usage error or without a build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchArgs, requireCops, usageError } from './cli-args.mjs';

const USAGE = 'usage: node scripts/bench/report-tail.mjs --root DIR [--runs N] [--warm N] [--dist PATH] [--as-of DATE]';
const { values, runs, root } = benchArgs(
  USAGE,
  {
    options: {
      root: { type: 'string' },
      runs: { type: 'string', default: '8' },
      warm: { type: 'string', default: '0' },
      dist: { type: 'string' },
      'as-of': { type: 'string', default: '2026-11-20' },
      once: { type: 'boolean', default: false },
    },
  },
  { valid: ({ warm, 'as-of': asOf }) => Number.isInteger(Number(warm)) && Number(warm) >= 0 && /^\d{4}-\d{2}-\d{2}$/.test(asOf) },
);
const warm = Number(values.warm);
const dist = path.resolve(values.dist ?? fileURLToPath(new URL('../../dist', import.meta.url)));
requireCops('report-tail', USAGE, root);
if (!existsSync(path.join(dist, 'commands', 'report.js'))) usageError(USAGE, `report-tail: no build at ${dist} (npm run build)`);

if (values.once) {
  // One process: load as `cop report --year` does, then time the tail (cold, then warm if asked).
  const from = (module) => import(pathToFileURL(path.join(dist, module)).href);
  const [{ loadReadableCops }, { dataContext }, { resolvePeriod }, { reportFromFigures }, { reportTable }] = await Promise.all(
    ['commands/load-valid.js', 'commands/options.js', 'budget/period.js', 'budget/compute.js', 'render/report/table.js'].map(from),
  );
  const io = { stdout() {}, stderr() {}, isTTY: false, env: {}, cwd: root };
  const options = { root, year: values['as-of'].slice(0, 4), asOf: values['as-of'], format: 'table' };
  const context = dataContext(options, io);
  const period = resolvePeriod(options, context.asOf);
  const load = await loadReadableCops(options, io, { kind: 'report', period }, context);
  if (!load.ok) {
    console.error(`report-tail: the organisation did not load (exit ${load.exitCode})`);
    process.exit(1);
  }
  const tail = () => {
    const started = performance.now();
    const report = reportFromFigures(load.workspace, load.perCop, { period, cops: [] });
    const computed = performance.now();
    reportTable(report, false);
    return { compute: computed - started, render: performance.now() - computed };
  };
  const cold = tail();
  let last;
  for (let i = 0; i < warm; i++) last = tail();
  console.log(JSON.stringify({ cold, ...(last ? { warm: last } : {}) }));
  process.exit(0);
}

const ms = (n) => `${n.toFixed(1)} ms`;
const results = [];
for (let run = 1; run <= runs; run++) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--once', '--root', root, '--dist', dist, '--as-of', values['as-of'], '--warm', String(warm)], { encoding: 'utf8' });
  if (child.status !== 0) {
    console.error(`report-tail: run ${run} failed (exit ${child.status})\n${child.stderr}`);
    process.exit(1);
  }
  const result = JSON.parse(child.stdout);
  results.push(result);
  const warmText = result.warm ? `; warm ${ms(result.warm.compute)} + ${ms(result.warm.render)}` : '';
  console.log(`run ${run}: compute ${ms(result.cold.compute)}, table ${ms(result.cold.render)}${warmText}`);
}
const mean = (pick) => results.reduce((sum, r) => sum + pick(r), 0) / results.length;
const warmMean = warm > 0 ? `; warm ${ms(mean((r) => r.warm.compute))} + ${ms(mean((r) => r.warm.render))}` : '';
console.log(`mean of ${runs}: compute ${ms(mean((r) => r.cold.compute))}, table ${ms(mean((r) => r.cold.render))}, tail ${ms(mean((r) => r.cold.compute + r.cold.render))}${warmMean} (${dist})`);
