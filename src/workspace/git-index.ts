/**
 * What git already knows of the CoPs' folders: a tree id for each folder under cops/ whose data
 * files the work tree holds as that tree names them. After a fresh clone (CI, with the cache
 * restored) every file's stamp is new, and reading and hashing 60,000 files to find them unchanged
 * costs more than the rest of a warm run; git wrote those files itself, and a folder's tree id names
 * all of its content at once. The cache keeps the tree id a CoP was checked at (check-cache.ts).
 *
 * First from git's index file (index-file.ts), read here or already by the look's helper thread
 * (snapshots.ts helperLook): its stat data compared with what the loader's look found, so git makes no pass of its own over the files. For what the index cannot
 * vouch for, when that is many files (an index only git can read, racily clean entries, inode
 * numbers wider than the index keeps), git is asked (cleanCopTrees).
 *
 * cleanCopTrees: three git calls, run side by side, once per run, each with a small answer:
 * - `git ls-tree HEAD cops/`: each folder's tree id (a submodule or a file there has none);
 * - `git diff-index --name-only HEAD`: the tracked files that differ from HEAD, staged or not
 *   (by the index's stat data, or by content where git doubts it);
 * - `git ls-files -v --cached --others`: its tags show files that are untracked or ignored (`?`),
 *   or that git is told to assume unchanged or to skip (so the call above cannot vouch for them),
 *   or unmerged. Its answer names every file, so it is scanned as bytes, not decoded.
 * A folder with any such file gets no id. Without git, outside a work tree, before the first commit,
 * or on any failure: no ids, and every file is read as before.
 */
import { execFile } from 'node:child_process';
import { readIndexedCops, type IndexRead } from './index-file.js';
import { COPS_DIR } from './root.js';

/** At least this many files to compare before asking git: fewer are read faster than git starts and reads its index. */
export const GIT_INDEX_MIN_FILES = 1000;

/** A CoP folder as the loader found it: the digests of its data files' paths (textHash, one per line) and of their stamps (stamps.ts), and how many there are. */
export interface CopNow {
  id: string;
  names: string;
  stamps: string;
  files: number;
}

/**
 * The tree id of each of `cops` whose data files the work tree holds as the tree names them, by id;
 * empty when git cannot tell. `read`: the index file as read already (by a helper thread of the look).
 */
export async function copTrees(root: string, cops: readonly CopNow[], read: IndexRead = { cops: readIndexedCops(root) }): Promise<Map<string, string>> {
  const indexed = read.cops;
  const trees = new Map<string, string>();
  let unvouched = 0;
  for (const cop of cops) {
    const held = indexed?.get(cop.id);
    if (held && held.names === cop.names && held.stamps === cop.stamps) trees.set(cop.id, held.tree);
    else unvouched += cop.files;
  }
  if (unvouched < GIT_INDEX_MIN_FILES) return trees;
  for (const [id, tree] of await cleanCopTrees(root)) if (!trees.has(id)) trees.set(id, tree);
  return trees;
}

/** The tree id of each CoP folder (by id) that the work tree under `root` holds exactly as HEAD does; empty when git cannot tell. */
export async function cleanCopTrees(root: string): Promise<Map<string, string>> {
  const [trees, changed, listed] = await Promise.all([
    runGit(root, ['ls-tree', '-z', 'HEAD', '--', `${COPS_DIR}/`]),
    runGit(root, ['diff-index', '-z', '--name-only', '--relative', 'HEAD', '--', COPS_DIR]),
    runGit(root, ['ls-files', '-z', '-v', '--cached', '--others', '--', COPS_DIR]),
  ]);
  if (trees === undefined || changed === undefined || listed === undefined) return new Map();
  const dirty = new Set<string>();
  for (const path of changed.toString('utf8').split('\0')) if (path !== '') dirty.add(copOf(path));
  forEachUnvouched(listed, (path) => dirty.add(copOf(path)));
  const ids = new Map<string, string>();
  for (const entry of trees.toString('utf8').split('\0')) {
    // "040000 tree <id>\tcops/<id>"
    const tab = entry.indexOf('\t');
    if (tab < 0 || !entry.startsWith('040000 tree ')) continue;
    const id = entry.slice(tab + 1 + COPS_DIR.length + 1);
    if (!dirty.has(id)) ids.set(id, entry.slice('040000 tree '.length, tab));
  }
  return ids;
}

/** The CoP id of a path under cops/. */
const copOf = (path: string) => path.slice(COPS_DIR.length + 1).split('/', 1)[0]!;

const H = 'H'.charCodeAt(0);

/** Calls `found` with the path of each `ls-files -v -z` entry not tagged H (a tracked file git vouches for). */
function forEachUnvouched(listing: Buffer, found: (path: string) => void): void {
  for (let start = 0; start < listing.length; ) {
    const end = listing.indexOf(0, start);
    const stop = end < 0 ? listing.length : end;
    // "<tag> <path>"
    if (listing[start] !== H || listing[start + 1] !== 0x20) found(listing.toString('utf8', start + 2, stop));
    start = stop + 1;
  }
}

/** git's output as bytes, or undefined when git is missing or fails (not a work tree, no commit yet, no permission). */
function runGit(cwd: string, args: string[]): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    try {
      execFile('git', ['--no-optional-locks', ...args], { cwd, encoding: 'buffer', maxBuffer: 1 << 30, windowsHide: true }, (error, stdout) =>
        resolve(error ? undefined : stdout),
      );
    } catch {
      resolve(undefined); // cannot be started at all
    }
  });
}
