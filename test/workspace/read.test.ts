/** The guarded reader: special files, links out of the root, the size cap, encodings. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES, formatBytes, readGuarded, readScope, refusalFinding, stampOf } from '../../src/workspace/read.js';

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'cop-read-'));
  mkdirSync(join(root, 'sub'));
  return root;
}

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe('readGuarded', () => {
  it('reads a regular file inside the root as text, BOM kept', () => {
    const root = folder();
    writeFileSync(join(root, 'sub/a.yaml'), '\uFEFFa: 1\r\n');
    expect(readGuarded(readScope(root), 'sub/a.yaml')).toEqual({ ok: true, text: '\uFEFFa: 1\r\n', stamp: stampOf(statSync(join(root, 'sub/a.yaml'))) });
  });

  it('says a missing file is missing', () => {
    expect(readGuarded(readScope(folder()), 'nothing.yaml')).toMatchObject({ ok: false, missing: true });
  });

  it('refuses a FIFO at once instead of blocking', () => {
    const root = folder();
    mkfifo(join(root, 'pipe.yaml'));
    expect(readGuarded(readScope(root), 'pipe.yaml')).toEqual({ ok: false, missing: false, message: 'is not a regular file (it is a FIFO): not read' });
  });

  it('refuses a link to a character device (/dev/zero) without reading it', () => {
    const root = folder();
    symlinkSync('/dev/zero', join(root, 'zero.yaml'));
    // /dev is outside the root: refused as a link out before it is even opened.
    expect(readGuarded(readScope(root), 'zero.yaml')).toMatchObject({ ok: false, message: 'links outside the repository: not read' });
    // With the whole file system as the root, fstat refuses it.
    expect(readGuarded(readScope('/'), '/dev/zero')).toMatchObject({ ok: false, message: 'is not a regular file (it is a character device): not read' });
  });

  it('refuses a link to a file outside the root, never quoting it', () => {
    const root = folder();
    symlinkSync('/etc/passwd', join(root, 'config.yaml'));
    const read = readGuarded(readScope(root), 'config.yaml');
    expect(read).toEqual({ ok: false, missing: false, message: 'links outside the repository: not read' });
  });

  it("refuses a link into a sibling folder whose name starts with the root's", () => {
    const root = folder();
    mkdirSync(`${root}-sibling`);
    writeFileSync(`${root}-sibling/secret.yaml`, 'a: 1\n');
    symlinkSync(`${root}-sibling/secret.yaml`, join(root, 'near.yaml'));
    expect(readGuarded(readScope(root), 'near.yaml')).toEqual({ ok: false, missing: false, message: 'links outside the repository: not read' });
    // The root itself is inside: a link to a file at its top is followed.
    writeFileSync(join(root, 'top.yaml'), 'b: 2\n');
    symlinkSync('../top.yaml', join(root, 'sub/up.yaml'));
    expect(readGuarded(readScope(root), 'sub/up.yaml')).toMatchObject({ ok: true, text: 'b: 2\n' });
  });

  it('follows a link that stays inside the root', () => {
    const root = folder();
    writeFileSync(join(root, 'sub/real.yaml'), 'a: 1\n');
    symlinkSync('sub/real.yaml', join(root, 'alias.yaml'));
    // The stamp is the file's the link leads to: what was read.
    expect(readGuarded(readScope(root), 'alias.yaml')).toEqual({ ok: true, text: 'a: 1\n', stamp: stampOf(statSync(join(root, 'sub/real.yaml'))) });
  });

  it('refuses a folder in place of a file', () => {
    const root = folder();
    expect(readGuarded(readScope(root), 'sub')).toMatchObject({ ok: false, missing: false, message: 'is not a regular file (it is a folder): not read' });
  });

  it('enforces the cap given to the scope: at the cap read, one byte over refused', () => {
    const root = folder();
    writeFileSync(join(root, 'at.yaml'), 'x'.repeat(2048));
    writeFileSync(join(root, 'over.yaml'), 'x'.repeat(2049));
    const scope = readScope(root, 2048);
    expect(readGuarded(scope, 'at.yaml')).toMatchObject({ ok: true });
    expect(readGuarded(scope, 'over.yaml')).toEqual({ ok: false, missing: false, message: 'is 3 KiB, larger than 2 KiB, the limit for a file cop reads: not read' });
  });

  it('refuses text that is not UTF-8 and binary files', () => {
    const root = folder();
    writeFileSync(join(root, 'latin1.yaml'), Buffer.from('name: caf\xe9\n', 'latin1'));
    writeFileSync(join(root, 'nul.yaml'), Buffer.from([0x61, 0x00, 0x62]));
    expect(readGuarded(readScope(root), 'latin1.yaml')).toMatchObject({ ok: false, message: 'is not UTF-8 text (save it as UTF-8): not read' });
    expect(readGuarded(readScope(root), 'nul.yaml')).toMatchObject({ ok: false, message: 'is not text (it contains NUL bytes): not read' });
  });

  it('defaults to 1 MiB and words the cap for people', () => {
    expect(readScope(folder()).maxBytes).toBe(DEFAULT_MAX_FILE_BYTES);
    expect([formatBytes(1024 * 1024), formatBytes(512 * 1024), formatBytes(300)]).toEqual(['1 MiB', '512 KiB', '300 bytes']);
  });

  it('turns a refusal into a finding at the start of the file', () => {
    expect(refusalFinding('cop.config.yaml', 'links outside the repository: not read')).toEqual({
      ruleId: 'file',
      severity: 'error',
      message: 'The file links outside the repository: not read.',
      file: 'cop.config.yaml',
      start: { line: 1, column: 1 },
      end: { line: 1, column: 1 },
    });
  });
});
