#!/usr/bin/env node
// Compares two builds of `cop check --cache` where wall-clock timing cannot: on this 2-core shared
// machine, one warm run's wall time varies by ± 50 ms, so paired wall-clock rounds do not resolve a
// change of 10–20 ms. Here each build runs under `node --cpu-prof`, rounds interleaved, and the
// figure is taken from the main thread's profile: its time after its share of the look at the
// folders (`lookAtEach`), which is everything a warm run does beyond statting every file. In a warm
// run that figure varied by about ± 6 ms (docs/performance.md, "One charter changed, session 13").
// Also printed: where the look ended, where the profile ended, and the functions whose self time in
// that tail differs most between the builds (chunk names are left out: each build hashes its own).
//
// Usage: node scripts/bench/profile-ab.mjs --root DIR [--runs N] [--changed] A/bin/cop.js B/bin/cop.js
// Exit code: 0; 1 when a build's run looks at no folder (its stderr is printed); 2 on a usage error.
//   --changed  before each run, append a comment to the first CoP's charter: the run re-reads,
//              re-checks and re-saves that CoP (the bench's "one charter changed" row)
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchArgs, usageError } from './cli-args.mjs';

const USAGE = 'usage: node scripts/bench/profile-ab.mjs --root DIR [--runs N] [--changed] A/bin/cop.js B/bin/cop.js';
const { values, positionals: builds, runs, root } = benchArgs(
  USAGE,
  { allowPositionals: true, options: { root: { type: 'string' }, runs: { type: 'string', default: '10' }, changed: { type: 'boolean', default: false } } },
  { minRuns: 2, valid: (_, positionals) => positionals.length === 2 },
);
let firstCop;
try {
  firstCop = readdirSync(path.join(root, 'cops')).sort()[0];
} catch (error) {
  usageError(USAGE, `profile-ab: ${root} has no cops/ folder to check (${error.code})`);
}
const work = mkdtempSync(path.join(os.tmpdir(), 'cop-profile-ab-'));
const charter = path.join(root, 'cops', firstCop ?? '', 'charter.yaml');
const argv = (n) => ['check', '--root', root, '--as-of', '2026-11-20', '--cache', '--cache-location', path.join(work, `cache-${n}.bin`)];

const profiles = builds.map(() => []);
builds.forEach((build, n) => spawnSync(process.execPath, [build, ...argv(n)])); // fills each build's cache
for (let round = 0; round < runs; round++) {
  builds.forEach((build, n) => {
    if (values.changed) appendFileSync(charter, `# profile-ab round ${round} build ${n}\n`);
    const dir = path.join(work, `${n}-${round}`);
    const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, build, ...argv(n)], { encoding: 'utf8' });
    // CPU.<date>.<time>.<pid>.<thread id>.<sequence>.cpuprofile: the main thread's id is 0.
    const main = readdirSync(dir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
    const profile = main && tailOf(JSON.parse(readFileSync(path.join(dir, main), 'utf8')));
    // No look at the folders: not a build of cop's cached check, or it stopped before it.
    if (!profile || profile.lookEnd === 0) {
      console.error(`profile-ab: ${build} looked at no folder (exit ${run.status ?? run.signal}):\n${run.stderr}`);
      rmSync(work, { recursive: true, force: true });
      process.exit(1);
    }
    profiles[n].push(profile);
  });
  if (process.stderr.isTTY) process.stderr.write(`\rround ${round + 1} of ${runs}`);
}
if (process.stderr.isTTY) process.stderr.write('\n');
rmSync(work, { recursive: true, force: true });

/** The profile's length, where the main thread's look ended (ms), and the self time per function after it. */
function tailOf(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const at = [];
  let t = 0;
  let lookEnd = 0;
  profile.samples.forEach((id, i) => {
    at.push((t += profile.timeDeltas[i]));
    for (let node = id; node !== undefined; node = parent.get(node)) if (byId.get(node).callFrame.functionName === 'lookAtEach') lookEnd = t;
  });
  const self = new Map();
  profile.samples.forEach((id, i) => {
    if (at[i] <= lookEnd) return;
    const { functionName, url } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/.*\/(dist|node_modules)\//, '$1/').replace(/chunk-\w+/, 'chunk')}`;
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  const end = (profile.endTime - profile.startTime) / 1000;
  return { end, lookEnd: lookEnd / 1000, tail: end - lookEnd / 1000, self };
}

const mean = (xs) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
const sd = (xs) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};
const ms = (xs) => `${mean(xs).toFixed(1)} ± ${sd(xs).toFixed(1)} ms`;
console.log(`${runs} ${values.changed ? 'changed' : 'warm'} runs of each build, interleaved (mean ± standard deviation):`);
builds.forEach((build, n) => {
  const runsOf = profiles[n];
  console.log(`${'AB'[n]} ${build}\n  after the look ${ms(runsOf.map((r) => r.tail))}; the look ended at ${ms(runsOf.map((r) => r.lookEnd))}; the profile at ${ms(runsOf.map((r) => r.end))}`);
});
const selfOf = (n, key) => mean(profiles[n].map((r) => r.self.get(key) ?? 0));
const keys = new Set(profiles.flatMap((runsOf) => runsOf.flatMap((r) => [...r.self.keys()])));
const differences = [...keys].map((key) => [key, selfOf(1, key) - selfOf(0, key)]).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
console.log('self time after the look, B - A (ms), largest first:');
for (const [key, difference] of differences.slice(0, 12)) console.log(`  ${difference.toFixed(1).padStart(6)}  ${key}`);
