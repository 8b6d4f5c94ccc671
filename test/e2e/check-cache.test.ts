/** `cop check --cache`: the same findings and exit code as without it, whatever state the cache is in. */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, type CliResult } from '../helpers/cli.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';
import { CACHE_FORMAT } from '../../src/workspace/check-cache.js';
import { readCacheFile, writeCacheFile } from '../helpers/cache-file.js';

const CHARTER = 'cops/aws/charter.yaml';
const check = (root: string, ...extra: string[]) => runCli(['check', '--root', root, '--as-of', AS_OF, '--format', 'json', ...extra]);
const defaultCache = (root: string) => join(root, 'node_modules/.cache/cop/check-cache.bin');
const readCache = readCacheFile;
const pick = ({ status, stdout }: CliResult) => ({ status, stdout });
const same = (a: CliResult, b: CliResult) => expect(pick(a)).toEqual(pick(b));

describe('cop check --cache', () => {
  it('fills the cache under the data root, then answers from it with the same output', () => {
    const root = copyOrganisation();
    const cold = check(root, '--cache');
    expect(cold.stderr).toBe('');
    expect(existsSync(defaultCache(root))).toBe(true);
    same(check(root, '--cache'), cold);
    same(check(root), cold);
  }, 120_000);

  it('really reads the cached results of unchanged files', () => {
    const root = copyOrganisation();
    check(root, '--cache');
    // Plant a finding in the cached result of an unchanged charter: a warm run must report it.
    const cache = readCache(defaultCache(root));
    const planted = { ruleId: 'schema', severity: 'error' as const, message: 'Planted in the cache.', file: CHARTER, start: { line: 1, column: 1 } };
    const entry = cache.cops.get('aws')!.charter!;
    entry.diagnostics = [...(entry.diagnostics ?? []), planted];
    writeCacheFile(defaultCache(root), cache);
    expect(check(root, '--cache').stdout).toContain('Planted in the cache.');
    // A file touched but not changed (new times, as in a fresh clone) is read and hashed, not parsed again.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, CHARTER), later, later);
    expect(check(root, '--cache').stdout).toContain('Planted in the cache.');
    // Kept with its new stamps: the next run takes it by them, and writes nothing.
    const written = statSync(defaultCache(root)).mtimeMs;
    expect(check(root, '--cache').stdout).toContain('Planted in the cache.');
    expect(statSync(defaultCache(root)).mtimeMs).toBe(written);
    // Any change to the file's text makes the cache give way to a fresh parse.
    appendFileSync(join(root, CHARTER), '# edited\n');
    expect(check(root, '--cache').stdout).not.toContain('Planted in the cache.');
  }, 120_000);

  it('takes an unchanged CoP\'s rule findings from the cache, and checks it again when a file, the day or people.yaml changed', () => {
    const root = copyOrganisation();
    check(root, '--cache');
    const cache = readCache(defaultCache(root));
    const planted = { ruleId: 'min-members', severity: 'error' as const, message: 'Planted rule finding.', file: CHARTER, start: { line: 1, column: 1 } };
    cache.cops.get('aws')!.findings.diagnostics.push(planted);
    writeCacheFile(defaultCache(root), cache);
    expect(check(root, '--cache').stdout).toContain('Planted rule finding.');
    expect(runCli(['check', '--root', root, '--as-of', '2026-11-21', '--format', 'json', '--cache']).stdout).not.toContain('Planted rule finding.');
    writeCacheFile(defaultCache(root), cache);
    const meeting = join(root, 'cops/aws/meetings', readdirSync(join(root, 'cops/aws/meetings'))[0]!);
    appendFileSync(meeting, '# edited\n');
    expect(check(root, '--cache').stdout).not.toContain('Planted rule finding.');
  }, 120_000);

  it('re-runs the rules that read other files: a person removed is found in cached charters', () => {
    const root = copyOrganisation();
    check(root, '--cache');
    const people = readFileSync(join(root, 'people.yaml'), 'utf8');
    // Drop lucy.chen's entry: charters and meetings that name her (unchanged, cached) must now fail.
    const without = people.replace(/\n  - id: lucy\.chen\n(?: {4}.*\n)*/, '\n');
    expect(without).not.toBe(people);
    writeFileSync(join(root, 'people.yaml'), without);
    const warm = check(root, '--cache');
    expect(warm.status).toBe(1);
    expect(warm.stdout).toMatch(/lucy\.chen/);
    same(warm, check(root));
  }, 120_000);

  // COP_WORKERS=2: the folders are looked at by a helper thread too (src/workspace/snapshots.ts), as in an organisation of 100 CoPs or more.
  it.each([['this thread', {}], ['helper threads', { COP_WORKERS: '2' }]])('gives a cold run\'s output after CoPs and meetings are added, removed or refused (%s)', (_, env: NodeJS.ProcessEnv) => {
    const root = copyOrganisation();
    const check = (...args: string[]) => runCli(['check', '--root', root, '--as-of', AS_OF, '--format', 'json', ...args], { env });
    check('--cache');
    const steps: [string, () => void][] = [
      ['a meeting added to a cached CoP', () => cpSync(join(root, 'cops/aws/meetings', readdirSync(join(root, 'cops/aws/meetings'))[0]!), join(root, 'cops/aws/meetings/2026-11-01.yaml'))],
      ['a meeting removed', () => rmSync(join(root, 'cops/aws/meetings/2026-11-01.yaml'))],
      ['a CoP without a charter added', () => mkdirSync(join(root, 'cops/empty'))],
      ['a CoP removed', () => rmSync(join(root, 'cops/mobile'), { recursive: true })],
      ['a meeting linked out of the root', () => symlinkSync(join(root, '..'), join(root, 'cops/aws/meetings/2026-11-02.yaml'))],
      ['an unknown file in a CoP\'s folder', () => writeFileSync(join(root, 'cops/aws/notes.txt'), 'notes\n')],
      ['a meeting log saved as .yml', () => writeFileSync(join(root, 'cops/aws/meetings/2026-11-03.yml'), 'date: 2026-11-03\n')],
      ['nothing changed since', () => {}],
    ];
    for (const [step, change] of steps) {
      change();
      expect({ step, ...pick(check('--cache')) }).toEqual({ step, ...pick(check()) });
    }
  }, 120_000);

  it('with generated READMEs (compared with every CoP\'s meetings) gives a cold run\'s output', () => {
    const root = copyOrganisation();
    expect(runCli(['readme', '--write', '--root', root, '--as-of', AS_OF]).status).toBe(0);
    same(check(root, '--cache'), check(root));
    same(check(root, '--cache'), check(root));
    // A meeting removed, and a charter renamed (its README is then out of date).
    rmSync(join(root, 'cops/aws/meetings', readdirSync(join(root, 'cops/aws/meetings'))[0]!));
    writeFileSync(join(root, CHARTER), readFileSync(join(root, CHARTER), 'utf8').replace(/^name: .*$/m, 'name: Amazon Web Services'));
    const warm = check(root, '--cache');
    expect(warm.stdout).toContain('readme-current');
    same(warm, check(root));
  }, 120_000);

  it('ignores a truncated, corrupt or foreign cache and rebuilds it', () => {
    const root = copyOrganisation();
    const cold = check(root, '--cache');
    const whole = readFileSync(defaultCache(root));
    for (const bad of [whole.subarray(0, 1000), Buffer.from('\u0000\u0001binary'), Buffer.from('{"format":"eslint"}')]) {
      writeFileSync(defaultCache(root), bad);
      const run = check(root, '--cache');
      same(run, cold);
      expect(run.stderr).toBe('');
      expect(readCache(defaultCache(root)).format).toBe(CACHE_FORMAT);
    }
  }, 120_000);

  it('takes --cache-location, and warns but keeps the exit code when the cache cannot be written', () => {
    const root = copyOrganisation();
    const cold = check(root);
    const location = join(root, 'my-cache.bin');
    same(check(root, '--cache-location', location), cold);
    expect(existsSync(location)).toBe(true);
    // A path under a file cannot be written: the check still reports, with a one-line warning.
    const blocked = check(root, '--cache', '--cache-location', join(root, 'people.yaml', 'cache.bin'));
    same(blocked, cold);
    expect(blocked.stderr).toMatch(/^cop: cannot write .*cache\.bin: .*; the next run will not be faster\.\n$/);
  }, 120_000);

  it('never replaces a link or a FIFO at --cache-location: it says so, and the check stands', () => {
    const root = copyOrganisation();
    const cold = check(root);
    const target = join(root, 'elsewhere.bin');
    writeFileSync(target, 'not a cache');
    const link = join(root, 'linked-cache.bin');
    symlinkSync(target, link);
    const linked = check(root, '--cache-location', link);
    same(linked, cold);
    expect(linked.stderr).toBe(`cop: cannot write ${link}: it is a symbolic link, not a regular file; the next run will not be faster.\n`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('not a cache');

    const fifo = join(root, 'fifo-cache.bin');
    execFileSync('mkfifo', [fifo]);
    const piped = check(root, '--cache-location', fifo);
    same(piped, cold);
    expect(piped.stderr).toBe(`cop: cannot write ${fifo}: it is a FIFO, not a regular file; the next run will not be faster.\n`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  }, 120_000);

  it('survives two runs writing the same cache at once', async () => {
    const root = copyOrganisation();
    const cold = check(root);
    const location = join(root, 'shared-cache.bin');
    const runConcurrently = () =>
      new Promise<CliResult>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'check', '--root', root, '--as-of', AS_OF, '--format', 'json', '--cache-location', location], { env: { ...process.env, NO_COLOR: '1' } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
      });
    for (let round = 0; round < 2; round++) {
      appendFileSync(join(root, CHARTER), `# round ${round}\n`); // both runs have something to write
      const runs = await Promise.all([runConcurrently(), runConcurrently(), runConcurrently()]);
      for (const run of runs) same(run, cold);
      expect(readCache(location).format).toBe(CACHE_FORMAT);
      same(check(root, '--cache-location', location), cold);
    }
  }, 120_000);
});
