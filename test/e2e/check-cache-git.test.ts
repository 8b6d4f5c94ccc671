/**
 * `cop check --cache` in a git work tree: after a fresh clone, a CoP folder git holds as HEAD does
 * is known by its tree id, its files not read. The cache's key stays exact: in a clone, and with a
 * modified, untracked, staged or renamed file, or line endings converted on checkout, a warm run's
 * findings are a cold run's. Each CoP's cached record carries a planted finding, so the test sees
 * which CoPs came from the cache (planted finding present) and which were checked again (absent);
 * people.yaml's cached entry carries one too.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readCacheFile, writeCacheFile } from '../helpers/cache-file.js';
import { GIT_INDEX_MIN_FILES } from '../../src/workspace/git-index.js';
import { REPO_ROOT, runCliAsync } from '../helpers/cli.js';
import { AS_OF } from '../helpers/org-copy.js';

/** The data files this process opens (the guarded reader opens each file it reads with openSync). */
const opened = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => (await import('../helpers/opened-files.js')).recordingOpens(await importOriginal(), opened));
/** The git commands the loader runs (with execFile; the test's own run with execFileSync). */
const ran = vi.hoisted(() => ({ git: [] as string[][] }));
vi.mock('node:child_process', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:child_process')>();
  const execFile = ((command: string, args: string[], ...rest: unknown[]) => {
    if (command === 'git') ran.git.push(args);
    return (real.execFile as (...all: unknown[]) => unknown)(command, args, ...rest);
  }) as typeof real.execFile;
  return { ...real, execFile, default: { ...real, execFile } };
});
const { runInProcess } = await import('../helpers/in-process.js');

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

interface Finding {
  file: string;
  line: number;
  ruleId: string;
  message: string;
}
const check = async (root: string, ...extra: string[]) => {
  const { status, stdout, stderr } = await runInProcess(['check', '--root', root, '--as-of', AS_OF, '--format', 'json', ...extra], root);
  expect(stderr).toBe('');
  return { status, diagnostics: (JSON.parse(stdout) as { diagnostics: Finding[] }).diagnostics };
};
const PLANTED = /^Planted in (.+)\.$/;

let origin: string; // the organisation's repository, with a cache made by a cold run and a finding planted per CoP
let originCache: string;
let cops: string[];

beforeAll(async () => {
  origin = join(mkdtempSync(join(tmpdir(), 'cop-cache-git-')), 'org');
  // Enough meeting logs for the loader to ask git rather than read them.
  const size = ['--cops', '4', '--meetings', String(GIT_INDEX_MIN_FILES + 100), '--people', '40', '--seed', '7'];
  execFileSync(process.execPath, ['scripts/bench/generate.mjs', origin, ...size], { cwd: REPO_ROOT });
  git(origin, 'init', '-q');
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'organisation');
  originCache = join(origin, '..', 'cache', 'check-cache.bin');
  await check(origin, '--cache', '--cache-location', originCache);
  const cache = readCacheFile(originCache);
  cops = [...cache.cops.keys()].sort();
  for (const id of cops) {
    cache.cops.get(id)!.findings.diagnostics.push({ ruleId: 'min-members', severity: 'error', message: `Planted in ${id}.`, file: `cops/${id}/charter.yaml`, start: { line: 1, column: 1 } });
  }
  cache.people!.diagnostics.push({ ruleId: 'schema', severity: 'error', message: 'Planted in people.yaml.', file: 'people.yaml', start: { line: 1, column: 1 } });
  writeCacheFile(originCache, cache);
}, 300_000);

/** A fresh clone of the organisation (git clone `options`), with the cache file restored beside it. */
function freshClone(...options: string[]) {
  const top = mkdtempSync(join(tmpdir(), 'cop-clone-'));
  const root = join(top, 'org');
  git(top, 'clone', '-q', ...options, origin, root);
  const cache = join(top, 'cache', 'check-cache.bin');
  mkdirSync(join(top, 'cache'));
  copyFileSync(originCache, cache);
  return { root, cache };
}

/** Runs warm (the restored cache) and cold (no cache); their findings must agree but for the planted ones. Returns the CoPs taken from the cache. */
async function warmEqualsCold(root: string, cache: string) {
  opened.files = [];
  ran.git = [];
  const warm = await check(root, '--cache', '--cache-location', cache);
  const meetingsRead = opened.files.filter((file) => file.includes(`${sep}meetings${sep}`)).length;
  const gitRan = ran.git.length > 0;
  const cold = await check(root);
  const planted = warm.diagnostics.filter((d) => PLANTED.test(d.message));
  expect(warm.diagnostics.filter((d) => !PLANTED.test(d.message))).toEqual(cold.diagnostics);
  expect(warm.status).toBe(planted.length > 0 ? 1 : cold.status);
  const copsFromCache = planted.filter((d) => d.file !== 'people.yaml').map((d) => PLANTED.exec(d.message)![1]).sort();
  return { fromCache: copsFromCache, peopleFromCache: planted.length > copsFromCache.length, meetingsRead, gitRan, cold: cold.diagnostics };
}
/** A meeting log's text with its date made invalid, the same number of bytes. */
const sameSizeChange = (text: string) => text.replace(/^date: (\d{4})-/m, 'date: $1/');
/**
 * Writes a file's stat data now into its entry of the index (version 2), and dates the index to the
 * second the file was changed in: what git leaves when it records a file and the file changes again
 * within the same second.
 */
function recordStatInIndex(root: string, file: string) {
  const path = join(root, '.git', 'index');
  const index = readFileSync(path);
  const name = Buffer.from(`${file}\0`);
  const start = index.indexOf(name) - 62;
  expect(start).toBeGreaterThan(0);
  const info = lstatSync(join(root, file), { bigint: true });
  const seconds = (ns: bigint) => Number(ns / 1_000_000_000n);
  const nanoseconds = (ns: bigint) => Number(ns % 1_000_000_000n);
  [seconds(info.ctimeNs), nanoseconds(info.ctimeNs), seconds(info.mtimeNs), nanoseconds(info.mtimeNs), Number(info.dev), Number(info.ino)].forEach((value, i) => index.writeUInt32BE(value >>> 0, start + 4 * i));
  index.writeUInt32BE(Number(info.size), start + 36);
  createHash('sha1').update(index.subarray(0, index.length - 20)).digest().copy(index, index.length - 20);
  writeFileSync(path, index);
  const second = new Date(seconds(info.mtimeNs) * 1000);
  utimesSync(path, second, second);
}
/**
 * The meeting logs of the CoPs git's index cannot vouch for in `root`: those with a file modified no
 * earlier than the index was written (a clone's last files can share the index's clock tick). The
 * loader reads such a CoP's files, as git itself would look at them again.
 */
function meetingsOfRacyCops(root: string): number {
  const written = lstatSync(join(root, '.git', 'index'), { bigint: true }).mtimeNs;
  const filesUnder = (folder: string): string[] => readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]));
  let meetings = 0;
  for (const cop of readdirSync(join(root, 'cops'))) {
    const files = filesUnder(join(root, 'cops', cop));
    if (files.some((file) => lstatSync(file, { bigint: true }).mtimeNs >= written)) meetings += files.filter((file) => file.includes(`${sep}meetings${sep}`)).length;
  }
  return meetings;
}
const aMeeting = (root: string, cop: string) => `cops/${cop}/meetings/${readdirSync(join(root, 'cops', cop, 'meetings')).sort()[0]}`;
const others = (cop: string) => cops.filter((id) => id !== cop);
/** A warm run equal to a cold one, which took every CoP but `cop` from the cache, and a cold run with a finding on `file`. */
async function expectCheckedAgain(root: string, cache: string, cop: string, file: string): Promise<void> {
  const { fromCache, cold } = await warmEqualsCold(root, cache);
  expect(fromCache).toEqual(others(cop));
  expect(cold.some((d) => d.file === file)).toBe(true);
}

describe('cop check --cache in a git work tree', () => {
  it('takes every CoP of a fresh clone from the cache, reading no meeting log the index vouches for', async () => {
    const { root, cache } = freshClone();
    const racy = meetingsOfRacyCops(root);
    const { fromCache, peopleFromCache, meetingsRead, gitRan } = await warmEqualsCold(root, cache);
    expect(fromCache).toEqual(cops);
    expect(peopleFromCache).toBe(true);
    // None, unless the clone wrote a CoP's last files in the tick it wrote the index in (then that CoP's, and the same findings).
    expect(meetingsRead).toBeLessThanOrEqual(racy);
    // git's index file answered: git was not asked to go over the files again.
    expect(gitRan).toBe(false);
    // The cache now holds the clone's stamps: the next run does not ask again.
    expect((await warmEqualsCold(root, cache)).fromCache).toEqual(cops);
  }, 120_000);

  it('checks again the CoP of a modified file', async () => {
    const { root, cache } = freshClone();
    const file = aMeeting(root, cops[0]!);
    appendFileSync(join(root, file), 'not_a_field: 1\n');
    await expectCheckedAgain(root, cache, cops[0]!, file);
  }, 120_000);

  it('checks again the CoP of an untracked file', async () => {
    const { root, cache } = freshClone();
    const file = `cops/${cops[1]}/meetings/2026-11-19.yaml`;
    writeFileSync(join(root, file), 'date: 2026-11-19\n');
    await expectCheckedAgain(root, cache, cops[1]!, file);
  }, 120_000);

  it('checks again the CoP of a file staged but not committed', async () => {
    const { root, cache } = freshClone();
    const file = aMeeting(root, cops[2]!);
    appendFileSync(join(root, file), 'not_a_field: 1\n');
    git(root, 'add', file);
    await expectCheckedAgain(root, cache, cops[2]!, file);
  }, 120_000);

  it('checks again the CoP of a renamed file', async () => {
    const { root, cache } = freshClone();
    const file = aMeeting(root, cops[3]!);
    git(root, 'mv', file, file.replace(/\.yaml$/, '-2.yaml'));
    expect((await warmEqualsCold(root, cache)).fromCache).toEqual(others(cops[3]!));
  }, 120_000);

  it('checks again the CoP of a file whose content changed but not its size', async () => {
    const { root, cache } = freshClone();
    const file = aMeeting(root, cops[1]!);
    writeFileSync(join(root, file), sameSizeChange(readFileSync(join(root, file), 'utf8')));
    await expectCheckedAgain(root, cache, cops[1]!, file);
  }, 120_000);

  it('checks again the CoP of a file changed in the second the index was written, its stat data as git recorded it (racily clean)', async () => {
    const { root, cache } = freshClone();
    const file = aMeeting(root, cops[2]!);
    writeFileSync(join(root, file), sameSizeChange(readFileSync(join(root, file), 'utf8')));
    // As if git had recorded the file after the change, then written the index within the same second.
    recordStatInIndex(root, file);
    await expectCheckedAgain(root, cache, cops[2]!, file);
  }, 120_000);

  it('reads an index of version 4 (paths compressed) without asking git', async () => {
    const { root, cache } = freshClone();
    git(root, 'update-index', '--index-version', '4');
    expect(readFileSync(join(root, '.git', 'index')).readUInt32BE(4)).toBe(4);
    const file = aMeeting(root, cops[3]!);
    appendFileSync(join(root, file), 'not_a_field: 1\n');
    const { fromCache, gitRan } = await warmEqualsCold(root, cache);
    expect(fromCache).toEqual(others(cops[3]!));
    expect(gitRan).toBe(false);
  }, 120_000);

  // The built CLI, whose look has a helper thread (COP_WORKERS=2): a helper that finds many files changed reads git's index for the loader.
  it('gives the same findings with the look\'s helper thread, which may read git\'s index', async () => {
    const { root, cache } = freshClone();
    const file = aMeeting(root, cops[0]!);
    appendFileSync(join(root, file), 'not_a_field: 1\n');
    const built = (...extra: string[]) => runCliAsync(['check', '--root', root, '--as-of', AS_OF, '--format', 'json', ...extra], { env: { COP_WORKERS: '2' } });
    const warm = await built('--cache', '--cache-location', cache);
    const cold = await built();
    expect(warm.stderr).toBe('');
    const findings = (result: { stdout: string }) => (JSON.parse(result.stdout) as { diagnostics: Finding[] }).diagnostics;
    const planted = findings(warm).filter((d) => PLANTED.test(d.message) && d.file !== 'people.yaml').map((d) => PLANTED.exec(d.message)![1]).sort();
    expect(planted).toEqual(others(cops[0]!));
    expect(findings(warm).filter((d) => !PLANTED.test(d.message))).toEqual(findings(cold));
  }, 120_000);

  it('does not take git\'s ids for files whose line endings git converted on checkout (core.autocrlf)', async () => {
    const { root, cache } = freshClone('-c', 'core.autocrlf=true');
    expect(readFileSync(join(root, aMeeting(root, cops[0]!)), 'utf8')).toContain('\r\n');
    const { fromCache, peopleFromCache, meetingsRead } = await warmEqualsCold(root, cache);
    expect(fromCache).toEqual([]);
    expect(peopleFromCache).toBe(false);
    expect(meetingsRead).toBeGreaterThan(GIT_INDEX_MIN_FILES);
  }, 120_000);
});
