/** Reads one data file from disk (size-capped, text only) and parses it. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Validate } from '../schema/validator.js';
import { FILE_START } from './locate.js';
import { parseDataFile, type DataFile, type ParsedFile } from './parse.js';

/** The largest data file read: a charter or a meeting log is a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

export function readDataFile(root: string, dataFile: DataFile, validate: Validate): ParsedFile {
  const refuse = (message: string): ParsedFile => ({
    ...dataFile,
    diagnostics: [{ ruleId: 'file', severity: 'error', message, file: dataFile.file, ...FILE_START }],
  });
  const path = join(root, dataFile.file);
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return refuse(`The file is ${Math.ceil(size / 1024)} KiB, over the ${MAX_FILE_BYTES / 1024} KiB limit for a data file: not read.`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return refuse(`The file could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  if (text.includes('\u0000')) return refuse('The file is not text (it contains NUL bytes): not read.');
  return parseDataFile(dataFile, text, validate);
}
