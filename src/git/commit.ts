/** The few git operations `cop new --git` needs, through the `git` command itself. */
import { UsageError } from '../core/errors.js';
import { posix } from 'node:path';
import { repositoryOf, runGit } from './git.js';

/**
 * Refuses before anything is written: not a repository, other staged changes, the branch exists,
 * or uncommitted changes of the user's in `touched` (existing files the commit will hold, relative
 * to root: people.yaml, CODEOWNERS, READMEs), which the commit would sweep in unseen.
 */
export function gitPreflight(root: string, branch: string, touched: readonly string[] = []): void {
  if (runGit(['rev-parse', '--is-inside-work-tree'], root).status !== 0) throw new UsageError(`--git: ${root} is not inside a git repository.`);
  if (runGit(['diff', '--cached', '--quiet'], root).status !== 0) {
    throw new UsageError('--git: other changes are staged; commit or unstage them first, so the proposal commit holds only the new CoP.');
  }
  if (runGit(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], root).status === 0) throw new UsageError(`--git: the branch ${branch} exists already.`);
  const dirty = uncommitted(root, touched);
  if (dirty.length > 0) {
    throw new UsageError(
      `--git: ${dirty.join(', ')} ${dirty.length === 1 ? 'has' : 'have'} uncommitted changes, and the proposal commit must hold ${dirty.length === 1 ? 'it' : 'them'}: commit or stash ${dirty.length === 1 ? 'it' : 'them'} first. Nothing was changed.`,
    );
  }
}

/** Which of `files` (relative to root) differ from the last commit or are untracked, as given. */
function uncommitted(root: string, files: readonly string[]): string[] {
  if (files.length === 0) return [];
  const status = runGit(['status', '--porcelain', '-z', '--untracked-files=all', '--', ...files], root);
  if (status.status !== 0) throw new UsageError(`--git: git status failed: ${status.stderr}`);
  const changed = new Set(status.stdout.toString('utf8').split('\0').filter((entry) => entry.length > 3).map((entry) => entry.slice(3)));
  // Porcelain paths are relative to the repository's top level.
  const { prefix } = repositoryOf(root);
  return files.filter((file) => changed.has(posix.normalize(`${prefix}${file}`)));
}

/** Creates `branch` from the current commit and commits exactly `files` (relative to root) on it. */
export function gitCommitNewFiles(root: string, branch: string, files: readonly string[], message: string): void {
  for (const args of [['switch', '-c', branch], ['add', '--', ...files], ['commit', '-m', message, '--', ...files]]) {
    const result = runGit(args, root);
    if (result.status !== 0) throw new UsageError(`git ${args[0]} failed (the files are written; finish by hand): ${result.stderr}`);
  }
}
