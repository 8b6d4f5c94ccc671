/**
 * Where the data root sits in its git repository, found without running git (so `cop check`
 * spawns nothing): the nearest folder upwards holding a `.git` entry (a folder, or the file a
 * worktree or submodule has) is the repository's top level, as `git rev-parse --show-toplevel`
 * would say. GitHub reads CODEOWNERS from `.github/CODEOWNERS` there, and its paths are relative
 * to that top level, so a data root in a subfolder gives every path a prefix.
 */
import { existsSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { readGuarded, readScope, refusalFinding } from './read.js';

export const CODEOWNERS_PATH = '.github/CODEOWNERS';
/** GitHub's workflows folder, at the repository's top level. */
export const WORKFLOWS_DIR = '.github/workflows';

export interface CodeownersLocation {
  /** Absolute path of `.github/CODEOWNERS`. */
  path: string;
  /** The same, relative to the data root with forward slashes (`.github/CODEOWNERS`, or `../.github/CODEOWNERS`…). */
  file: string;
  /** The data root relative to the repository's top level, '' or ending in `/`, e.g. `org/`. */
  prefix: string;
}

/** The repository's top level holding `root`, or undefined outside a repository. */
export function findRepositoryRoot(root: string): string | undefined {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

const slashes = (path: string) => path.split(sep).join('/');

/** The top level holding the data root (else the data root itself), and the data root's prefix in it: '' or `dir/`. */
function placeInRepository(root: string): { top: string; prefix: string } {
  const top = findRepositoryRoot(root) ?? resolve(root);
  const prefix = slashes(relative(top, resolve(root)));
  return { top, prefix: prefix ? `${prefix}/` : '' };
}

/** Where CODEOWNERS lives for a data root: the repository's top level, else the data root itself. */
export function codeownersLocation(root: string): CodeownersLocation {
  const { top, prefix } = placeInRepository(root);
  const path = join(top, CODEOWNERS_PATH);
  return { path, file: slashes(relative(root, path)), prefix };
}

/**
 * Where paths in machine-read outputs start: the repository's top level (GitHub annotations,
 * SARIF and JUnit name files from there), else the data root. `fromTop` turns a path relative to
 * the data root into one relative to `top`.
 */
export function repositoryPaths(root: string): { top: string; fromTop: (file: string) => string } {
  const { top, prefix } = placeInRepository(root);
  return { top, fromTop: (file) => (prefix ? posix.normalize(`${prefix}${file}`) : file) };
}

export interface Codeowners {
  file: string;
  text: string;
  prefix: string;
}

/**
 * The current CODEOWNERS file, read through the guarded reader inside the repository: absent
 * (no finding), read, or refused (a finding on its path: a FIFO, a link out, too large…).
 */
export function readCodeowners(root: string, maxBytes?: number): { ok: true; codeowners: Codeowners } | { ok: false; finding?: Diagnostic } {
  const location = codeownersLocation(root);
  const read = readGuarded(readScope(findRepositoryRoot(root) ?? resolve(root), maxBytes), location.path);
  if (read.ok) return { ok: true, codeowners: { file: location.file, text: read.text, prefix: location.prefix } };
  return read.missing ? { ok: false } : { ok: false, finding: refusalFinding(location.file, read.message) };
}
