/** The guarded reader: special files, links out of the root, the size cap, encodings. */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, statSync, symlinkSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES, formatBytes, readGuarded, readGuardedText, readScope, refusalFinding, stampOf, type GuardedRead, type ReadScope } from '../../src/workspace/read.js';

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'cop-read-'));
  mkdirSync(join(root, 'sub'));
  return root;
}

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

// The stamped read (what `--cache` keeps) and the text alone (what `cop check` reads) keep the same guards.
const READERS: [name: string, read: (scope: ReadScope, file: string) => GuardedRead, stamped: boolean][] = [
  ['readGuarded', readGuarded, true],
  ['readGuardedText', readGuardedText, false],
];

describe.each(READERS)('%s', (_name, read, stamped) => {
  const stampIf = (info: Stats) => (stamped ? { stamp: stampOf(info) } : {});

  it('reads a regular file inside the root as text, BOM kept', () => {
    const root = folder();
    writeFileSync(join(root, 'sub/a.yaml'), '\uFEFFa: 1\r\n');
    expect(read(readScope(root), 'sub/a.yaml')).toEqual({ ok: true, text: '\uFEFFa: 1\r\n', ...stampIf(statSync(join(root, 'sub/a.yaml'))) });
  });

  it('says a missing file is missing', () => {
    expect(read(readScope(folder()), 'nothing.yaml')).toMatchObject({ ok: false, missing: true });
  });

  it('refuses a FIFO at once instead of blocking', () => {
    const root = folder();
    mkfifo(join(root, 'pipe.yaml'));
    expect(read(readScope(root), 'pipe.yaml')).toEqual({ ok: false, missing: false, message: 'is not a regular file (it is a FIFO): not read' });
  });

  it('refuses a FIFO that holds bytes from a writer still attached, never reading them', () => {
    const root = folder();
    const pipe = join(root, 'pipe.yaml');
    mkfifo(pipe);
    // Opened for reading and writing, a FIFO opens at once (Linux) and keeps a writer attached.
    const writer = openSync(pipe, constants.O_RDWR | constants.O_NONBLOCK);
    try {
      writeSync(writer, 'a: 1\n');
      expect(read(readScope(root), 'pipe.yaml')).toEqual({ ok: false, missing: false, message: 'is not a regular file (it is a FIFO): not read' });
    } finally {
      closeSync(writer);
    }
  });

  it('reads an empty file as empty text', () => {
    const root = folder();
    writeFileSync(join(root, 'empty.yaml'), '');
    expect(read(readScope(root), 'empty.yaml')).toEqual({ ok: true, text: '', ...stampIf(statSync(join(root, 'empty.yaml'))) });
  });

  it('reads a file longer than one read whole, under the default cap', () => {
    const root = folder();
    const text = `${'# a long comment line\n'.repeat(20_000)}a: 1\n`;
    writeFileSync(join(root, 'long.yaml'), text);
    expect(read(readScope(root), 'long.yaml')).toMatchObject({ ok: true, text });
  });

  it('reads files at the root and in folders named oddly, never gluing `..` to a folder', () => {
    const root = folder();
    writeFileSync(join(root, 'top.yaml'), 'a: 1\n');
    writeFileSync(join(root, 'sub/b.yaml'), 'b: 2\n');
    const scope = readScope(join(root, 'sub'));
    expect(read(scope, 'b.yaml')).toMatchObject({ ok: true, text: 'b: 2\n' });
    expect(read(scope, './b.yaml')).toMatchObject({ ok: true, text: 'b: 2\n' });
    // Out of the root by `..`, in any spelling: refused (as a link out: the resolved path is outside).
    for (const out of ['../top.yaml', 'x/../../top.yaml', '..', '.']) expect(read(scope, out)).toMatchObject({ ok: false });
    expect(read(scope, '../top.yaml')).toMatchObject({ message: 'links outside the repository: not read' });
  });

  it('refuses a link to a character device (/dev/zero) without reading it', () => {
    const root = folder();
    symlinkSync('/dev/zero', join(root, 'zero.yaml'));
    // /dev is outside the root: refused as a link out before it is even opened.
    expect(read(readScope(root), 'zero.yaml')).toMatchObject({ ok: false, message: 'links outside the repository: not read' });
    // With the whole file system as the root, fstat refuses it.
    expect(read(readScope('/'), '/dev/zero')).toMatchObject({ ok: false, message: 'is not a regular file (it is a character device): not read' });
    // A device that gives nothing is not an empty file.
    expect(read(readScope('/'), '/dev/null')).toMatchObject({ ok: false, message: 'is not a regular file (it is a character device): not read' });
  });

  it('refuses a link to a file outside the root, never quoting it', () => {
    const root = folder();
    symlinkSync('/etc/passwd', join(root, 'config.yaml'));
    expect(read(readScope(root), 'config.yaml')).toEqual({ ok: false, missing: false, message: 'links outside the repository: not read' });
  });

  it("refuses a link into a sibling folder whose name starts with the root's", () => {
    const root = folder();
    mkdirSync(`${root}-sibling`);
    writeFileSync(`${root}-sibling/secret.yaml`, 'a: 1\n');
    symlinkSync(`${root}-sibling/secret.yaml`, join(root, 'near.yaml'));
    expect(read(readScope(root), 'near.yaml')).toEqual({ ok: false, missing: false, message: 'links outside the repository: not read' });
    // The root itself is inside: a link to a file at its top is followed.
    writeFileSync(join(root, 'top.yaml'), 'b: 2\n');
    symlinkSync('../top.yaml', join(root, 'sub/up.yaml'));
    expect(read(readScope(root), 'sub/up.yaml')).toMatchObject({ ok: true, text: 'b: 2\n' });
  });

  it('follows a link that stays inside the root', () => {
    const root = folder();
    writeFileSync(join(root, 'sub/real.yaml'), 'a: 1\n');
    symlinkSync('sub/real.yaml', join(root, 'alias.yaml'));
    // The stamp is the file's the link leads to: what was read.
    expect(read(readScope(root), 'alias.yaml')).toEqual({ ok: true, text: 'a: 1\n', ...stampIf(statSync(join(root, 'sub/real.yaml'))) });
  });

  it('refuses a folder in place of a file', () => {
    const root = folder();
    expect(read(readScope(root), 'sub')).toMatchObject({ ok: false, missing: false, message: 'is not a regular file (it is a folder): not read' });
  });

  it('enforces the cap given to the scope: at the cap read, one byte over refused', () => {
    const root = folder();
    writeFileSync(join(root, 'at.yaml'), 'x'.repeat(2048));
    writeFileSync(join(root, 'over.yaml'), 'x'.repeat(2049));
    const scope = readScope(root, 2048);
    expect(read(scope, 'at.yaml')).toMatchObject({ ok: true });
    expect(read(scope, 'over.yaml')).toEqual({ ok: false, missing: false, message: 'is 3 KiB, larger than 2 KiB, the limit for a file cop reads: not read' });
  });

  it('refuses text that is not UTF-8 and binary files', () => {
    const root = folder();
    writeFileSync(join(root, 'latin1.yaml'), Buffer.from('name: caf\xe9\n', 'latin1'));
    writeFileSync(join(root, 'nul.yaml'), Buffer.from([0x61, 0x00, 0x62]));
    expect(read(readScope(root), 'latin1.yaml')).toMatchObject({ ok: false, message: 'is not UTF-8 text (save it as UTF-8): not read' });
    expect(read(readScope(root), 'nul.yaml')).toMatchObject({ ok: false, message: 'is not text (it contains NUL bytes): not read' });
  });
});

describe('readGuarded', () => {
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
