/**
 * Atomic, non-clobbering writes: the text goes to a temporary file in the same folder, then is
 * linked (new files) or renamed (replacing a file the command owns) into place, so an interrupted
 * run never leaves a half-written file and an existing file is never overwritten by accident.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file exists already: the caller names it and stops. */
export class FileExistsError extends Error {
  override name = 'FileExistsError';
  constructor(readonly path: string) {
    super(`${path} already exists.`);
  }
}

function writeTemp(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}

/**
 * Creates `path` with `text`, refusing (FileExistsError) when it exists: the complete temporary
 * file is hard-linked into place, which fails atomically if the name is taken (`wx` semantics
 * without a window where a half-written file is visible).
 */
export function createFileAtomic(path: string, text: string): void {
  const temp = writeTemp(path, text);
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** Replaces (or creates) `path` with `text` through a temporary file and a rename (for a file the command owns or edits). */
export function replaceFileAtomic(path: string, text: string): void {
  const temp = writeTemp(path, text);
  try {
    renameSync(temp, path);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
}
