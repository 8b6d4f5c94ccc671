/**
 * Atomic, non-clobbering writes: the text goes to a temporary file in the same folder, then is
 * linked (new files) or renamed (replacing a file the command edits) into place, so an interrupted
 * run never leaves a half-written file and an existing file is never overwritten by accident.
 *
 * - A temporary file is removed on every failure path, and on SIGINT/SIGTERM while one exists.
 * - An edit names the text it read: just before the rename, under a lock file, the file must
 *   still hold it, else nothing is written ("changed by someone else"), so no decision is lost.
 * - A file-system failure (ENOSPC, EACCES, EROFS, EXDEV…) is a WriteError naming the path and
 *   saying that nothing was changed (exit 2), never an internal error.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statfsSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, parse, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import { reasonOf } from '../core/fs-errors.js';
import { DEFAULT_MAX_FILE_BYTES, kindName, readGuarded, readScope } from './read.js';

/** Whether anything is at `path` (a file, a folder, a link, even a broken one): what a write must not clobber. */
export function pathTaken(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The file exists already: the caller names it and stops. */
export class FileExistsError extends Error {
  override name = 'FileExistsError';
  constructor(readonly path: string) {
    super(`${path} already exists.`);
  }
}

/** A write the file system refused, or an edit that lost a race: exit 2, nothing was changed. */
export class WriteError extends UsageError {
  override name = 'WriteError';
}

/**
 * A command that writes several files and failed after `written` of them: the error says so, and
 * what to do (`rerun`), instead of "nothing was changed". Any other error is given back as it is.
 */
export function partWritten(error: unknown, written: number, rerun: string): unknown {
  if (!(error instanceof WriteError) || written === 0) return error;
  const before = written === 1 ? '1 file before it was written' : `${written} files before it were written`;
  return new WriteError(error.message.replace(/nothing was changed\.$/, `${before}, the rest were not: ${rerun}.`));
}

/** A WriteError for a failed file-system call on `path`; anything that is not an errno error is rethrown. */
export function writeFailure(path: string, error: unknown): WriteError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === undefined || error instanceof WriteError) throw error;
  return new WriteError(`cannot write ${path}: ${reasonOf(error)}; nothing was changed.`);
}

// Temporary files and folders that exist right now: removed on SIGINT/SIGTERM before exiting.
const pending = new Set<string>();
const onSignal = (signal: NodeJS.Signals) => {
  for (const path of pending) rmSync(path, { recursive: true, force: true });
  process.exit(signal === 'SIGINT' ? 130 : 143);
};

/** Registers a temporary path; the returned function removes it and unregisters it. */
export function trackTemporary(path: string): () => void {
  if (pending.size === 0) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  pending.add(path);
  return () => {
    rmSync(path, { recursive: true, force: true });
    pending.delete(path);
    if (pending.size === 0) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  };
}

/** A name beside `path` that no other run uses: `.<name>.<pid>.<random>.tmp`. */
export function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** What a write puts in a file: its text, its bytes, or its bytes in chunks, written as they come so a large file is never whole in memory. */
export type FileContents = string | Uint8Array | Iterable<Uint8Array>;

/**
 * Writes `contents` to `temp`, a file it creates (never one that exists, nor through a link), and
 * returns the bytes written; on any failure the file is gone and the error is writeFailure's for
 * `path`. `durable`: flushed to the disk first (see writeOwnedFileAtomic for when not).
 */
export function writeNewFile(temp: string, path: string, contents: FileContents, durable = true): number {
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o644);
  } catch (error) {
    throw writeFailure(path, error);
  }
  let bytes = 0;
  try {
    try {
      const chunks = typeof contents === 'string' ? [Buffer.from(contents)] : contents instanceof Uint8Array ? [contents] : contents;
      for (const chunk of chunks) {
        for (let written = 0; written < chunk.length; ) written += writeSync(fd, chunk, written);
        bytes += chunk.length;
      }
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw writeFailure(path, error);
  }
  return bytes;
}

/** Creates the folder `path` goes in, if missing. */
function makeFolderFor(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw writeFailure(path, error);
  }
}

/**
 * Writes `contents` to a new temporary file beside `path`; on any failure the temporary file is
 * gone. `durable`: flushed to the disk before the rename (see writeOwnedFileAtomic for when not).
 */
function writeTemp(path: string, contents: FileContents, durable = true): { temp: string; remove: () => void; bytes: number } {
  const temp = temporaryName(path);
  makeFolderFor(path);
  const remove = trackTemporary(temp);
  try {
    return { temp, remove, bytes: writeNewFile(temp, path, contents, durable) };
  } catch (error) {
    remove();
    throw error;
  }
}

/**
 * Creates `path` with `text`, refusing (FileExistsError) when it exists: the complete temporary
 * file is hard-linked into place, which fails atomically if the name is taken (`wx` semantics
 * without a window where a half-written file is visible).
 */
export function createFileAtomic(path: string, text: string): void {
  const { temp, remove } = writeTemp(path, text);
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
    throw writeFailure(path, error);
  } finally {
    remove();
  }
}

/**
 * Replaces `path` with `text` through a temporary file and a rename. `expected` is the text the
 * command read and edited (undefined: the file did not exist): if the file no longer holds it,
 * nothing is written. The check and the rename happen under a lock file (lockPath), so two cop runs
 * cannot both pass the check.
 */
export function replaceFileAtomic(path: string, text: string, expected: string | undefined): void {
  const { temp, remove } = writeTemp(path, text);
  try {
    withLock(path, () => {
      // The cap only has to admit what was read: anything larger differs from it anyway.
      const cap = Math.max(DEFAULT_MAX_FILE_BYTES, Buffer.byteLength(expected ?? ''));
      const current = readGuarded(readScope(parse(path).root, cap), path);
      const now = current.ok ? current.text : current.missing ? undefined : null;
      if (now !== expected) throw new WriteError(`${path} was changed by someone else while cop ran; nothing was written. Run the command again.`);
      moveInto(temp, path);
    });
  } finally {
    remove();
  }
}

/**
 * Replaces a generated file the command owns outright (a site page, a calendar, the check cache):
 * no read to check against. Not flushed to the disk first: the rename still means no reader ever
 * sees half a file, and after a crash such a file can at worst be empty or old, which running the
 * command again repairs (the cache ignores a file it cannot read). A flush per page was the
 * largest part of `cop site`'s own time at 500 CoPs. Returns the bytes written.
 */
export function writeOwnedFileAtomic(path: string, contents: FileContents): number {
  const pending = pendingOwnedFile(path);
  let bytes: number;
  try {
    makeFolderFor(path);
    bytes = writeNewFile(pending.temp, path, contents, false);
  } catch (error) {
    pending.remove();
    throw error;
  }
  pending.moveIntoPlace();
  return bytes;
}

/** An owned file (writeOwnedFileAtomic) whose temporary file is written elsewhere, e.g. by a worker thread, with writeNewFile. */
export interface PendingOwnedFile {
  /** The temporary file to write: this thread removes it on SIGINT/SIGTERM, which a worker thread is not told of. */
  readonly temp: string;
  /** Renames the written temporary file into place. */
  moveIntoPlace(): void;
  /** Removes the temporary file, if it is still there. */
  remove(): void;
}

/** Names and registers the temporary file for a write of `path`, having checked that `path` is cop's to replace (refuseUnlessRegular). */
export function pendingOwnedFile(path: string): PendingOwnedFile {
  refuseUnlessRegular(path);
  const temp = temporaryName(path);
  const remove = trackTemporary(temp);
  return {
    temp,
    moveIntoPlace: () => {
      try {
        moveInto(temp, path);
      } finally {
        remove();
      }
    },
    remove,
  };
}

/**
 * A file cop owns may be replaced; anything else at its path (a link, a FIFO, a folder, a device) is
 * the user's: the rename would put a file in its place, so nothing is written.
 */
function refuseUnlessRegular(path: string): void {
  let info;
  try {
    info = lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw writeFailure(path, error);
  }
  if (info && !info.isFile()) throw new WriteError(`cannot write ${path}: it is ${kindName(info)}, not a regular file; nothing was changed.`);
}

/** The rename that makes a write happen; a failure names the path the user asked for. */
function moveInto(temp: string, path: string): void {
  try {
    renameSync(temp, path);
  } catch (error) {
    throw writeFailure(path, error);
  }
}

/**
 * Kernel file systems by their statfs magic number: writing there is never what the user meant, and
 * some (procfs) make a recursive mkdir loop for ever instead of failing.
 */
const KERNEL_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1373, 'devfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0xcafe4a11, 'bpf'],
  [0x6165676c, 'pstore'],
  [0x62656570, 'configfs'],
  [0x42494e4d, 'binfmt_misc'],
]);
/** Where the kernel's files live, whatever file system holds them (on some machines /dev is a tmpfs). */
const KERNEL_FOLDERS = ['/proc', '/sys', '/dev'];

/**
 * Refuses (UsageError, exit 2) an output path that is not somewhere a command may write its files:
 * `kind` 'folder' (created when missing) or 'file'. The path must not be a symbolic link, must be
 * (or be made in) a real folder, and that folder must be on an ordinary file system, not /proc,
 * /sys or /dev. Costs a few stat calls, made before anything is written.
 */
export function checkOutputPath(path: string, kind: 'folder' | 'file', shown: string): void {
  const info = statOf(path, shown);
  if (info?.isSymbolicLink()) throw new UsageError(`${shown} is a symbolic link; cop writes only into a real ${kind}, never through a link.`);
  if (info && (kind === 'folder' ? !info.isDirectory() : !info.isFile())) throw new UsageError(`${shown} is ${kindName(info)}, not a ${kind === 'folder' ? 'folder' : 'regular file'}: choose another --out.`);
  let existing = kind === 'file' || !info ? dirname(path) : path;
  while (!statOf(existing, shown)) existing = dirname(existing);
  const real = realpathSync(existing);
  if (!statSync(real).isDirectory()) throw new UsageError(`${shown}: ${existing} is not a folder, so nothing can be written there.`);
  const fileSystem = KERNEL_FILE_SYSTEMS.get(Number(statfsSync(real).type));
  const kernelFolder = KERNEL_FOLDERS.find((folder) => real === folder || real.startsWith(folder + sep));
  if (fileSystem || kernelFolder) {
    const where = fileSystem ? `on the ${fileSystem} file system` : `under ${kernelFolder}`;
    throw new UsageError(`${shown} is ${where}, where the kernel keeps its own files: cop writes only into an ordinary folder. Choose another --out.`);
  }
}

/** lstat, with undefined for a path that does not exist (also under a file); other failures are a UsageError. */
function statOf(path: string, shown: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UsageError(`${shown}: cannot look at ${path} (${reasonOf(error)}); nothing was written.`);
  }
}

const LOCK_WAIT_MS = 5_000;
const STALE_LOCK_MS = 30_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * The lock beside `path`: `.<name>.lock`, hidden like the temporary files, so another cop run
 * checking the folder meanwhile never takes it for a file someone put there (rule unknown-file).
 */
export function lockPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.lock`);
}

/** Runs `body` holding the lock beside `path` (lockPath, created exclusively); waits a little for another run's lock. */
function withLock(path: string, body: () => void): void {
  const lock = lockPath(path);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx', 0o644));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw writeFailure(path, error);
      if (isStale(lock)) rmSync(lock, { force: true });
      else if (Date.now() > deadline) throw new WriteError(`${path} is being changed by another cop run (${lock} exists); nothing was written.`);
      else Atomics.wait(sleeper, 0, 0, 10 + Math.random() * 20);
    }
  }
  const release = trackTemporary(lock);
  try {
    body();
  } finally {
    release();
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false;
  }
}
