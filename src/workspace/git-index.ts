/**
 * What git already knows of the files under a folder: the blob id of each tracked file that the
 * work tree holds unmodified. After a fresh clone (CI, with the cache restored) every file's stamp
 * is new, and reading and hashing 60,000 files to find them unchanged costs more than the rest of
 * a warm run; git wrote those files itself and keeps their ids and stat data in its index.
 *
 * Two git calls, run side by side, once per run: `git ls-files --stage -v` for the ids and
 * `git diff-files --name-only` for the files whose stat data (or, when git doubts the stat data,
 * content) differs from the index. A file that is untracked, modified, unmerged, a link or a
 * submodule, or that git is told to assume unchanged or to skip, gets no id: it is read. Without
 * git, outside a work tree, or on any failure: no ids, and every file is read as before.
 */
import { execFile } from 'node:child_process';

/** At least this many files to compare before asking git: fewer are read faster than git starts and reads its index. */
export const GIT_INDEX_MIN_FILES = 1000;

/**
 * The blob id (hex, as texts.ts textHash gives for the same bytes) of each file under `pathspec`
 * (relative to `root`) that git tracks and the work tree holds unmodified, by path relative to
 * `root` with forward slashes; empty when git cannot tell.
 */
export async function unmodifiedBlobIds(root: string, pathspec: string): Promise<Map<string, string>> {
  const git = (args: string[]) => runGit(root, [...args, '--', pathspec]);
  const [staged, modified] = await Promise.all([git(['ls-files', '--stage', '-v', '-z']), git(['diff-files', '--name-only', '--relative', '-z'])]);
  if (staged === undefined || modified === undefined) return new Map();
  const changed = new Set(modified.split('\0'));
  const ids = new Map<string, string>();
  for (const entry of staged.split('\0')) {
    // "H 100644 <id> 0\t<path>": H is a tracked file with no assume-unchanged or skip-worktree bit.
    const tab = entry.indexOf('\t');
    if (tab < 0 || !entry.startsWith('H 100') || !entry.endsWith(' 0', tab)) continue;
    const path = entry.slice(tab + 1);
    const mode = entry.slice(2, 8);
    if ((mode === '100644' || mode === '100755') && !changed.has(path)) ids.set(path, entry.slice(9, tab - 2));
  }
  return ids;
}

/** git's output, or undefined when git is missing or fails (not a work tree, no permission). */
function runGit(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile('git', ['--no-optional-locks', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, windowsHide: true }, (error, stdout) =>
        resolve(error ? undefined : stdout),
      );
    } catch {
      resolve(undefined); // cannot be started at all
    }
  });
}
