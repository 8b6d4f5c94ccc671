/**
 * Atomic writes: file-system failures are clear WriteErrors naming the path (no temp file left),
 * an edit refuses a file changed since it was read, and a new file never clobbers. The failures a
 * root user cannot provoke with mode bits (ENOSPC, EROFS, EXDEV, EACCES) are injected by mocking
 * node:fs; test/e2e/write-failures.test.ts provokes EACCES for real as an unprivileged user.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';

// `call` fails with `code` once it has succeeded `passes` times.
const failures = vi.hoisted(() => ({ call: '', code: '', passes: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const failing =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      if (failures.call === name && failures.passes-- <= 0) throw Object.assign(new Error(`${failures.code}: injected`), { code: failures.code });
      return fn(...args);
    };
  return {
    ...real,
    writeSync: failing('writeSync', real.writeSync),
    renameSync: failing('renameSync', real.renameSync),
    linkSync: failing('linkSync', real.linkSync),
    openSync: failing('openSync', real.openSync),
    fsyncSync: failing('fsyncSync', real.fsyncSync),
  };
});

const { createFileAtomic, FileExistsError, lockPath, pendingOwnedFile, replaceFileAtomic, writeNewFile, writeOwnedFileAtomic, WriteError } = await import('../../src/workspace/write.js');

afterEach(() => {
  failures.call = '';
  failures.code = '';
  failures.passes = 0;
});

function folderWith(text?: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cop-write-'));
  const path = join(dir, 'charter.yaml');
  if (text !== undefined) writeFileSync(path, text);
  return { dir, path };
}

describe('write failures', () => {
  const cases: [string, string, RegExp][] = [
    ['writeSync', 'ENOSPC', /no space left on the device \(ENOSPC\)/],
    ['fsyncSync', 'EIO', /an input\/output error \(EIO\)/],
    ['openSync', 'EACCES', /permission denied \(EACCES\)/],
    ['openSync', 'EROFS', /the file system is read-only \(EROFS\)/],
    ['renameSync', 'EXDEV', /different file systems \(EXDEV\)/],
  ];
  for (const [call, code, reason] of cases) {
    it(`${code} in ${call}: a WriteError naming the path, nothing changed, no temp file left`, () => {
      const { dir, path } = folderWith('status: active\n');
      failures.call = call;
      failures.code = code;
      let error: unknown;
      try {
        replaceFileAtomic(path, 'status: dissolved\n', 'status: active\n');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(WriteError);
      expect((error as Error).message).toMatch(new RegExp(`^cannot write ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).toMatch(/nothing was changed\.$/);
      expect(readFileSync(path, 'utf8')).toBe('status: active\n');
      expect(readdirSync(dir)).toEqual(['charter.yaml']);
    });
  }

  it('a failed link when creating a file leaves no temp file either', () => {
    const { dir, path } = folderWith();
    failures.call = 'linkSync';
    failures.code = 'ENOSPC';
    expect(() => createFileAtomic(path, 'a: 1\n')).toThrow(WriteError);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a file written from chunks', () => {
  const utf8 = new TextEncoder();

  it('holds the chunks in order, whatever they are: empty, one byte, a character cut in two, large', () => {
    const { dir, path } = folderWith('old page\n');
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constant('€'.repeat(30_000)), fc.constant(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 12 }), (texts, cuts) => {
        const whole = Buffer.from(utf8.encode(texts.join('')));
        // The bytes cut at arbitrary places, so a chunk may end inside a character.
        const at = [...new Set(cuts.map((cut) => cut % (whole.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((start, i) => whole.subarray(start, [...at, whole.length][i]));
        expect(writeOwnedFileAtomic(path, chunks)).toBe(whole.length);
        expect(readFileSync(path).equals(whole)).toBe(true);
        expect(readFileSync(path, 'utf8')).toBe(texts.join(''));
      }),
      { numRuns: 60 },
    );
    expect(readdirSync(dir)).toEqual(['charter.yaml']);
  });

  it('writes a chunk as it comes: the generator runs while the temporary file is open, and nothing is in place before the last', () => {
    const { dir, path } = folderWith('old page\n');
    const seen: string[][] = [];
    function* chunks() {
      for (const part of ['<p>', 'a'.repeat(100_000), '</p>\n']) {
        seen.push(readdirSync(dir).sort());
        expect(readFileSync(path, 'utf8')).toBe('old page\n');
        yield utf8.encode(part);
      }
    }
    writeOwnedFileAtomic(path, chunks());
    expect(readFileSync(path, 'utf8')).toBe(`<p>${'a'.repeat(100_000)}</p>\n`);
    expect(seen.every((names) => names.length === 2 && names.some((name) => /^\.charter\.yaml\.\d+\.[0-9a-f]{8}\.tmp$/.test(name)))).toBe(true);
    expect(readdirSync(dir)).toEqual(['charter.yaml']);
  });

  it('a generator failing half way leaves the old file and no temporary file, and its error is given back as it is', () => {
    const { dir, path } = folderWith('old page\n');
    const broken = new Error('the report could not be computed');
    function* chunks() {
      yield utf8.encode('<p>half');
      throw broken;
    }
    expect(() => writeOwnedFileAtomic(path, chunks())).toThrow(broken);
    expect(readFileSync(path, 'utf8')).toBe('old page\n');
    expect(readdirSync(dir)).toEqual(['charter.yaml']);
    const fresh = join(dir, 'new.html');
    expect(() => writeOwnedFileAtomic(fresh, chunks())).toThrow(broken);
    expect(readdirSync(dir)).toEqual(['charter.yaml']);
  });

  it('ENOSPC on the second chunk: a WriteError, the old file intact, no temporary file', () => {
    const { dir, path } = folderWith('old page\n');
    failures.call = 'writeSync';
    failures.code = 'ENOSPC';
    failures.passes = 1;
    expect(() => writeOwnedFileAtomic(path, [utf8.encode('first '), utf8.encode('second')])).toThrow(new WriteError(`cannot write ${path}: no space left on the device (ENOSPC); nothing was changed.`));
    expect(readFileSync(path, 'utf8')).toBe('old page\n');
    expect(readdirSync(dir)).toEqual(['charter.yaml']);
  });

  it('a pending owned file: its temporary file written apart (as by a worker thread), then moved into place, or removed', () => {
    const { dir, path } = folderWith('old page\n');
    const pending = pendingOwnedFile(path);
    expect(writeNewFile(pending.temp, path, [utf8.encode('new '), utf8.encode('page\n')], false)).toBe(9);
    expect(readFileSync(path, 'utf8')).toBe('old page\n');
    pending.moveIntoPlace();
    expect(readFileSync(path, 'utf8')).toBe('new page\n');
    const dropped = pendingOwnedFile(path);
    writeNewFile(dropped.temp, path, 'never placed\n', false);
    dropped.remove();
    expect(readFileSync(path, 'utf8')).toBe('new page\n');
    expect(readdirSync(dir)).toEqual(['charter.yaml']);
    fs.symlinkSync(path, join(dir, 'link.html'));
    expect(() => pendingOwnedFile(join(dir, 'link.html'))).toThrow(/it is a symbolic link, not a regular file/);
  });
});

describe('edits and new files never clobber', () => {
  it('refuses to replace a file changed since it was read, and leaves the other change in place', () => {
    const { dir, path } = folderWith('status: active\n');
    writeFileSync(path, 'status: active\nnote: someone else\n');
    expect(() => replaceFileAtomic(path, 'status: dissolved\n', 'status: active\n')).toThrow(/was changed by someone else while cop ran; nothing was written/);
    expect(readFileSync(path, 'utf8')).toBe('status: active\nnote: someone else\n');
    expect(readdirSync(dir)).toEqual(['charter.yaml']);
  });

  it('refuses to create a file that appeared since it was found missing', () => {
    const { path } = folderWith('a: 1\n');
    expect(() => replaceFileAtomic(path, 'b: 2\n', undefined)).toThrow(/changed by someone else/);
  });

  it('replaces the file when it still holds what was read, leaving no lock or temp file', () => {
    const { dir, path } = folderWith('status: active\n');
    replaceFileAtomic(path, 'status: dissolved\n', 'status: active\n');
    expect(readFileSync(path, 'utf8')).toBe('status: dissolved\n');
    expect(readdirSync(dir)).toEqual(['charter.yaml']);
  });

  it('replaces a file larger than the default cap (a larger max_file_kib) when it still holds what was read', () => {
    const big = `status: active\n${'# note\n'.repeat(200_000)}`; // 1.4 MB
    const { path } = folderWith(big);
    replaceFileAtomic(path, big.replace('active', 'dissolved'), big);
    expect(readFileSync(path, 'utf8').startsWith('status: dissolved\n')).toBe(true);
  });

  it('creates a new file exclusively', () => {
    const { dir, path } = folderWith('a: 1\n');
    expect(() => createFileAtomic(path, 'b: 2\n')).toThrow(FileExistsError);
    expect(readFileSync(path, 'utf8')).toBe('a: 1\n');
    expect(readdirSync(dir)).toEqual(['charter.yaml']);
  });

  it('replaces a file it owns, but never a link, a FIFO or a folder in its place', () => {
    const { dir, path } = folderWith('old page\n');
    writeOwnedFileAtomic(path, 'new page\n');
    expect(readFileSync(path, 'utf8')).toBe('new page\n');
    const link = join(dir, 'link.html');
    fs.symlinkSync(path, link);
    const fifo = join(dir, 'fifo.html');
    execFileSync('mkfifo', [fifo]);
    fs.mkdirSync(join(dir, 'folder.html'));
    for (const [name, kind] of [['link.html', 'a symbolic link'], ['fifo.html', 'a FIFO'], ['folder.html', 'a folder']]) {
      expect(() => writeOwnedFileAtomic(join(dir, name!), 'x\n')).toThrow(new WriteError(`cannot write ${join(dir, name!)}: it is ${kind}, not a regular file; nothing was changed.`));
    }
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('new page\n');
    expect(readdirSync(dir).sort()).toEqual(['charter.yaml', 'fifo.html', 'folder.html', 'link.html']);
  });

  it('waits for another run holding the lock, then refuses when the lock stays', () => {
    const { path } = folderWith('a: 1\n');
    fs.writeFileSync(lockPath(path), '');
    expect(() => replaceFileAtomic(path, 'a: 2\n', 'a: 1\n')).toThrow(/is being changed by another cop run/);
    expect(readFileSync(path, 'utf8')).toBe('a: 1\n');
  });
});
