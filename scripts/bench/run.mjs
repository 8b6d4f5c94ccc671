#!/usr/bin/env node
// `npm run bench`: how fast and how lean is `cop` on a large organisation?
//
// What it measures. It generates a synthetic, valid organisation (generate.mjs: by default 500 CoPs,
// 60,000 meeting logs, 3,000 people, about 60,500 small YAML files) in a temporary folder, then runs
// each command below as a WHOLE child process (`node …`, start-up included) and records its wall time
// and its peak resident memory (RSS). Then it checks the targets and prints PASS/FAIL for each.
//
// Why this way. A `cop check` of a big repository is dominated by reading and parsing YAML (and
// schema validation), not by the lint rules; so the fair yardstick is baseline.mjs, the plainest
// possible single-threaded read + `yaml` parse + ajv validate of the same files. Absolute seconds mean
// little on a shared, noisy machine (and on CI), so every target is a RATIO against a reference measured
// in the SAME run, runs are interleaved round-robin so drift hits all commands alike, and each figure
// is the median of --runs for the heavy commands and the best of --startup-runs for start-up commands.
//
// Peak RSS: the child is started with `node --import peak-rss.mjs`, which writes
// process.resourceUsage().maxRSS (getrusage ru_maxrss: the whole process, worker threads included)
// to a file on exit; it agrees exactly with `/usr/bin/time -f %M`. The preload costs a start-up
// command about 7 ms (it initialises the ESM loader, which `node -e 0` otherwise skips), so start-up
// commands are timed WITHOUT it and their RSS comes from separate preloaded runs; for heavy commands
// those few ms are noise and one set of runs gives both figures.
//
// Exit code: 0 even when a target fails (this is a report); 2 on a usage error.
//
// Usage: node scripts/bench/run.mjs [--cops N] [--meetings N] [--people N] [--seed N]
//                                   [--runs N] [--startup-runs N] [--keep] [--verify] [--cop FILE]
//   --verify   also run verify.mjs (the semantic lints, checked independently of cop) on the data first
//   --cop      measure another build of the CLI instead of bin/cop.js

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateOrganisation, parseSizeArgs } from './generate.mjs';

const AS_OF = '2026-11-20';
// `--cop FILE` measures another build of the CLI (default: this repository's bin/cop.js)
const copAt = process.argv.indexOf('--cop');
const COP = [copAt > 0 ? path.resolve(process.argv.splice(copAt, 2)[1] ?? '') : 'bin/cop.js'];
const COP_WORKS = [...COP, '--version'];

// The measured commands: argv after `node` ({root} = the generated data root), run from the repository
// root. kind: 'heavy' (median of --runs) or 'startup' (best of --startup-runs). requires: argv that must
// exit 0 first (and print requiresOutput, if given: commander answers `cop nosuch --help` with the
// top-level help and exit 0), otherwise the row reads "not available". targets: { vs: <id>, max }
// (time ratio) or { rssBelowMiB }. Add a command with one line.
const COMMANDS = [
  { id: 'node', label: 'node -e 0', argv: ['-e', '0'], kind: 'startup' },
  { id: 'baseline', label: 'baseline', argv: ['scripts/bench/baseline.mjs', '{root}'], kind: 'heavy' },
  { id: 'check', label: 'cop check', argv: [...COP, 'check', '--root', '{root}', '--as-of', AS_OF], kind: 'heavy', requires: COP_WORKS, targets: [{ vs: 'baseline', max: 1.2 }, { rssBelowMiB: 1024 }] },
  { id: 'report', label: 'cop report', argv: [...COP, 'report', '--year', '2026', '--root', '{root}'], kind: 'heavy', requires: [...COP, 'report', '--help'], requiresOutput: /Usage: \S+ report\b/, targets: [{ vs: 'check', max: 1.2 }] },
  { id: 'health', label: 'cop health', argv: [...COP, 'health', '--root', '{root}', '--as-of', AS_OF], kind: 'heavy', requires: [...COP, 'health', '--help'], requiresOutput: /Usage: \S+ health\b/, targets: [{ vs: 'check', max: 1.2 }] },
  { id: 'site', label: 'cop site', argv: [...COP, 'site', '--root', '{root}', '--out', '{root}/_site', '--as-of', AS_OF], kind: 'heavy', requires: [...COP, 'site', '--help'], requiresOutput: /Usage: \S+ site\b/, targets: [{ vs: 'report', max: 1.5 }] },
  { id: 'version', label: 'cop --version', argv: [...COP, '--version'], kind: 'startup', requires: COP_WORKS, targets: [{ vs: 'node', max: 1.6 }] },
  { id: 'help', label: 'cop --help', argv: [...COP, '--help'], kind: 'startup', requires: COP_WORKS, targets: [{ vs: 'node', max: 1.6 }] },
];

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PRELOAD = pathToFileURL(fileURLToPath(new URL('./peak-rss.mjs', import.meta.url))).href;
const STARTUP_RSS_RUNS = 3;

// ---------------------------------------------------------------- options

const USAGE = 'usage: node scripts/bench/run.mjs [--cops N] [--meetings N] [--people N] [--seed N] [--runs N] [--startup-runs N] [--keep] [--verify] [--cop FILE]';
let size, rest;
try {
  ({ opts: size, rest } = parseSizeArgs(process.argv.slice(2)));
} catch (e) {
  console.error(`${e.message}\n${USAGE}`);
  process.exit(2);
}
const opts = { runs: 3, startupRuns: 10, keep: false, verify: false };
for (let i = 0; i < rest.length; i++) {
  const a = rest[i];
  if (a === '--keep') opts.keep = true;
  else if (a === '--verify') opts.verify = true;
  else if (a === '--runs' || a === '--startup-runs') {
    const n = Number(rest[++i]);
    if (!Number.isInteger(n) || n < 1) {
      console.error(`${a} needs a whole number ≥ 1\n${USAGE}`);
      process.exit(2);
    }
    opts[a === '--runs' ? 'runs' : 'startupRuns'] = n;
  } else {
    console.error(`${a === '--help' || a === '-h' ? '' : `unknown option ${a}\n`}${USAGE}`);
    process.exit(a === '--help' || a === '-h' ? 0 : 2);
  }
}

// ---------------------------------------------------------------- running a child

const rssFile = path.join(os.tmpdir(), `cop-bench-rss-${process.pid}`);

/** Runs `node <argv>` from the repository root; returns { ms, rssKiB?, status, stdout, stderr }. */
function runNode(argv, { measureRss = false } = {}) {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  const args = measureRss ? ['--import', PRELOAD, ...argv] : argv;
  if (measureRss) {
    env.COP_BENCH_RSS_FILE = rssFile;
    rmSync(rssFile, { force: true });
  }
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: REPO, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  let rssKiB;
  if (measureRss) {
    try {
      rssKiB = Number(readFileSync(rssFile, 'utf8'));
    } catch {
      rssKiB = undefined; // killed by a signal: no exit hook ran
    }
  }
  return { ms, rssKiB, status: r.status ?? (r.signal ? `signal ${r.signal}` : 'spawn error'), stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
}

/** A transient status line, on a terminal only. */
function progress(text) {
  if (process.stderr.isTTY) process.stderr.write(`\r${text.padEnd(70)}${text ? '' : '\r'}`);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const lastLine = (text) => text.trim().split('\n').pop() ?? '';
const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const fmtMiB = (kib) => (kib === undefined ? '?' : `${(kib / 1024).toFixed(0)} MiB`);

// ---------------------------------------------------------------- the benchmark

let root;
const cleanup = () => {
  rmSync(rssFile, { force: true });
  if (root && !opts.keep) rmSync(root, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

try {
  root = mkdtempSync(path.join(os.tmpdir(), 'cop-bench-'));
  const gen = await generateOrganisation(root, size);
  const sz = { cops: 500, meetings: 60000, people: 3000, seed: 1, ...size };
  console.log(`generated ${gen.files} files (${(gen.bytes / 1e6).toFixed(1)} MB; ${sz.cops} CoPs, ${sz.meetings} meetings, ${sz.people} people, seed ${sz.seed}) in ${fmtMs(gen.ms)}`);
  console.log(`data root: ${root}${opts.keep ? ' (kept)' : ' (removed at the end; --keep keeps it)'}`);
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, ${os.platform()} ${os.arch()}\n`);

  if (opts.verify) {
    const v = runNode(['scripts/bench/verify.mjs', root, '--as-of', AS_OF]);
    console.log(`verify: ${lastLine(v.stdout) || lastLine(v.stderr)}\n`);
  }

  // which commands exist yet
  const availability = new Map();
  const available = (cmd) => {
    if (!cmd.requires) return true;
    const key = cmd.requires.join(' ');
    if (!availability.has(key)) availability.set(key, runNode(cmd.requires));
    const r = availability.get(key);
    return r.status === 0 && (!cmd.requiresOutput || cmd.requiresOutput.test(r.stdout));
  };
  const results = new Map(); // id → { cmd, times[], rss[], statuses:Set, first }
  const active = [];
  for (const cmd of COMMANDS) {
    if (!available(cmd)) {
      console.log(`${cmd.label}: not available (\`node ${cmd.requires.join(' ')}\` ${cmd.requiresOutput ? 'shows no usage of its own' : 'failed'})`);
      continue;
    }
    active.push(cmd);
    results.set(cmd.id, { cmd, times: [], rss: [], statuses: new Set(), first: undefined });
  }
  const argvOf = (cmd) => cmd.argv.map((a) => a.replaceAll('{root}', root));
  const record = (cmd, r, { time = true } = {}) => {
    const res = results.get(cmd.id);
    if (time) res.times.push(r.ms);
    if (r.rssKiB !== undefined) res.rss.push(r.rssKiB);
    res.statuses.add(r.status);
    res.first ??= r;
  };

  // heavy commands: interleaved rounds, preloaded (time and RSS from the same runs)
  const heavy = active.filter((c) => c.kind === 'heavy');
  for (let round = 1; round <= opts.runs; round++) {
    for (const cmd of heavy) {
      progress(`round ${round}/${opts.runs}: ${cmd.label}…`);
      record(cmd, runNode(argvOf(cmd), { measureRss: true }));
    }
  }
  progress('');

  // start-up commands: one warm-up, interleaved timed runs without the preload, then preloaded RSS runs
  const startup = active.filter((c) => c.kind === 'startup');
  for (const cmd of startup) runNode(argvOf(cmd));
  for (let round = 0; round < opts.startupRuns; round++) for (const cmd of startup) record(cmd, runNode(argvOf(cmd)));
  for (let round = 0; round < STARTUP_RSS_RUNS; round++) for (const cmd of startup) record(cmd, runNode(argvOf(cmd), { measureRss: true }), { time: false });

  // ---------------------------------------------------------------- the tables
  const figure = new Map();
  const rows = [['command', 'wall', 'how', 'range', 'peak RSS', 'exit', 'output (last line)']];
  for (const cmd of COMMANDS) {
    const res = results.get(cmd.id);
    if (!res) {
      rows.push([cmd.label, 'not available', '', '', '', '', '']);
      continue;
    }
    const ms = cmd.kind === 'heavy' ? median(res.times) : Math.min(...res.times);
    const peak = res.rss.length ? Math.max(...res.rss) : undefined;
    const ok = res.statuses.size === 1 && res.statuses.has(0);
    figure.set(cmd.id, { ms, peak, ok });
    const how = cmd.kind === 'heavy' ? `median of ${res.times.length}` : `best of ${res.times.length}`;
    const range = `${fmtMs(Math.min(...res.times))}–${fmtMs(Math.max(...res.times))}`;
    const out = lastLine(res.first.stdout) || lastLine(res.first.stderr);
    rows.push([cmd.label, fmtMs(ms), how, range, fmtMiB(peak), [...res.statuses].join(','), out.length > 60 ? `${out.slice(0, 57)}…` : out]);
  }
  printTable(rows);
  console.log('(baseline = scripts/bench/baseline.mjs: one thread, read + yaml parseDocument + ajv 2020 validate of every file)');

  // a command that failed: show why
  for (const [, res] of results) {
    if (res.statuses.size === 1 && res.statuses.has(0)) continue;
    const bad = res.first.status === 0 ? null : res.first;
    console.log(`\n${res.cmd.label} exited ${[...res.statuses].join(',')}${bad ? '; first lines of its output:' : ''}`);
    if (bad) console.log(`${bad.stdout}\n${bad.stderr}`.trim().split('\n').slice(0, 15).map((l) => `  ${l}`).join('\n'));
  }

  console.log('');
  const targetRows = [['target', 'measured', 'limit', 'verdict']];
  let failed = 0;
  for (const cmd of COMMANDS) {
    for (const t of cmd.targets ?? []) {
      const f = figure.get(cmd.id);
      if (t.vs) {
        const ref = COMMANDS.find((c) => c.id === t.vs);
        const name = `${cmd.label} / ${ref?.label ?? t.vs}`;
        const g = figure.get(t.vs);
        if (!f || !g) {
          targetRows.push([name, 'not available', `≤ ${t.max}`, 'SKIPPED']);
          continue;
        }
        const ratio = f.ms / g.ms;
        const pass = f.ok && g.ok && ratio <= t.max;
        const why = !f.ok ? ` (${cmd.label} failed)` : !g.ok ? ` (${ref.label} failed)` : '';
        if (!pass) failed++;
        targetRows.push([name, `${ratio.toFixed(2)} (${fmtMs(f.ms)} / ${fmtMs(g.ms)})`, `≤ ${t.max}`, pass ? 'PASS' : `FAIL${why}`]);
      }
      if (t.rssBelowMiB) {
        const name = `${cmd.label} peak RSS`;
        if (!f) {
          targetRows.push([name, 'not available', `< ${t.rssBelowMiB} MiB`, 'SKIPPED']);
          continue;
        }
        const pass = f.ok && f.peak !== undefined && f.peak / 1024 < t.rssBelowMiB;
        if (!pass) failed++;
        targetRows.push([name, fmtMiB(f.peak), `< ${t.rssBelowMiB} MiB`, pass ? 'PASS' : `FAIL${f.ok ? '' : ` (${cmd.label} failed)`}`]);
      }
    }
  }
  printTable(targetRows);
  const skipped = targetRows.filter((r) => r[3] === 'SKIPPED').length;
  console.log(`\n${failed ? `FAIL: ${failed} target(s) missed` : 'all measured targets PASS'}${skipped ? `; ${skipped} skipped (command not available)` : ''}`);
} finally {
  cleanup();
}

function printTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  rows.forEach((r, n) => {
    console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd());
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}
