/**
 * Every CoP folder's snapshot (discover.ts snapshotCop) for `cop check --cache`. What a warm run
 * cannot skip is an `lstat` per file, and a big organisation's 60,000 are most of the run; they
 * wait on the file system, not on JavaScript, so past SNAPSHOT_HELPER_MIN_COPS CoPs worker threads
 * take CoPs beside this thread. Each thread draws the next CoP from one shared counter, so none
 * waits for another, and a helper that fails leaves its CoPs to this thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { snapshotCop, type CopSnapshot } from './discover.js';

/** Below this many CoPs a helper thread starts (about 30 ms) for less than it saves. */
export const SNAPSHOT_HELPER_MIN_COPS = 100;

/** What a helper sends back: the snapshots it took, by the CoP's place in the list. */
export type TakenSnapshots = [index: number, snapshot: CopSnapshot | undefined][];

/** Each CoP's snapshot, in the order of `ids`; undefined for a folder to be listed the full way. */
export async function snapshotCops(copsDir: string, ids: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<(CopSnapshot | undefined)[]> {
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const helpers = Array.from({ length: helperCount(ids.length, env) }, () => {
    const worker = new Worker(new URL('./snapshot-worker.js', import.meta.url), { workerData: { copsDir, ids, next } });
    return new Promise<TakenSnapshots>((resolve) => {
      worker.once('message', resolve);
      worker.once('error', () => resolve([])); // its CoPs are taken again below
    });
  });
  const snapshots: (CopSnapshot | undefined)[] = new Array(ids.length);
  const done = new Uint8Array(ids.length);
  const keep = (index: number, snapshot: CopSnapshot | undefined) => {
    snapshots[index] = snapshot;
    done[index] = 1;
  };
  takeSnapshots(copsDir, ids, next, keep);
  for (const [index, snapshot] of (await Promise.all(helpers)).flat()) keep(index, snapshot);
  done.forEach((taken, index) => {
    if (!taken) keep(index, snapshotCop(copsDir, ids[index]!));
  });
  return snapshots;
}

/** Takes the snapshot of the CoP at the shared counter, and the next, until none is left. */
export function takeSnapshots(copsDir: string, ids: readonly string[], next: Int32Array, keep: (index: number, snapshot: CopSnapshot | undefined) => void): void {
  for (let index = Atomics.add(next, 0, 1); index < ids.length; index = Atomics.add(next, 0, 1)) keep(index, snapshotCop(copsDir, ids[index]!));
}

/** Helper threads: COP_WORKERS overrides (0: none, as it keeps parsing in one thread); else one per core beyond this one, for many CoPs. */
function helperCount(cops: number, env: NodeJS.ProcessEnv): number {
  const forced = env.COP_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 8);
  return cops < SNAPSHOT_HELPER_MIN_COPS ? 0 : Math.min(availableParallelism() - 1, 3);
}
