/** Reads one data file through the guarded reader and parses it; a refusal is a finding. */
import type { Validate } from '../schema/validator.js';
import { parseDataFile, type DataFile, type ParsedFile } from './parse.js';
import { readGuarded, refusalFinding, type GuardedRead, type ReadScope } from './read.js';
import { shedText, textHash } from './texts.js';

export function readDataFile(scope: ReadScope, dataFile: DataFile, validate: Validate): ParsedFile {
  return parseRead(dataFile, readGuarded(scope, dataFile.file), validate);
}

/** A guarded read parsed (the text kept, for positioning findings later) or its refusal as a finding. */
export function parseRead(dataFile: DataFile, read: GuardedRead, validate: Validate): ParsedFile {
  if (!read.ok) return { ...dataFile, diagnostics: [refusalFinding(dataFile.file, read.message)] };
  return { ...parseDataFile(dataFile, read.text, validate), text: read.text, ...(read.stamp === undefined ? {} : { stamp: read.stamp }) };
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
  return shedText(parseRead(dataFile, read, validate));
}
