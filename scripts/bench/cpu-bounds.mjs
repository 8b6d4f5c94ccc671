#!/usr/bin/env node
// What the bench's two failing 60k ratios could be at best on this machine's cores, from the CPU the
// commands use. `npm run bench` times `cop report --year` against `cop check`, and `cop site`
// against `cop report --year`; no schedule can finish a command sooner than its CPU time spread
// over every core. Here each command runs `--runs` times, interleaved, spawned as the bench spawns
// them, and its wall time and CPU time (user + system of the process and its threads, from Linux's
// /proc: the children's times of this process before and after each run) are taken. Printed: the
// medians, and for each ratio the measured value and its bounds:
//   - site / report, at best: the site's CPU over every core, against the report's wall time;
//   - report / check, at best: the check's wall time plus the report's extra CPU over every core,
//     against the check's wall time. The check leaves a core idle only at its start, before any CoP
//     is read, when none of the report's extra work can start (docs/performance.md, "`cop report`'s
//     extra work against two cores, session 15"), so the extra work can at best share the cores.
//
// Usage: node scripts/bench/cpu-bounds.mjs --root DIR [--runs N] [--cop PATH]
//   DIR: a generated organisation (scripts/bench/generate.mjs); PATH: bin/cop.js by default.
// Exit code: 0; 1 when a command fails (its stderr is printed); 2 on a usage error or off Linux.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs, requireCops, usageError } from './cli-args.mjs';
import { median } from './median.mjs';

const USAGE = 'usage: node scripts/bench/cpu-bounds.mjs --root DIR [--runs N] [--cop PATH]';
const { values, runs, root } = benchArgs(USAGE, { options: { root: { type: 'string' }, runs: { type: 'string', default: '3' }, cop: { type: 'string' } } });
requireCops('cpu-bounds', USAGE, root);
if (!existsSync('/proc/self/stat')) {
  console.error('cpu-bounds: needs Linux /proc to read the CPU time of each run');
  process.exit(2);
}
const cop = path.resolve(values.cop ?? fileURLToPath(new URL('../../bin/cop.js', import.meta.url)));
if (!existsSync(cop)) usageError(USAGE, `cpu-bounds: no build of cop at ${cop} (npm run build)`);
const out = mkdtempSync(path.join(os.tmpdir(), 'cop-cpu-bounds-'));
const AS_OF = '2026-11-20'; // the bench's date
const commands = {
  check: ['check', '--root', root, '--as-of', AS_OF],
  report: ['report', '--year', '2026', '--root', root, '--as-of', AS_OF],
  site: ['site', '--root', root, '--out', out, '--as-of', AS_OF],
};

// cutime and cstime (fields 16 and 17 of /proc/self/stat, after the command's name): the CPU time
// of the children this process has waited for, in clock ticks.
const TICKS_PER_SECOND = 100;
function childrenCpu() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

const measured = Object.fromEntries(Object.keys(commands).map((name) => [name, { wall: [], cpu: [] }]));
for (let round = 0; round < runs; round++) {
  for (const [name, argv] of Object.entries(commands)) {
    const cpuBefore = childrenCpu();
    const started = performance.now();
    const run = spawnSync(process.execPath, [cop, ...argv], {
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const wall = (performance.now() - started) / 1000;
    if (run.status !== 0 && run.status !== 1) {
      console.error(`cpu-bounds: cop ${argv.join(' ')} failed (exit ${run.status ?? run.signal}):\n${run.stderr}`);
      rmSync(out, { recursive: true, force: true });
      process.exit(1);
    }
    measured[name].wall.push(wall);
    measured[name].cpu.push(childrenCpu() - cpuBefore);
  }
  if (process.stderr.isTTY) process.stderr.write(`\rround ${round + 1} of ${runs}`);
}
if (process.stderr.isTTY) process.stderr.write('\n');
rmSync(out, { recursive: true, force: true });

const cores = os.availableParallelism();
const { check, report, site } = Object.fromEntries(Object.entries(measured).map(([name, { wall, cpu }]) => [name, { wall: median(wall), cpu: median(cpu) }]));
const s = (x) => `${x.toFixed(2)} s`;
console.log(`${runs} interleaved runs each, medians, ${cores} cores (${cop})`);
for (const [name, { wall, cpu }] of Object.entries({ check, report, site })) console.log(`  cop ${name.padEnd(7)} wall ${s(wall)}  CPU ${s(cpu)}  (CPU / wall ${(cpu / wall).toFixed(2)})`);
const ratio = (x) => x.toFixed(2);
console.log(`site / report:   measured ${ratio(site.wall / report.wall)}; at best ${ratio(site.cpu / cores / report.wall)} (the site's CPU over ${cores} cores / the report's wall time)`);
console.log(
  `report / check:  measured ${ratio(report.wall / check.wall)}; at best ${ratio((check.wall + (report.cpu - check.cpu) / cores) / check.wall)} (the check's wall time and the report's extra ${s(report.cpu - check.cpu)} of CPU over ${cores} cores)`,
);
