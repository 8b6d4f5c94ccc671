/** Reads one data file through the guarded reader and parses it; a refusal is a finding. */
import type { Validate } from '../schema/validator.js';
import { parseDataFile, type DataFile, type ParsedFile } from './parse.js';
import { readGuarded, refusalFinding, type GuardedRead, type ReadScope } from './read.js';

export function readDataFile(scope: ReadScope, dataFile: DataFile, validate: Validate): ParsedFile {
  return parseRead(dataFile, readGuarded(scope, dataFile.file), validate);
}

/** A guarded read parsed (the text kept, for positioning findings later) or its refusal as a finding. */
export function parseRead(dataFile: DataFile, read: GuardedRead, validate: Validate): ParsedFile {
  if (!read.ok) return { ...dataFile, diagnostics: [refusalFinding(dataFile.file, read.message)] };
  return { ...parseDataFile(dataFile, read.text, validate), text: read.text };
}
