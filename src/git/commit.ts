/** The few git operations `cop new --git` needs, through the `git` command itself. */
import { UsageError } from '../core/errors.js';
import { runGit } from './git.js';

/** Refuses before anything is written: not a repository, other staged changes, or the branch exists. */
export function gitPreflight(root: string, branch: string): void {
  if (runGit(['rev-parse', '--is-inside-work-tree'], root).status !== 0) throw new UsageError(`--git: ${root} is not inside a git repository.`);
  if (runGit(['diff', '--cached', '--quiet'], root).status !== 0) {
    throw new UsageError('--git: other changes are staged; commit or unstage them first, so the proposal commit holds only the new CoP.');
  }
  if (runGit(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], root).status === 0) throw new UsageError(`--git: the branch ${branch} exists already.`);
}

/** Creates `branch` from the current commit and commits exactly `files` (relative to root) on it. */
export function gitCommitNewFiles(root: string, branch: string, files: readonly string[], message: string): void {
  for (const args of [['switch', '-c', branch], ['add', '--', ...files], ['commit', '-m', message, '--', ...files]]) {
    const result = runGit(args, root);
    if (result.status !== 0) throw new UsageError(`git ${args[0]} failed (the files are written; finish by hand): ${result.stderr}`);
  }
}
