#!/usr/bin/env node
// `npm run bench`: how fast and how lean is `cop`, on a small repository and a large one?
//
// What it measures, in groups:
//   start-up  the bundled example organisation (this repository, 99 files): `cop check`, `cop --version`
//             and `cop --help` against `node -e 0`. Most repositories are this size: start-up is the cost.
//   1k, 5k, 60k  synthetic, valid organisations (generate.mjs: 10 CoPs/1,000 meetings, 50/5,000, and
//             500 CoPs/60,000 meetings/3,000 people, about 60,500 small YAML files) in a temporary folder.
//             At each size: `cop check` against baseline.mjs (the plainest one-thread read + `yaml` parse +
//             ajv validate) and against schema-only.mjs (what ajv-cli does: js-yaml + ajv, no positions,
//             no cross-file rules); `cop check` on one thread (COP_WORKERS=0). At the largest size also
//             `cop report` and `cop health` against `cop check`, `cop site` against `cop report --year` (and
//             its peak RSS), `cop site --anonymise` against `cop site`, and the cache: `cop check --cache` cold (no cache), warm after no change, warm
//             after one charter changed (whose output must equal a run without the cache on the same files),
//             and warm in a fresh `git clone` of the organisation with the cache file restored (what CI's
//             actions/cache gives every pull request; its output too must equal a run without the cache).
//             The warm runs are judged against the floor (floor.mjs: Node stats every file the check
//             reads, listing included, parsing nothing), what any cache that trusts no file blindly pays.
// Each command runs as a WHOLE child process (`node …`, start-up included); the bench records its wall
// time and peak resident memory (RSS), then checks the targets and prints PASS/FAIL for each.
//
// Why this way. Absolute seconds mean little on a shared, noisy machine (and on CI), so every target is
// a RATIO against a reference measured in the SAME run, runs are interleaved round-robin so drift hits all
// commands alike, and each figure is the median of --runs for the heavy commands and the best of
// --startup-runs for start-up commands.
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
// Usage: node scripts/bench/run.mjs [--sizes 1k,5k,60k] [--runs N] [--startup-runs N] [--seed N]
//                                   [--keep] [--verify] [--cop FILE]
//        node scripts/bench/run.mjs --cops N --meetings N [--people N] …   one custom size instead
//   --sizes    which generated sizes to measure (default all three; `--sizes none` only start-up)
//   --verify   also run verify.mjs (the semantic lints, checked independently of cop) on the data first
//   --cop      measure another build of the CLI instead of bin/cop.js

import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateOrganisation, parseSizeArgs } from './generate.mjs';
import { median } from './median.mjs';

// Every command that reads the data runs as of this date, so a run does the same work whatever day it is.
const AS_OF = '2026-11-20';
// `--cop FILE` measures another build of the CLI (default: this repository's bin/cop.js)
const copAt = process.argv.indexOf('--cop');
const COP = [copAt > 0 ? path.resolve(process.argv.splice(copAt, 2)[1] ?? '') : 'bin/cop.js'];
const COP_WORKS = [...COP, '--version'];

const SIZES = {
  '1k': { cops: 10, meetings: 1000, people: 100 },
  '5k': { cops: 50, meetings: 5000, people: 500 },
  '60k': { cops: 500, meetings: 60000, people: 3000 },
};
/** `cop check` / baseline at each size, and the peak RSS limit (checked at the largest size). */
const CHECK_VS_BASELINE = { '1k': 1.0, '5k': 0.6, '60k': 0.35 };
const RSS_LIMIT_MIB = 384;
const HAS_CACHE = [...COP, 'check', '--help'];

// The measured commands of one group: argv after `node` ({root} = the group's data root, {cache} = a
// temporary cache file, {clone} and {clone-cache}: a fresh clone of the root and its cache file), run
// from the repository root. kind: 'heavy' (median of --runs) or 'startup'
// (best of --startup-runs). env: extra environment. before: run (untimed) before each timed run.
// requires: argv that must exit 0 first (and print requiresOutput, if given), otherwise the row reads
// "not available". sameOutputAs: argv whose output each run's output must equal (run untimed right after).
// targets: { vs: <id in the group>, max } (time ratio), { rssBelowMiB }, { sameOutput: true }.
function startupGroup() {
  return {
    id: 'start-up',
    label: `start-up: the bundled example organisation`,
    root: REPO,
    commands: [
      { id: 'node', label: 'node -e 0', argv: ['-e', '0'], kind: 'startup' },
      { id: 'check', label: 'cop check (99 files)', argv: [...COP, 'check', '--root', '{root}', '--as-of', AS_OF], kind: 'startup', requires: COP_WORKS, targets: [{ vs: 'node', max: 4 }] },
      { id: 'version', label: 'cop --version', argv: [...COP, '--version'], kind: 'startup', requires: COP_WORKS, targets: [{ vs: 'node', max: 1.3 }] },
      { id: 'help', label: 'cop --help', argv: [...COP, '--help'], kind: 'startup', requires: COP_WORKS, targets: [{ vs: 'node', max: 1.3 }] },
    ],
  };
}

function sizeGroup(name, size, { largest, checkMax }) {
  const check = [...COP, 'check', '--root', '{root}', '--as-of', AS_OF];
  const cached = [...check, '--cache', '--cache-location', '{cache}'];
  const clonedCached = [...COP, 'check', '--root', '{clone}', '--as-of', AS_OF, '--cache', '--cache-location', '{clone-cache}'];
  const rss = largest ? [{ rssBelowMiB: RSS_LIMIT_MIB }] : [];
  const commands = [
    { id: 'baseline', label: 'baseline', argv: ['scripts/bench/baseline.mjs', '{root}'], kind: 'heavy' },
    { id: 'schema-only', label: 'schema-only (js-yaml + ajv)', argv: ['scripts/bench/schema-only.mjs', '{root}'], kind: 'heavy' },
    { id: 'check', label: 'cop check', argv: check, kind: 'heavy', requires: COP_WORKS, targets: [{ vs: 'baseline', max: checkMax }, ...(largest ? [{ vs: 'schema-only', max: 1.0 }] : []), ...rss] },
    { id: 'check-1', label: 'cop check, one thread', argv: check, env: { COP_WORKERS: '0' }, kind: 'heavy', requires: COP_WORKS, targets: rss },
  ];
  if (largest) {
    commands.push(
      { id: 'report', label: 'cop report --year', argv: [...COP, 'report', '--year', '2026', '--root', '{root}', '--as-of', AS_OF], kind: 'heavy', requires: COP_WORKS, targets: [{ vs: 'check', max: 1.1 }] },
      { id: 'health', label: 'cop health', argv: [...COP, 'health', '--root', '{root}', '--as-of', AS_OF], kind: 'heavy', requires: COP_WORKS, targets: [{ vs: 'check', max: 1.1 }] },
      { id: 'site', label: 'cop site', argv: [...COP, 'site', '--root', '{root}', '--out', '{root}/_site', '--as-of', AS_OF], kind: 'heavy', requires: [...COP, 'site', '--help'], requiresOutput: /Usage: \S+ site\b/, targets: [{ vs: 'report', max: 1.5 }, { rssBelowMiB: RSS_LIMIT_MIB }] },
      // Anonymised, every string of the site loses 3,000 people's names, ids and handles: once over a quarter of an hour.
      { id: 'site-anonymised', label: 'cop site --anonymise', argv: [...COP, 'site', '--anonymise', '--root', '{root}', '--out', '{root}/_site-anonymised', '--as-of', AS_OF], kind: 'heavy', requires: [...COP, 'site', '--help'], requiresOutput: /--anonymise\b/, targets: [{ vs: 'site', max: 1.5 }, { rssBelowMiB: RSS_LIMIT_MIB }] },
      // What a correct warm run cannot avoid: stat every file (floor.mjs). The warm runs are judged against it.
      { id: 'floor', label: 'the floor (stat every file)', argv: ['scripts/bench/floor.mjs', '{root}'], kind: 'heavy' },
      // In each round: cold empties the cache and fills it, warm finds everything, changed edits one charter first,
      // clone commits that change, clones the repository afresh and restores the cache file (what CI's actions/cache does).
      { id: 'cache-cold', label: 'cop check --cache, cold', argv: cached, kind: 'heavy', before: (g) => rmSync(g.cache, { recursive: true, force: true }), requires: HAS_CACHE, requiresOutput: /--cache-location\b/ },
      { id: 'cache-warm', label: 'cop check --cache, no change', argv: cached, kind: 'heavy', requires: HAS_CACHE, requiresOutput: /--cache-location\b/, targets: [{ vs: 'floor', max: 1.25 }] },
      { id: 'cache-changed', label: 'cop check --cache, one charter changed', argv: cached, kind: 'heavy', before: (g, round) => touchCharter(g.root, round), sameOutputAs: check, requires: HAS_CACHE, requiresOutput: /--cache-location\b/, targets: [{ vs: 'cache-cold', max: 0.2 }, { sameOutput: true }] },
      ...(HAS_GIT
        ? [{ id: 'cache-clone', label: 'cop check --cache, fresh git clone', argv: clonedCached, kind: 'heavy', before: freshClone, sameOutputAs: [...COP, 'check', '--root', '{clone}', '--as-of', AS_OF], requires: HAS_CACHE, requiresOutput: /--cache-location\b/, targets: [{ vs: 'floor', max: 1.5 }, { sameOutput: true }] }]
        : []),
    );
  }
  return { id: name, label: `${name}: generated organisation`, size, commands };
}

/** Changes one charter's bytes (a comment naming the round), so its content hash changes. */
function touchCharter(root, round) {
  const first = readdirSync(path.join(root, 'cops')).sort()[0];
  appendFileSync(path.join(root, 'cops', first, 'charter.yaml'), `# bench round ${round}\n`);
}

/** Whether git runs here: the fresh-clone row needs it (the generated organisation is made a repository). */
const HAS_GIT = spawnSync('git', ['--version']).status === 0;
const GIT_IDENTITY = ['-c', 'user.name=cop-bench', '-c', 'user.email=bench@cop.invalid', '-c', 'commit.gpgsign=false'];
const git = (cwd, ...args) => {
  const r = spawnSync('git', [...GIT_IDENTITY, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} in ${cwd} failed: ${r.stderr || r.error}`);
};

/** Makes the generated organisation a git repository, one commit (the fresh-clone row clones it). */
function makeRepository(root) {
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'generated organisation');
}

/**
 * A fresh clone of the organisation's repository, with the cache file the last run left restored
 * beside it: what CI's actions/cache gives a pull request. The organisation's uncommitted change (the
 * charter the row before edited) is committed first, so the clone holds what the cache was made from.
 */
function freshClone(g) {
  git(g.root, 'commit', '-q', '-a', '-m', 'bench round', '--allow-empty');
  rmSync(g.clone, { recursive: true, force: true });
  git(path.dirname(g.clone), 'clone', '-q', g.root, g.clone);
  copyFileSync(g.cache, g.cloneCache);
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PRELOAD = pathToFileURL(fileURLToPath(new URL('./peak-rss.mjs', import.meta.url))).href;
const STARTUP_RSS_RUNS = 3;

// ---------------------------------------------------------------- options

const USAGE = 'usage: node scripts/bench/run.mjs [--sizes 1k,5k,60k|none] [--cops N --meetings N --people N] [--seed N] [--runs N] [--startup-runs N] [--keep] [--verify] [--cop FILE]';
const usageError = (message) => {
  console.error(`${message ? `${message}\n` : ''}${USAGE}`);
  process.exit(message ? 2 : 0);
};
let custom, rest;
try {
  ({ opts: custom, rest } = parseSizeArgs(process.argv.slice(2)));
} catch (e) {
  usageError(e.message);
}
const opts = { runs: 3, startupRuns: 10, keep: false, verify: false, sizes: Object.keys(SIZES) };
for (let i = 0; i < rest.length; i++) {
  const a = rest[i];
  if (a === '--keep') opts.keep = true;
  else if (a === '--verify') opts.verify = true;
  else if (a === '--sizes') {
    const list = rest[++i] === 'none' ? [] : (rest[i] ?? '').split(',');
    const unknown = list.find((name) => !(name in SIZES));
    if (unknown !== undefined) usageError(`--sizes: unknown size ${unknown} (choose from ${Object.keys(SIZES).join(', ')}, or none)`);
    opts.sizes = list;
  } else if (a === '--runs' || a === '--startup-runs') {
    const n = Number(rest[++i]);
    if (!Number.isInteger(n) || n < 1) usageError(`${a} needs a whole number ≥ 1`);
    opts[a === '--runs' ? 'runs' : 'startupRuns'] = n;
  } else usageError(a === '--help' || a === '-h' ? '' : `unknown option ${a}`);
}
const seed = custom.seed ?? 1;
// A custom size (--cops/--meetings/--people) replaces the named ones and takes the largest size's targets.
const sizes = 'cops' in custom || 'meetings' in custom || 'people' in custom
  ? [['custom', { ...SIZES['60k'], ...custom, seed }, CHECK_VS_BASELINE['60k']]]
  : opts.sizes.map((name) => [name, { ...SIZES[name], seed }, CHECK_VS_BASELINE[name]]);

// ---------------------------------------------------------------- running a child

const rssFile = path.join(os.tmpdir(), `cop-bench-rss-${process.pid}`);

/** Runs `node <argv>` from the repository root; returns { ms, rssKiB?, status, stdout, stderr }. */
function runNode(argv, { measureRss = false, env: extra = {} } = {}) {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
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

const lastLine = (text) => text.trim().split('\n').pop() ?? '';
const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const fmtMiB = (kib) => (kib === undefined ? '?' : `${(kib / 1024).toFixed(0)} MiB`);

// ---------------------------------------------------------------- one group

const availability = new Map();
function available(cmd) {
  if (!cmd.requires) return true;
  const key = cmd.requires.join(' ');
  if (!availability.has(key)) availability.set(key, runNode(cmd.requires));
  const r = availability.get(key);
  return r.status === 0 && (!cmd.requiresOutput || cmd.requiresOutput.test(r.stdout));
}

/** Runs a group's commands; returns its figures: id → { cmd, ms, peak, ok, sameOutput?, … }. */
function measureGroup(group) {
  const argvOf = (argv) =>
    argv.map((a) => a.replaceAll('{root}', group.root).replaceAll('{cache}', group.cache ?? '').replaceAll('{clone}', group.clone ?? '').replaceAll('{clone-cache}', group.cloneCache ?? ''));
  const results = new Map();
  const active = [];
  for (const cmd of group.commands) {
    if (!available(cmd)) {
      console.log(`${cmd.label}: not available (\`node ${cmd.requires.join(' ')}\` ${cmd.requiresOutput ? 'does not offer it' : 'failed'})`);
      continue;
    }
    active.push(cmd);
    results.set(cmd.id, { cmd, times: [], rss: [], statuses: new Set(), first: undefined, mismatches: 0 });
  }
  const run = (cmd, round, { measureRss, time = true }) => {
    cmd.before?.(group, round);
    const r = runNode(argvOf(cmd.argv), { measureRss, env: cmd.env });
    const res = results.get(cmd.id);
    if (time) res.times.push(r.ms);
    if (r.rssKiB !== undefined) res.rss.push(r.rssKiB);
    res.statuses.add(r.status);
    res.first ??= r;
    if (cmd.sameOutputAs && runNode(argvOf(cmd.sameOutputAs), { env: cmd.env }).stdout !== r.stdout) res.mismatches++;
  };

  // heavy commands: interleaved rounds, preloaded (time and RSS from the same runs)
  const heavy = active.filter((c) => c.kind === 'heavy');
  for (let round = 1; round <= opts.runs; round++) {
    for (const cmd of heavy) {
      progress(`${group.id}, round ${round}/${opts.runs}: ${cmd.label}…`);
      run(cmd, round, { measureRss: true });
    }
  }
  progress('');

  // start-up commands: one warm-up, interleaved timed runs without the preload, then preloaded RSS runs
  const startup = active.filter((c) => c.kind === 'startup');
  for (const cmd of startup) runNode(argvOf(cmd.argv), { env: cmd.env });
  for (let round = 0; round < opts.startupRuns; round++) for (const cmd of startup) run(cmd, round, { measureRss: false });
  for (let round = 0; round < STARTUP_RSS_RUNS; round++) for (const cmd of startup) run(cmd, round, { measureRss: true, time: false });

  const figures = new Map();
  const rows = [['command', 'wall', 'how', 'range', 'peak RSS', 'exit', 'output (last line)']];
  for (const cmd of group.commands) {
    const res = results.get(cmd.id);
    if (!res) {
      rows.push([cmd.label, 'not available', '', '', '', '', '']);
      continue;
    }
    const ms = cmd.kind === 'heavy' ? median(res.times) : Math.min(...res.times);
    const peak = res.rss.length ? Math.max(...res.rss) : undefined;
    const ok = res.statuses.size === 1 && res.statuses.has(0);
    figures.set(cmd.id, { cmd, ms, peak, ok, mismatches: res.mismatches, runs: res.times.length });
    const how = cmd.kind === 'heavy' ? `median of ${res.times.length}` : `best of ${res.times.length}`;
    const range = `${fmtMs(Math.min(...res.times))}–${fmtMs(Math.max(...res.times))}`;
    const out = lastLine(res.first.stdout) || lastLine(res.first.stderr);
    rows.push([cmd.label, fmtMs(ms), how, range, fmtMiB(peak), [...res.statuses].join(','), out.length > 60 ? `${out.slice(0, 57)}…` : out]);
  }
  console.log(`\n${group.label}${group.description ? ` (${group.description})` : ''}`);
  printTable(rows);

  // a command that failed: show why
  for (const [, res] of results) {
    if (res.statuses.size === 1 && res.statuses.has(0)) continue;
    const bad = res.first.status === 0 ? null : res.first;
    console.log(`\n${res.cmd.label} exited ${[...res.statuses].join(',')}${bad ? '; first lines of its output:' : ''}`);
    if (bad) console.log(`${bad.stdout}\n${bad.stderr}`.trim().split('\n').slice(0, 15).map((l) => `  ${l}`).join('\n'));
  }
  return figures;
}

/** The target rows of one group: [target, measured, limit, verdict]. */
function judge(group, figures) {
  const rows = [];
  for (const cmd of group.commands) {
    const f = figures.get(cmd.id);
    for (const t of cmd.targets ?? []) {
      if (t.vs) {
        const ref = group.commands.find((c) => c.id === t.vs);
        const name = `${group.id}: ${cmd.label} / ${ref?.label ?? t.vs}`;
        const g = figures.get(t.vs);
        if (!f || !g) {
          rows.push([name, 'not available', `≤ ${t.max}`, 'SKIPPED']);
          continue;
        }
        const ratio = f.ms / g.ms;
        const pass = f.ok && g.ok && ratio <= t.max;
        const why = !f.ok ? ` (${cmd.label} failed)` : !g.ok ? ` (${ref.label} failed)` : '';
        rows.push([name, `${ratio.toFixed(2)} (${fmtMs(f.ms)} / ${fmtMs(g.ms)})`, `≤ ${t.max}`, pass ? 'PASS' : `FAIL${why}`]);
      } else if (t.rssBelowMiB) {
        const name = `${group.id}: ${cmd.label}, peak RSS`;
        if (!f) {
          rows.push([name, 'not available', `≤ ${t.rssBelowMiB} MiB`, 'SKIPPED']);
          continue;
        }
        const pass = f.ok && f.peak !== undefined && f.peak / 1024 <= t.rssBelowMiB;
        rows.push([name, fmtMiB(f.peak), `≤ ${t.rssBelowMiB} MiB`, pass ? 'PASS' : `FAIL${f.ok ? '' : ` (${cmd.label} failed)`}`]);
      } else if (t.sameOutput) {
        const name = `${group.id}: ${cmd.label}, output = without the cache`;
        if (!f) {
          rows.push([name, 'not available', 'identical', 'SKIPPED']);
          continue;
        }
        rows.push([name, `${f.runs - f.mismatches} of ${f.runs} identical`, 'identical', f.mismatches === 0 ? 'PASS' : 'FAIL']);
      }
    }
  }
  return rows;
}

// ---------------------------------------------------------------- the benchmark

const roots = [];
const cleanup = () => {
  rmSync(rssFile, { force: true });
  if (!opts.keep) for (const dir of roots) rmSync(dir, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

try {
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, ${os.platform()} ${os.arch()}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const targetRows = [['target', 'measured', 'limit', 'verdict']];
  const groups = [startupGroup(), ...sizes.map(([name, size, checkMax], i) => sizeGroup(name, size, { largest: i === sizes.length - 1, checkMax }))];
  for (const group of groups) {
    if (group.size) {
      const dir = mkdtempSync(path.join(os.tmpdir(), `cop-bench-${group.id}-`));
      roots.push(dir);
      group.root = path.join(dir, 'org');
      group.cache = path.join(dir, 'cache');
      group.clone = path.join(dir, 'clone');
      group.cloneCache = path.join(dir, 'clone-cache');
      const gen = await generateOrganisation(group.root, group.size);
      if (group.commands.some((c) => c.id === 'cache-clone')) makeRepository(group.root);
      const sz = group.size;
      group.description = `${gen.files} files, ${(gen.bytes / 1e6).toFixed(1)} MB: ${sz.cops} CoPs, ${sz.meetings} meetings, ${sz.people} people, seed ${sz.seed}; ${group.root}${opts.keep ? ', kept' : ''}`;
      if (opts.verify) {
        const v = runNode(['scripts/bench/verify.mjs', group.root, '--as-of', AS_OF]);
        console.log(`verify ${group.id}: ${lastLine(v.stdout) || lastLine(v.stderr)}`);
      }
    }
    targetRows.push(...judge(group, measureGroup(group)));
  }
  console.log('(baseline = scripts/bench/baseline.mjs: one thread, read + yaml parseDocument + ajv 2020 validate of every file;');
  console.log(' schema-only = scripts/bench/schema-only.mjs: the same with js-yaml, as ajv-cli does it)\n');
  printTable(targetRows);
  const failed = targetRows.filter((r) => r[3].startsWith('FAIL')).length;
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
