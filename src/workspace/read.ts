/**
 * The one guarded way `cop` reads a file. Every file the tool reads (config, people, charters,
 * meeting logs, CODEOWNERS, answers files…) goes through `readGuarded`, so a hostile or unlucky
 * repository can never make it hang, read without limit, or read through a link out of the root.
 *
 * API (small on purpose):
 *   const scope = readScope(root, maxBytes?)  // the boundary folder and the one byte cap
 *   const read = readGuarded(scope, file)     // file: relative to scope.root (forward slashes) or absolute
 *   if (read.ok) use(read.text)               // the whole file as UTF-8 text (a BOM is kept)
 *   else if (read.missing) …                  // nothing there (or a broken link)
 *   else report(read.message)                 // a refusal: "not a regular file (a FIFO)…"
 *   refusalFinding(file, read.message)        // the same refusal as a finding (`file` rule)
 *
 * How: the path is resolved (realpath) and must stay inside the root; it is opened with
 * O_NONBLOCK (a FIFO cannot block the open) and O_NOFOLLOW (see openInside); `fstat` on the open descriptor must
 * say "regular file" of at most the cap, and the read stops at the cap even if the file grows
 * meanwhile. A refusal never quotes the file's content, so nothing from outside the root leaks.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, sep } from 'node:path';
import { reasonOf } from '../core/fs-errors.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { FILE_START } from './locate.js';

/** The default cap: a charter or a meeting log is a few kilobytes; CODEOWNERS of 500 CoPs is ~50 KiB. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Where reads may go (`root`, already resolved) and how many bytes a file may have. */
export interface ReadScope {
  readonly root: string;
  readonly realRoot: string;
  readonly maxBytes: number;
  /** Folders already resolved in this scope (see openInside). */
  readonly realFolders: Map<string, string>;
}

/** Why a file was not read. `missing`: no such file (or a broken link); otherwise `message` says why it was refused. */
export interface GuardedRefusal {
  ok: false;
  missing: boolean;
  message: string;
}

/** `stamp`: the file's metadata when it was read (see stampOf); absent for text that came from elsewhere (git). */
export type GuardedRead = { ok: true; text: string; stamp?: string } | GuardedRefusal;
export type GuardedBytes = { ok: true; bytes: Buffer; stamp: string } | GuardedRefusal;

/**
 * What the file system says of a file's identity and last change: size, modification and change
 * times, inode and device. Any write changes the change time, which nobody can set back, so an
 * equal stamp means the bytes read then are the bytes there now (`cop check --cache` trusts it).
 */
export function stampOf(info: Stats): string {
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}:${info.dev}`;
}

/** A scope for reads under `root` (which must exist); `maxBytes` defaults to 1 MiB. */
export function readScope(root: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): ReadScope {
  return { root, realRoot: realpathSync(root), maxBytes, realFolders: new Map() };
}

/** "1 MiB", "512 KiB", "300 bytes": the cap as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** What a path that is not a regular file is, as a message names it: "a FIFO", "a symbolic link" (from lstat)… */
export function kindName(info: Stats): string {
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'a special file';
}

/** The refusal for a file over the cap; `size` is unknown when the file grew while being read. */
export function tooLargeMessage(size: number | undefined, maxBytes: number): string {
  return `${size === undefined ? 'grew' : `is ${Math.ceil(size / 1024)} KiB,`} larger than ${formatBytes(maxBytes)}, the limit for a file cop reads: not read`;
}

/** Whether a resolved path is the root or under it (compared in place: this runs once per file read). */
const inside = (real: string, realRoot: string) =>
  real.startsWith(realRoot) && (real.length === realRoot.length || realRoot.endsWith(sep) || real.startsWith(sep, realRoot.length));

export function readGuarded(scope: ReadScope, file: string): GuardedRead {
  const read = readInto(scope, file);
  if (!read.ok) return read;
  const decoded = decodeText(read.bytes);
  if (decoded.ok) decoded.stamp = read.stamp;
  return decoded;
}

/** The same guards, for a file that is not text (the `--cache` file). */
export function readGuardedBytes(scope: ReadScope, file: string): GuardedBytes {
  const read = readInto(scope, file);
  // Bytes in the scratch buffer are copied out: the next read overwrites them.
  return read.ok && read.bytes.buffer === scratch.buffer ? { ...read, bytes: Buffer.from(read.bytes) } : read;
}

/**
 * One buffer for every small file this thread reads: a buffer per file would be tens of
 * thousands of allocations outside the JavaScript heap, and each makes the garbage collector run
 * sooner (a tenth of a 5,000-file check). Reads are synchronous, so nothing else uses it meanwhile.
 */
const SCRATCH_BYTES = 256 * 1024;
const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);

const refusal = (message: string): GuardedRefusal => ({ ok: false, missing: false, message });

/** The file's bytes, in the scratch buffer when they fit (valid until the next read). */
function readInto(scope: ReadScope, file: string): GuardedBytes {
  const opened = openInside(scope, isAbsolute(file) ? file : join(scope.root, file));
  if (typeof opened !== 'number') return opened;
  const fd = opened;
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return refusal(`is not a regular file (it is ${kindName(info)}): not read`);
    if (info.size > scope.maxBytes) return refusal(tooLargeMessage(info.size, scope.maxBytes));
    // Read to the cap plus one byte: a file that grows past the cap while being read is refused too.
    const wanted = Math.min(scope.maxBytes + 1, Math.max(info.size + 1, 4096));
    const buffer = wanted <= SCRATCH_BYTES ? scratch.subarray(0, wanted) : Buffer.allocUnsafe(wanted);
    let length = 0;
    let grown = buffer;
    for (;;) {
      if (length === grown.length) {
        if (grown.length > scope.maxBytes) return refusal(tooLargeMessage(undefined, scope.maxBytes));
        const bigger = Buffer.allocUnsafe(Math.min(scope.maxBytes + 1, grown.length * 2));
        grown.copy(bigger, 0, 0, length);
        grown = bigger;
      }
      const wantedNow = grown.length - length;
      const n = readSync(fd, grown, length, wantedNow, null);
      length += n;
      // A regular file reads short only at its end: no second call to be told so (60,000 calls saved at 60k files).
      if (n < wantedNow) break;
    }
    if (length > scope.maxBytes) return refusal(tooLargeMessage(undefined, scope.maxBytes));
    return { ok: true, bytes: grown.subarray(0, length), stamp: stampOf(info) };
  } catch (error) {
    return refusal(`could not be read: ${reasonOf(error)}`);
  } finally {
    closeSync(fd);
  }
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

/**
 * An open descriptor on the file the path names, inside the scope's root, or why not. Each folder
 * is resolved once per scope: a big repository has tens of thousands of files in a few hundred
 * folders, and resolving every component of every path was most of a `cop check --cache` run.
 * The file itself is opened with O_NOFOLLOW, so a link fails with ELOOP (no lstat on the common
 * path) and is then resolved in full and checked again.
 */
function openInside(scope: ReadScope, path: string): number | GuardedRefusal {
  const failed = (error: unknown): GuardedRefusal => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true, message: 'does not exist' };
    // ENXIO: a FIFO or socket opened without blocking, with nobody at the other end.
    if (code === 'ENXIO') return { ok: false, missing: false, message: 'is not a regular file: not read' };
    return { ok: false, missing: false, message: `could not be read: ${reasonOf(error)}` };
  };
  const outside: GuardedRefusal = { ok: false, missing: false, message: 'links outside the repository: not read' };
  let candidate: string;
  try {
    const folder = dirname(path);
    let realFolder = scope.realFolders.get(folder);
    if (realFolder === undefined) {
      realFolder = realpathSync(folder);
      scope.realFolders.set(folder, realFolder);
    }
    candidate = join(realFolder, basename(path));
  } catch (error) {
    return failed(error);
  }
  if (!inside(candidate, scope.realRoot)) return outside;
  try {
    return openSync(candidate, OPEN_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOOP') return failed(error);
  }
  try {
    const real = realpathSync(path);
    return inside(real, scope.realRoot) ? openSync(real, OPEN_FLAGS) : outside;
  } catch (error) {
    return failed(error);
  }
}

/**
 * The stamp of the file at `file` now, without reading it; undefined when it cannot be had. A warm
 * `cop check --cache` asks for 60,000 of them, so a relative path (a listed data file's, already
 * normal) is appended to the root rather than normalised by join.
 */
export function stampAt(scope: ReadScope, file: string): string | undefined {
  try {
    const info = statSync(isAbsolute(file) ? file : `${scope.root}${sep}${file}`, { throwIfNoEntry: false });
    return info?.isFile() ? stampOf(info) : undefined;
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 text or a refusal: cop never guesses an encoding (an edit would corrupt the file). */
export function decodeText(bytes: Uint8Array): GuardedRead {
  if (bytes.includes(0)) return { ok: false, missing: false, message: 'is not text (it contains NUL bytes): not read' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, missing: false, message: 'is not UTF-8 text (save it as UTF-8): not read' };
  }
}

/** A refusal as a finding at the start of the file (rule `file`, an error: exit 1). */
export function refusalFinding(file: string, message: string): Diagnostic {
  return { ruleId: 'file', severity: 'error', message: `The file ${message}.`, file, ...FILE_START };
}
