/**
 * Issue 14, "hangs" and "reads outside the repository": every case found, through the built CLI on
 * a copy of the bundled organisation. Each run has a timeout: a hang fails the test (status -1).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/render/diagnostics/json.js';
import { runCli } from '../helpers/cli.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

// A hang never ends; a loaded CI runner can take a while for one honest run.
const TIMEOUT = 90_000;
const cop = (root: string, ...args: string[]) => runCli([...args, '--root', root, '--as-of', AS_OF], { timeoutMs: TIMEOUT });
const checkJson = (root: string) => {
  const result = cop(root, 'check', '--format', 'json');
  return { ...result, report: result.stdout ? (JSON.parse(result.stdout) as JsonReport) : undefined };
};
const PASSWD_LINE = /root:x?:0:0/;

function replaceWith(root: string, file: string, make: (path: string) => void): void {
  rmSync(join(root, file), { force: true });
  mkdirSync(join(root, file, '..'), { recursive: true });
  make(join(root, file));
}
const fifo = (path: string) => execFileSync('mkfifo', [path]);

describe('special files never hang a command', { timeout: 300_000 }, () => {
  it('a FIFO cop.config.yaml: a finding on its path, at once', () => {
    const root = copyOrganisation();
    replaceWith(root, 'cop.config.yaml', fifo);
    const result = checkJson(root);
    expect(result.status).toBe(2); // the configuration is unusable: a configuration error
    expect(result.report!.diagnostics).toEqual([
      expect.objectContaining({ file: 'cop.config.yaml', ruleId: 'file', message: 'The file is not a regular file (it is a FIFO): not read.' }),
    ]);
    expect(cop(root, 'report').status).toBe(2);
  });

  it('a FIFO charter: a finding on its path, exit 1', () => {
    const root = copyOrganisation();
    replaceWith(root, 'cops/aws/charter.yaml', fifo);
    const result = checkJson(root);
    expect(result.status).toBe(1);
    expect(result.report!.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'cops/aws/charter.yaml', ruleId: 'file', message: 'The file is not a regular file (it is a FIFO): not read.' }),
    );
  });

  it('a FIFO at .github/CODEOWNERS: a finding, exit 1, for check and codeowners', () => {
    const root = copyOrganisation();
    replaceWith(root, '.github/CODEOWNERS', fifo);
    const result = checkJson(root);
    expect(result.status).toBe(1);
    expect(result.report!.diagnostics).toContainEqual(expect.objectContaining({ file: '.github/CODEOWNERS', ruleId: 'file' }));
    expect(cop(root, 'codeowners', '--write').status).toBe(2); // a write command on an unreadable part: exit 2, nothing changed
  });

  it('a FIFO meeting log: a finding, not silently skipped', () => {
    const root = copyOrganisation();
    replaceWith(root, 'cops/aws/meetings/2030-01-01.yaml', fifo);
    const result = checkJson(root);
    expect(result.report!.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'cops/aws/meetings/2030-01-01.yaml', ruleId: 'file', message: 'The file is not a regular file (it is a FIFO): not read.' }),
    );
  });
});

describe('files beside the data never hang a command either', { timeout: 300_000 }, () => {
  it('a FIFO as cop site\'s marker in --out: exit 2 naming it, at once', () => {
    const root = copyOrganisation();
    const out = join(root, 'site');
    mkdirSync(out);
    fifo(join(out, '.cop-site'));
    const result = cop(root, 'site', '--out', out);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/\.cop-site is not a regular file \(it is a FIFO\)/);
  });

  it('a FIFO package.json: cop init leaves it alone and says why, at once', () => {
    const root = copyOrganisation();
    fifo(join(root, 'package.json'));
    const result = runCli(['init', '--yes', '--format', 'json'], { cwd: root, timeoutMs: TIMEOUT });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).unchanged).toContainEqual({ file: 'package.json', reason: expect.stringMatching(/not a regular file \(it is a FIFO\)/) });
  });
});

describe('reads stay inside the repository and under the cap', { timeout: 300_000 }, () => {
  it('cop.config.yaml linked to /etc/passwd is refused and never quoted', () => {
    const root = copyOrganisation();
    replaceWith(root, 'cop.config.yaml', (path) => symlinkSync('/etc/passwd', path));
    for (const args of [['check'], ['check', '--format', 'json'], ['report'], ['health']]) {
      const result = cop(root, ...args);
      expect(result.status).toBe(2);
      expect(result.stdout + result.stderr).not.toMatch(PASSWD_LINE);
      expect(result.stdout + result.stderr).toMatch(/links outside the repository/);
    }
  });

  it('cop.config.yaml linked to /dev/zero is refused without reading it', () => {
    const root = copyOrganisation();
    replaceWith(root, 'cop.config.yaml', (path) => symlinkSync('/dev/zero', path));
    const result = checkJson(root);
    expect(result.status).toBe(2);
    expect(result.report!.diagnostics[0]).toMatchObject({ file: 'cop.config.yaml', message: 'The file links outside the repository: not read.' });
  });

  it('a charter linked to /dev/zero is refused once, with no second read to position findings', () => {
    const root = copyOrganisation();
    replaceWith(root, 'cops/aws/charter.yaml', (path) => symlinkSync('/dev/zero', path));
    const result = checkJson(root);
    expect(result.status).toBe(1);
    expect(result.report!.diagnostics.filter((d) => d.file === 'cops/aws/charter.yaml' && d.ruleId === 'file')).toHaveLength(1);
  });

  it('a CODEOWNERS over the cap is refused with a finding naming the cap', () => {
    const root = copyOrganisation();
    replaceWith(root, '.github/CODEOWNERS', (path) => writeFileSync(path, '* @someone\n'.repeat(120_000))); // ~1.3 MB
    const result = checkJson(root);
    expect(result.status).toBe(1);
    expect(result.report!.diagnostics).toContainEqual(
      expect.objectContaining({ file: '.github/CODEOWNERS', ruleId: 'file', message: expect.stringMatching(/larger than 1 MiB/) }),
    );
  });

  it('the cap is configurable in cop.config.yaml (max_file_kib)', () => {
    const root = copyOrganisation();
    writeFileSync(join(root, 'cop.config.yaml'), `${readFileSync(join(root, 'cop.config.yaml'), 'utf8')}\nmax_file_kib: 1\n`);
    const result = checkJson(root);
    expect(result.status).toBe(1);
    expect(result.report!.diagnostics).toContainEqual(expect.objectContaining({ file: 'people.yaml', message: expect.stringMatching(/larger than 1 KiB/) }));
  });

  it('`cop codeowners --write` never copies a CODEOWNERS linked to /etc/passwd into the repository', () => {
    const root = copyOrganisation();
    replaceWith(root, '.github/CODEOWNERS', (path) => symlinkSync('/etc/passwd', path));
    const result = cop(root, 'codeowners', '--write');
    expect(result.status).toBe(2);
    expect(result.stdout + result.stderr).not.toMatch(PASSWD_LINE);
    expect(result.stderr).toMatch(/links outside the repository/);
  });
});
