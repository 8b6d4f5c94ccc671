/**
 * Every CoP folder looked at for `cop check --cache` (discover.ts snapshotCop). What a warm run
 * cannot skip is an `lstat` per file, and a big organisation's 60,000 are most of the run; they
 * wait on the file system, not on JavaScript, so past SNAPSHOT_HELPER_MIN_COPS CoPs worker threads
 * look at CoPs beside this thread. Each thread draws the next CoP from one shared counter, so none
 * waits for another, and a helper that fails leaves its CoPs to this thread. A folder whose stamps
 * are the ones the cache expects comes back as two digests: only a changed one brings its files.
 * A helper that finds many files changed (a fresh clone) reads git's index file for the loader too
 * (index-file.ts), so that read is shared out with the look instead of following it.
 */
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { snapshotCop, type CopSnapshot } from './discover.js';
import { GIT_INDEX_MIN_FILES } from './git-index.js';
import { readIndexedCops, type IndexRead } from './index-file.js';
import { COPS_DIR } from './root.js';
import { sizesDigest, stampsDigest } from './stamps.js';
import { textHash } from './texts.js';
import { forcedThreads } from './thread-count.js';

/** Below this many CoPs a helper thread starts (about 30 ms) for less than it saves. */
export const SNAPSHOT_HELPER_MIN_COPS = 100;

/**
 * A CoP's folder as looked at: how many data files it has, the digests of their paths (texts.ts
 * textHash) and of their stamps (stamps.ts); when the stamps were not the ones expected, the
 * digest of its files' sizes (stamps.ts sizesDigest) if the cache expected others, else the
 * snapshot itself. A fresh clone changes every stamp, and its CoPs are then taken by git's tree
 * id with their sizes, so its 500 snapshots need not be kept through the look, nor sent by the
 * helpers. A CoP whose files are needed after all is looked at again (load.ts copNow).
 */
export interface LookedAt {
  count: number;
  names: string;
  stamps: string;
  sizes?: string;
  snapshot?: CopSnapshot;
}

/**
 * A helper reads git's index file between two folders of its look once those it found changed hold
 * this many data files: the loader reads the index when GIT_INDEX_MIN_FILES files changed (after a
 * fresh clone, all of them), and beside this thread a helper sees about half of them.
 */
export const HELPER_INDEX_MIN_FILES = GIT_INDEX_MIN_FILES / 2;

/** The folders looked at, by the CoP's place in the list. */
export type Looked = [index: number, looked: LookedAt | undefined][];

/** What a helper is asked: the look's folders, and the data root whose git index it may read (HELPER_INDEX_MIN_FILES). */
export interface LookRequest {
  copsDir: string;
  ids: readonly string[];
  expected: readonly (string | undefined)[];
  next: Int32Array;
  indexOf?: string;
}

/** What a helper sends back: the folders it looked at, and the index when it read it. */
export interface HelperLook {
  looked: Looked;
  index?: IndexRead;
}

/** What a look gives: each CoP's folder looked at, in the order of its ids (undefined for a folder to be listed the full way), and git's index when a helper read it. */
export interface Look {
  looked: (LookedAt | undefined)[];
  index?: IndexRead;
}

/**
 * Each CoP's folder looked at, in the order of `ids`. `expected[i]`: the digest of the stamps the
 * cache holds for `ids[i]`. `indexOf`: the data root, whose git index one helper reads if it finds
 * many files changed. This thread's share is looked at before the promise is returned.
 */
export async function lookAtCops(copsDir: string, ids: readonly string[], expected: readonly (string | undefined)[], { env = process.env, indexOf }: { env?: NodeJS.ProcessEnv; indexOf?: string } = {}): Promise<Look> {
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const count = helperCount(ids.length, env);
  const started = early.splice(0);
  for (const { worker } of started.slice(count)) void worker.terminate();
  const helpers = [...started.slice(0, count), ...Array.from({ length: count - Math.min(count, started.length) }, startHelper)].map(({ worker, gone }, n) => {
    worker.ref();
    const request: LookRequest = { copsDir, ids, expected, next, ...(n === 0 && indexOf !== undefined ? { indexOf } : {}) };
    worker.postMessage(request);
    // Failed or gone without an answer: its CoPs are looked at again below.
    return Promise.race([new Promise<HelperLook>((resolve) => worker.once('message', resolve)), gone]);
  });
  const looked: (LookedAt | undefined)[] = new Array(ids.length);
  const done = new Uint8Array(ids.length);
  const keep = (index: number, at: LookedAt | undefined) => {
    looked[index] = at;
    done[index] = 1;
  };
  lookAtEach(copsDir, ids, expected, next, keep);
  const answers = await Promise.all(helpers);
  for (const [index, at] of answers.flatMap((answer) => answer.looked)) keep(index, at);
  done.forEach((taken, index) => {
    if (!taken) keep(index, lookAt(copsDir, ids[index]!, expected[index]));
  });
  const index = answers.find((answer) => answer.index)?.index;
  return index ? { looked, index } : { looked };
}

/** A helper's look (snapshot-worker.ts): its share of the folders, and git's index once they held HELPER_INDEX_MIN_FILES changed files. */
export function helperLook({ copsDir, ids, expected, next, indexOf }: LookRequest): HelperLook {
  const looked: Looked = [];
  let index: IndexRead | undefined;
  let changedFiles = 0;
  lookAtEach(copsDir, ids, expected, next, (place, found) => {
    looked.push([place, found]);
    if (found !== undefined && found.stamps !== expected[place]) changedFiles += found.count;
    if (indexOf !== undefined && index === undefined && changedFiles >= HELPER_INDEX_MIN_FILES) index = { cops: readIndexedCops(indexOf) };
  });
  return index ? { looked, index } : { looked };
}

/** A helper thread, and what it gives once it fails or exits: nothing. */
interface Helper {
  worker: Worker;
  gone: Promise<HelperLook>;
}

/** The helpers started before the command's modules loaded (startLookHelpersEarly), until a look takes them. */
const early: Helper[] = [];

function startHelper(): Helper {
  const worker = new Worker(new URL('./snapshot-worker.js', import.meta.url));
  const gone = new Promise<HelperLook>((resolve) => {
    worker.once('error', () => resolve({ looked: [] }));
    worker.once('exit', () => resolve({ looked: [] }));
  });
  return { worker, gone };
}

/**
 * Starts the helpers a look at `cops/` under `root` would start
 * now: a thread takes about 0.1 s to start and load its modules, about
 * what this thread takes to load the command's, so started first, a helper is ready when the look
 * begins instead of doing a third of it. Only for a folder of at least SNAPSHOT_HELPER_MIN_COPS
 * CoPs (one `readdir` to count them); a helper that no look takes is ended by the next look, or
 * when this thread has nothing else to do (it is unref'd).
 */
export function startLookHelpersEarly(root: string, env: NodeJS.ProcessEnv = process.env): void {
  let cops: number;
  try {
    cops = readdirSync(join(root, COPS_DIR)).length;
  } catch {
    return; // the run itself reports what is wrong with the folder
  }
  for (let n = helperCount(cops, env); n > 0; n--) {
    const helper = startHelper();
    helper.worker.unref();
    early.push(helper);
  }
}

/** Looks at the CoP at the shared counter, and the next, until none is left. */
export function lookAtEach(copsDir: string, ids: readonly string[], expected: readonly (string | undefined)[], next: Int32Array, keep: (index: number, at: LookedAt | undefined) => void): void {
  for (let index = Atomics.add(next, 0, 1); index < ids.length; index = Atomics.add(next, 0, 1)) keep(index, lookAt(copsDir, ids[index]!, expected[index]));
}

function lookAt(copsDir: string, id: string, expected: string | undefined): LookedAt | undefined {
  const snapshot = snapshotCop(copsDir, id);
  if (!snapshot) return undefined;
  const stamps = stampsDigest(snapshot.stamps);
  const looked = { count: snapshot.kinds.reduce((sum, [, count]) => sum + count, 0), names: textHash(snapshot.paths), stamps };
  if (stamps === expected) return looked;
  return expected === undefined ? { ...looked, snapshot } : { ...looked, sizes: sizesDigest(snapshot.stamps) };
}

/**
 * Helper threads: COP_WORKERS overrides, counting this thread, as `cop check` counts its checking
 * threads (0 or 1: this one alone); else one per core beyond this one, for many CoPs.
 */
function helperCount(cops: number, env: NodeJS.ProcessEnv): number {
  const forced = forcedThreads(env);
  if (forced !== undefined) return Math.max(0, Math.min(forced, 8) - 1);
  return cops < SNAPSHOT_HELPER_MIN_COPS ? 0 : Math.max(0, Math.min(availableParallelism() - 1, 3));
}
