/**
 * Reads and parses many data files. Parsing dominates `cop check` on a big repository, so past
 * WORKER_THRESHOLD files the work is spread over worker threads, one per core; each returns plain
 * data, and no parsed Document outlives its worker's batch.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sharedValidator } from '../schema/validator.js';
import type { DataFile, ParsedFile } from './parse.js';
import { runJob, type ParseJob, type Hashed } from './read-data.js';
import type { ReadScope } from './read.js';
import { forcedThreads } from './thread-count.js';

/**
 * Measured (docs/performance.md): with the fast first parse a file costs a few tens of
 * microseconds, and starting workers and copying their results back costs more than it saves
 * below about 10,000 files (at 1,000 and 5,000 files one thread was faster every time).
 */
export const WORKER_THRESHOLD = 10_000;
const BATCH_SIZE = 200;

/** Worker count: COP_WORKERS overrides (0 parses in this thread); else one per core for big inputs. */
export function workerCount(fileCount: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = forcedThreads(env);
  if (forced !== undefined) return Math.min(forced, 16);
  return fileCount < WORKER_THRESHOLD ? 0 : Math.max(1, Math.min(availableParallelism(), 8));
}

/** Told how many of the files are parsed so far (for a progress line). */
export type OnProgress = (done: number, total: number) => void;

export interface ParseAllOptions {
  onProgress?: OnProgress;
  /** Workers already started (see startWorkers); else parseAll starts its own when there are many files. */
  pool?: WorkerPool;
}

/** Worker threads for parseAll. Whoever starts them closes them. */
export interface WorkerPool {
  readonly workers: readonly Worker[];
  /** The first error a worker raised (a worker that cannot start), if any. */
  readonly failure: () => unknown;
  close(): Promise<void>;
}

/**
 * Starts `count` workers. A worker takes about 0.2 s to load its modules, so the loader starts
 * them while it is still listing the files, as soon as there are enough to need them.
 */
export function startWorkers(scope: ReadScope, count: number, script: URL = new URL('./parse-worker.js', import.meta.url)): WorkerPool {
  let failure: unknown;
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(script, { workerData: { scope } });
    worker.on('error', (error) => (failure ??= error));
    return worker;
  });
  return { workers, failure: () => failure, close: async () => void (await Promise.all(workers.map((worker) => worker.terminate()))) };
}

/** Every file's result, in order: read, in workers when many, and parsed. */
export async function parseAll(scope: ReadScope, files: readonly DataFile[], options: ParseAllOptions = {}): Promise<ParsedFile[]> {
  // A job not `hashOnly` is always parsed.
  return (await parseJobs(scope, files, options)) as ParsedFile[];
}

/** Every job's result, in order: a `hashOnly` job whose file was read comes back Hashed, unparsed (read-data.ts). */
export async function parseJobs(scope: ReadScope, jobs: readonly ParseJob[], { onProgress = () => {}, pool }: ParseAllOptions = {}): Promise<(ParsedFile | Hashed)[]> {
  const own = pool === undefined && workerCount(jobs.length) > 0 ? startWorkers(scope, workerCount(jobs.length)) : undefined;
  const workers = pool ?? own;
  try {
    if (workers !== undefined && jobs.length > 0) {
      let done = 0;
      return await runInWorkers<ParseJob, ParsedFile | Hashed>(workers, jobs, BATCH_SIZE, { onBatch: (batch) => onProgress((done += batch.length), jobs.length) });
    }
    const validate = sharedValidator();
    return jobs.map((job, i) => {
      const result = runJob(scope, job, validate);
      onProgress(i + 1, jobs.length);
      return result;
    });
  } finally {
    await own?.close();
  }
}

/**
 * Every job's result, in order: the jobs are sent `batchSize` at a time, each batch to a worker
 * that answers with the batch's results in order. A worker holds two batches, so it starts the
 * next while this thread takes in what it sent (waiting for each round trip idled a worker for a
 * tenth of a 60,000-file check). With `here`, this thread takes batches too, one between
 * messages, instead of idling while the workers work; without it, `pool` must hold a worker.
 * `onBatch` is told of each batch done.
 */
export function runInWorkers<Job, Result>(
  pool: WorkerPool | undefined,
  jobs: readonly Job[],
  batchSize: number,
  { onBatch = () => {}, here }: { onBatch?: (batch: readonly Job[]) => void; here?: (batch: readonly Job[]) => Result[] } = {},
): Promise<Result[]> {
  const batches: (readonly Job[])[] = [];
  for (let start = 0; start < jobs.length; start += batchSize) batches.push(jobs.slice(start, start + batchSize));
  const results: Result[][] = [];
  let next = 0;
  let received = 0;
  return new Promise((resolve, reject) => {
    const listeners = new Map<Worker, (done: Result[]) => void>();
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      for (const [worker, listener] of listeners) worker.off('message', listener).off('error', finish);
      if (error) reject(error);
      else resolve(results.flat());
    };
    const done = (index: number, result: Result[]) => {
      results[index] = result;
      onBatch(batches[index]!);
      if (++received === batches.length) finish();
    };
    if (pool?.failure() !== undefined) return finish(pool!.failure());
    if (batches.length === 0) return finish();
    for (const worker of pool?.workers.slice(0, batches.length) ?? []) {
      // The batches this worker holds, oldest first: it answers them in the order sent.
      const held: number[] = [];
      const send = () => {
        if (next >= batches.length) return;
        held.push(next);
        worker.postMessage(batches[next++]);
      };
      const listener = (result: Result[]) => {
        done(held.shift()!, result);
        send();
      };
      listeners.set(worker, listener);
      worker.on('message', listener).on('error', finish);
      send();
      send();
    }
    if (here === undefined) return;
    // A batch at a time, letting the workers' answers in between.
    const work = () => {
      if (settled || next >= batches.length) return;
      const index = next++;
      try {
        done(index, here(batches[index]!));
      } catch (error) {
        return finish(error);
      }
      setImmediate(work);
    };
    setImmediate(work);
  });
}
