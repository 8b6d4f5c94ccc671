/** Reads one data file through the guarded reader and parses it; a refusal is a finding. */
import type { Validate } from '../schema/validator.js';
import { parseDataFile, type DataFile, type ParsedFile } from './parse.js';
import { readGuarded, readGuardedText, refusalFinding, type GuardedRead, type ReadScope } from './read.js';
import { digestOf, textHash } from './texts.js';

/** Without the file's stamp (only `--cache` keeps stamps, and it reads through runJob). */
export function readDataFile(scope: ReadScope, dataFile: DataFile, validate: Validate): ParsedFile {
  return parseRead(dataFile, readGuardedText(scope, dataFile.file), validate);
}

/**
 * A guarded read parsed, or its refusal as a finding. The text is kept, for positioning findings
 * later; with `shed`, a meeting log's text is traded for its digest instead (texts.ts).
 */
export function parseRead(dataFile: DataFile, read: GuardedRead, validate: Validate, shed = false): ParsedFile {
  if (!read.ok) return { ...dataFile, diagnostics: [refusalFinding(dataFile.file, read.message)] };
  // The parse result is a new object: adding to it costs much less than copying it, 60,000 times in a big check.
  const parsed = parseDataFile(dataFile, read.text, validate);
  if (shed && parsed.kind === 'meeting') parsed.digest = digestOf(read.text);
  else parsed.text = read.text;
  if (read.stamp !== undefined) parsed.stamp = read.stamp;
  return parsed;
}

/** One data file of a load; `hashOnly` when `cop check --cache` first compares its content hash (check-cache.ts). */
export interface ParseJob extends DataFile {
  hashOnly?: boolean;
}

/** A file read and hashed, not parsed: its content hash and its stamp now. */
export interface Hashed {
  hash: string;
  stamp: string;
}

/**
 * A job done where it is run (this thread or a worker): hashed only when asked and the file was
 * read, else parsed, a meeting log's text traded for its digest (texts.ts).
 */
export function runJob(scope: ReadScope, { hashOnly, ...dataFile }: ParseJob, validate: Validate): ParsedFile | Hashed {
  const read = readGuarded(scope, dataFile.file);
  if (hashOnly && read.ok && read.stamp !== undefined) return { hash: textHash(read.text), stamp: read.stamp };
  return parseRead(dataFile, read, validate, true);
}
