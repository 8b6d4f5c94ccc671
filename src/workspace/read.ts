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
 * `readGuardedText` gives the same text without the stamp, and so without the `fstat` for most
 * files (see wholeAtOnce): what `cop check` reads 60,000 times.
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
  /** Folders already resolved in this scope, by the folder as given: absolute, or relative to the root (see realFolder). */
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
/** Bytes read, with the stamp only when it was asked for. */
type BytesRead = { ok: true; bytes: Buffer; stamp?: string } | GuardedRefusal;

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

/** The file's text and its stamp (what `cop check --cache` compares), or why not. */
export function readGuarded(scope: ReadScope, file: string): GuardedRead {
  const read = readInto(scope, file, true);
  if (!read.ok) return read;
  const decoded = decodeText(read.bytes);
  if (decoded.ok) decoded.stamp = read.stamp;
  return decoded;
}

/** The file's text under the same guards, without its stamp: for most files, an open, one read and a close. */
export function readGuardedText(scope: ReadScope, file: string): GuardedRead {
  const read = readInto(scope, file, false);
  return read.ok ? decodeText(read.bytes) : read;
}

/** The same guards, for a file that is not text (the `--cache` file). */
export function readGuardedBytes(scope: ReadScope, file: string): GuardedBytes {
  const read = readInto(scope, file, true);
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

/** The file's bytes, in the scratch buffer when they fit (valid until the next read), and its stamp when `stamped`. */
function readInto(scope: ReadScope, file: string, stamped: true): GuardedBytes;
function readInto(scope: ReadScope, file: string, stamped: false): BytesRead;
function readInto(scope: ReadScope, file: string, stamped: boolean): BytesRead {
  const opened = openInside(scope, file);
  if (typeof opened !== 'number') return opened;
  const fd = opened;
  try {
    const whole = stamped ? undefined : wholeAtOnce(fd, scope.maxBytes);
    if (whole !== undefined) return { ok: true, bytes: whole };
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
    const bytes = grown.subarray(0, length);
    return stamped ? { ok: true, bytes, stamp: stampOf(info) } : { ok: true, bytes };
  } catch (error) {
    return refusal(`could not be read: ${reasonOf(error)}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of a file read in one call, when that call shows they are all of a regular file under
 * the cap; else undefined, and the caller takes the careful way (fstat first) for the message.
 * The read is at position 0 (pread): a FIFO or a terminal cannot be read at a position (ESPIPE),
 * a folder not at all (EISDIR), so those meet fstat even when a writer has put bytes in the pipe.
 * A short read of a regular file ends at its end; an empty read (an empty file, a device with
 * nothing to give) or a full one (a file as long as asked for, a device that never ends) is left
 * to fstat. Saves an fstat, its Stats object and the stamp per file: a quarter of the reading's CPU.
 */
function wholeAtOnce(fd: number, maxBytes: number): Buffer | undefined {
  const wanted = Math.min(SCRATCH_BYTES, maxBytes + 1);
  let length: number;
  try {
    length = readSync(fd, scratch, 0, wanted, 0);
  } catch {
    return undefined;
  }
  return length > 0 && length < wanted ? scratch.subarray(0, length) : undefined;
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

/**
 * An open descriptor on the file (relative to the scope's root, or absolute), inside the root, or
 * why not. Each folder is resolved once per scope: a big repository has tens of thousands of files
 * in a few hundred folders, and resolving every component of every path was most of a `cop check
 * --cache` run. The file itself is opened with O_NOFOLLOW, so a link fails with ELOOP (no lstat on
 * the common path) and is then resolved in full and checked again.
 */
function openInside(scope: ReadScope, file: string): number | GuardedRefusal {
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
    candidate = inResolvedFolder(scope, file);
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
    const real = realpathSync(isAbsolute(file) ? file : join(scope.root, file));
    return inside(real, scope.realRoot) ? openSync(real, OPEN_FLAGS) : outside;
  } catch (error) {
    return failed(error);
  }
}

/**
 * The file's path with its folder resolved. A relative path whose last part is a name is cut at
 * its last slash, its folder looked up as written: listed files' paths are already normal, and
 * joining, normalising and splitting each of 60,000 paths was a twelfth of the reading's CPU. Any other
 * path (absolute, or ending in `.`, `..` or a backslash, which Windows reads as a separator) is
 * normalised first, so a `..` can never be glued to a resolved folder.
 */
function inResolvedFolder(scope: ReadScope, file: string): string {
  const slash = file.lastIndexOf('/');
  const name = file.slice(slash + 1);
  if (isAbsolute(file) || name === '' || name === '.' || name === '..' || name.includes('\\')) {
    const path = isAbsolute(file) ? file : join(scope.root, file);
    return join(realFolder(scope, dirname(path)), basename(path));
  }
  const real = realFolder(scope, slash === -1 ? '' : file.slice(0, slash));
  return `${real}${real.endsWith(sep) ? '' : sep}${name}`;
}

/** The folder resolved, once per scope; `folder` is absolute or relative to the root (the two never share a key: only one is absolute). */
function realFolder(scope: ReadScope, folder: string): string {
  let real = scope.realFolders.get(folder);
  if (real === undefined) {
    real = realpathSync(isAbsolute(folder) ? folder : join(scope.root, folder));
    scope.realFolders.set(folder, real);
  }
  return real;
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
