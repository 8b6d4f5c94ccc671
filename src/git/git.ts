/**
 * The few git questions cop asks, answered by git itself through child processes: where the
 * repository is, which commit a name means, which files a revision holds and what they say,
 * and which files changed since a revision.
 */
import { spawnSync } from 'node:child_process';
import { UsageError } from '../core/errors.js';

const MAX_OUTPUT = 1024 * 1024 * 1024;

export interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git; a missing git binary is a usage error, a non-zero exit is the caller's to judge. */
export function runGit(args: readonly string[], cwd: string, input?: string): GitResult {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: MAX_OUTPUT, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError('git was not found on the PATH: this command needs git.');
    throw new UsageError(`git ${args[0]} failed: ${result.error.message}`);
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr.toString('utf8').trim() };
}

/** Runs git and returns its output bytes; a failure is a usage error with git's own message. */
function gitBytes(args: readonly string[], cwd: string, input?: string): Buffer {
  const result = runGit(args, cwd, input);
  if (result.status !== 0) throw new UsageError(`git ${args.join(' ')}: ${result.stderr || `exit ${result.status}`}`);
  return result.stdout;
}

const git = (args: readonly string[], cwd: string): string => gitBytes(args, cwd).toString('utf8');

const lines = (text: string, separator = '\n') => text.split(separator).filter((line) => line !== '');

export interface Repository {
  /** The repository's top level. */
  topLevel: string;
  /** The data root relative to the top level: '' or ending in `/`. */
  prefix: string;
}

export function repositoryOf(root: string): Repository {
  const result = runGit(['rev-parse', '--show-toplevel', '--show-prefix'], root);
  if (result.status !== 0) throw new UsageError(`${root} is not inside a git repository: this command compares git revisions.`);
  const [topLevel = root, prefix = ''] = result.stdout.toString('utf8').split('\n');
  return { topLevel, prefix };
}

/** The commit a name means, or undefined. */
function tryCommit(ref: string, cwd: string): string | undefined {
  const result = runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
  return result.status === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

/** The commit a name means, or a usage error naming it. */
export function resolveCommit(ref: string, cwd: string): string {
  const commit = tryCommit(ref, cwd);
  if (commit === undefined) throw new UsageError(`${ref}: not a commit, branch or tag in this repository.`);
  return commit;
}

/** The default branch: origin/HEAD, else main, else master. */
export function defaultBranch(cwd: string): string {
  for (const ref of ['refs/remotes/origin/HEAD', 'main', 'master']) {
    if (tryCommit(ref, cwd)) return ref === 'refs/remotes/origin/HEAD' ? 'origin/HEAD' : ref;
  }
  throw new UsageError('No default branch found (origin/HEAD, main or master): name the base with --base REF.');
}

/** The best common ancestor of two commits. */
export function mergeBase(a: string, b: string, cwd: string): string {
  const result = runGit(['merge-base', a, b], cwd);
  if (result.status !== 0) throw new UsageError(`${a} and ${b} have no common ancestor: name the base with --base REF.`);
  return result.stdout.toString('utf8').trim();
}

/** A file in a commit's tree: its path under the prefix, and whether git stores it as a symbolic link. */
export interface TreeEntry {
  path: string;
  symlink: boolean;
}

/** The files under `prefix` in a commit, relative to `prefix`; none when the folder did not exist then. */
export function listFiles(commit: string, prefix: string, cwd: string): TreeEntry[] {
  const result = runGit(['ls-tree', '-r', '-z', `${commit}:${prefix}`], cwd);
  if (result.status !== 0) return [];
  // Each entry: "<mode> <type> <object>\t<path>"; mode 120000 is a symbolic link.
  return lines(result.stdout.toString('utf8'), '\0').map((entry) => {
    const tab = entry.indexOf('\t');
    return { path: entry.slice(tab + 1), symlink: entry.startsWith('120000 ') };
  });
}

/** A file's bytes in a commit, or the size that kept it unread (larger than the cap). */
export type Blob = { ok: true; bytes: Buffer } | { ok: false; size: number };

/**
 * The bytes of files under `prefix` in a commit (a file the commit lacks has no entry), read in
 * one `git cat-file --batch`. Sizes are asked first (`--batch-check`), so a file over `maxBytes`
 * is never loaded: a commit can hold anything, and reading it must be as bounded as reading the
 * working tree.
 */
export function readFiles(commit: string, prefix: string, paths: readonly string[], cwd: string, maxBytes: number): Map<string, Blob> {
  const blobs = new Map<string, Blob>();
  if (paths.length === 0) return blobs;
  const specs = (list: readonly string[]) => list.map((path) => `${commit}:${prefix}${path}\n`).join('');
  const wanted: string[] = [];
  const check = lines(gitBytes(['cat-file', '--batch-check'], cwd, specs(paths)).toString('utf8'));
  paths.forEach((path, i) => {
    const header = check[i] ?? ' missing';
    const size = header.endsWith(' missing') || header.endsWith(' ambiguous') ? -1 : Number(header.split(' ')[2]);
    if (size > maxBytes) blobs.set(path, { ok: false, size });
    else if (size >= 0) wanted.push(path);
  });
  if (wanted.length === 0) return blobs;
  const out = gitBytes(['cat-file', '--batch'], cwd, specs(wanted));
  let at = 0;
  for (const path of wanted) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    const size = Number(out.subarray(at, eol).toString('utf8').split(' ')[2]);
    at = eol + 1;
    blobs.set(path, { ok: true, bytes: out.subarray(at, at + size) });
    at += size + 1;
  }
  return blobs;
}

/**
 * Files under the data root that differ from `ref` in the working tree (committed, staged or
 * not, deleted ones included) plus untracked files, relative to the data root.
 */
export function changedSince(ref: string, root: string): string[] {
  repositoryOf(root);
  const commit = resolveCommit(ref, root);
  const changed = lines(git(['diff', '--name-only', '--relative', '-z', commit, '--', '.'], root), '\0');
  const untracked = lines(git(['ls-files', '--others', '--exclude-standard', '-z', '--', '.'], root), '\0');
  return [...new Set([...changed, ...untracked])].sort();
}
