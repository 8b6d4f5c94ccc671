/** Reads one data file through the guarded reader and parses it; a refusal is a finding. */
import type { Validate } from '../schema/validator.js';
import type { Expected } from './check-cache.js';
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

/** One data file of a load, with what `--cache` holds of it (check-cache.ts). */
export interface ParseJob extends DataFile {
  expected?: Expected;
}

/** A file found the same as the cached result, with its stamp now. */
export interface Unchanged {
  unchanged: true;
  stamp: string;
}

/**
 * A job done where it is run (this thread or a worker): a file whose text hashes to the cached
 * hash is not parsed again; the rest are parsed, and a meeting log's text is traded for its
 * digest (texts.ts).
 */
export function runJob(scope: ReadScope, { expected, ...dataFile }: ParseJob, validate: Validate): ParsedFile | Unchanged {
  const read = readGuarded(scope, dataFile.file);
  if (expected && read.ok && read.stamp !== undefined && textHash(read.text) === expected.hash) return { unchanged: true, stamp: read.stamp };
  return shedText(parseRead(dataFile, read, validate));
}
