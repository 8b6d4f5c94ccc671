/** The few git operations `cop new --git` needs, through the `git` command itself. */
import { spawnSync } from 'node:child_process';
import { UsageError } from '../core/errors.js';

function git(cwd: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.error) throw new UsageError(`--git: cannot run git (${(result.error as NodeJS.ErrnoException).code ?? result.error.message}).`);
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Refuses before anything is written: not a repository, other staged changes, or the branch exists. */
export function gitPreflight(root: string, branch: string): void {
  if (git(root, ['rev-parse', '--is-inside-work-tree']).status !== 0) throw new UsageError(`--git: ${root} is not inside a git repository.`);
  if (git(root, ['diff', '--cached', '--quiet']).status !== 0) {
    throw new UsageError('--git: other changes are staged; commit or unstage them first, so the proposal commit holds only the new CoP.');
  }
  if (git(root, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]).status === 0) throw new UsageError(`--git: the branch ${branch} exists already.`);
}

/** Creates `branch` from the current commit and commits exactly `files` (relative to root) on it. */
export function gitCommitNewFiles(root: string, branch: string, files: readonly string[], message: string): void {
  for (const args of [['switch', '-c', branch], ['add', '--', ...files], ['commit', '-m', message, '--', ...files]]) {
    const result = git(root, args);
    if (result.status !== 0) throw new UsageError(`git ${args[0]} failed (the files are written; finish by hand): ${result.stderr.trim()}`);
  }
}
