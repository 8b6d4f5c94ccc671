/**
 * `cop site` rendering the CoPs' pages in worker threads (src/site/page-pool.ts) against the same
 * in this thread (COP_WORKERS=0), through the built CLI (workers load dist/site/page-worker.js:
 * this needs `npm run build`): the same files, byte for byte, the same summary and exit code, with
 * any number of threads, named, anonymised, and with a meeting log in error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { fileTree } from '../helpers/file-tree.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

function expectSameTree(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [path, bytes] of expected) expect(actual.get(path)!.equals(bytes), path).toBe(true);
}

let generated: string;
beforeAll(() => {
  generated = join(mkdtempSync(join(tmpdir(), 'cop-site-workers-')), 'org');
  // Twelve CoPs: each thread renders several, and their files must land where siteFiles puts them.
  execFileSync(process.execPath, ['scripts/bench/generate.mjs', generated, '--cops', '12', '--meetings', '1200', '--people', '60', '--seed', '5'], { cwd: REPO_ROOT });
});

function site(root: string, workers: string | undefined, ...flags: string[]) {
  const out = join(mkdtempSync(join(tmpdir(), 'cop-site-out-')), 'site');
  const result = runCli(['site', '--root', root, '--out', out, '--as-of', AS_OF, '--format', 'json', ...flags], { env: workers === undefined ? {} : { COP_WORKERS: workers } });
  const summary = result.stdout === '' ? null : (JSON.parse(result.stdout) as { out: string; bytes: number; files: string[] });
  return { result, summary, files: fileTree(out), out };
}

describe('cop site with the CoP pages in worker threads', () => {
  for (const flags of [[], ['--anonymise']]) {
    it(`writes the same files and says the same with 1, 2 or 3 threads and by default${flags.length ? ', anonymised' : ''}`, () => {
      const alone = site(generated, '0', ...flags);
      expect(alone.result.stderr).toBe('');
      expect(alone.result.status).toBe(0);
      expect(alone.summary!.files.filter((path) => path.startsWith('cops/'))).toHaveLength(12);
      // The summary's byte count is the files' (the count once lost the pages placed while a year report was written).
      expect(alone.summary!.bytes).toBe([...alone.files.entries()].filter(([path]) => path !== '.cop-site').reduce((sum, [, bytes]) => sum + bytes.length, 0));
      for (const workers of ['1', '2', '3', undefined]) {
        const pooled = site(generated, workers, ...flags);
        expect(pooled.result.stderr, workers).toBe('');
        expect(pooled.result.status, workers).toBe(0);
        expect({ ...pooled.summary, out: '' }).toEqual({ ...alone.summary, out: '' });
        expectSameTree(pooled.files, alone.files);
      }
    });
  }

  it('writes the same incomplete site, banner and exit code, with a meeting log in error', () => {
    const root = copyOrganisation();
    const log = join(root, 'cops/aws/meetings/2026-11-12.yaml');
    writeFileSync(log, readFileSync(log, 'utf8').replace(/^duration_minutes: .*$/m, 'duration_minutes: an hour'));
    const alone = site(root, '0');
    expect(alone.result.status).toBe(1);
    expect(alone.result.stderr).toMatch(/Every page says so at its top/);
    expect(alone.files.get('cops/aws.html')!.toString('utf8')).toContain('2026-11-12.yaml');
    const pooled = site(root, '3');
    expect(pooled.result.status).toBe(1);
    expect(pooled.result.stderr).toBe(alone.result.stderr);
    expectSameTree(pooled.files, alone.files);
  });

  it('never writes a worker-rendered page through a link in its place, says how many files were written, and leaves no temporary file', () => {
    const first = site(generated, '3');
    const page = join(first.out, 'cops', readdirSync(join(first.out, 'cops'))[5]!);
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'cop-elsewhere-')), 'page.html');
    writeFileSync(elsewhere, 'mine');
    unlinkSync(page);
    symlinkSync(elsewhere, page);
    const again = runCli(['site', '--root', generated, '--out', first.out, '--as-of', AS_OF], { env: { COP_WORKERS: '3' } });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(new RegExp(`cannot write ${page.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: it is a symbolic link, not a regular file; (1 file before it was|\\d+ files before it were) written, the rest were not: run cop site again once this is fixed\\.`));
    expect(readFileSync(elsewhere, 'utf8')).toBe('mine');
    expect([...fileTree(first.out).keys()].filter((path) => path.endsWith('.tmp'))).toEqual([]);
  });
});
