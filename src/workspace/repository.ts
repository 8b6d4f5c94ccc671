/**
 * Where the data root sits in its git repository, found without running git (so `cop check`
 * spawns nothing): the nearest folder upwards holding a `.git` entry (a folder, or the file a
 * worktree or submodule has) is the repository's top level, as `git rev-parse --show-toplevel`
 * would say. GitHub reads CODEOWNERS from `.github/CODEOWNERS` there, and its paths are relative
 * to that top level, so a data root in a subfolder gives every path a prefix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';

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

/** The current CODEOWNERS file, when it exists. */
export function readCodeowners(root: string): { file: string; text: string; prefix: string } | undefined {
  const location = codeownersLocation(root);
  if (!existsSync(location.path)) return undefined;
  try {
    return { file: location.file, text: readFileSync(location.path, 'utf8'), prefix: location.prefix };
  } catch {
    return undefined;
  }
}
