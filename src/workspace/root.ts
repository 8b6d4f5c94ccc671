/** Finds the data root: the nearest folder, from the working directory up, holding cop.config.yaml or cops/. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

export const CONFIG_FILE = 'cop.config.yaml';
export const PEOPLE_FILE = 'people.yaml';
export const COPS_DIR = 'cops';

function isDataRoot(dir: string): boolean {
  return existsSync(join(dir, CONFIG_FILE)) || isDirectory(join(dir, COPS_DIR));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function findDataRoot(cwd: string, explicit?: string): string {
  if (explicit !== undefined) {
    const root = resolve(cwd, explicit);
    if (!isDirectory(root)) throw new UsageError(`--root ${explicit}: no such folder.`);
    if (!isDataRoot(root)) throw new UsageError(`--root ${explicit}: not a CoP data root (it holds neither ${CONFIG_FILE} nor a ${COPS_DIR}/ folder).`);
    return root;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (isDataRoot(dir)) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new UsageError(
    `No CoP data root found from ${resolve(cwd)} upwards: a data root holds ${CONFIG_FILE} or a ${COPS_DIR}/ folder. Use --root DIR to name one, or \`cop init\` to make this folder one.`,
  );
}
