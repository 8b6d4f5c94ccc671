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

/**
 * Measured (docs/performance.md): with the fast first parse a file costs a few tens of
 * microseconds, and starting workers and copying their results back costs more than it saves
 * below about 10,000 files (at 1,000 and 5,000 files one thread was faster every time).
 */
export const WORKER_THRESHOLD = 10_000;
const BATCH_SIZE = 200;

/** Worker count: COP_WORKERS overrides (0 parses in this thread); else one per core for big inputs. */
export function workerCount(fileCount: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.COP_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 16);
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
export function startWorkers(scope: ReadScope, count: number): WorkerPool {
  let failure: unknown;
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(new URL('./parse-worker.js', import.meta.url), { workerData: { scope } });
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
    if (workers !== undefined && jobs.length > 0) return await parseInWorkers(workers, jobs, (done) => onProgress(done, jobs.length));
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

function parseInWorkers(pool: WorkerPool, files: readonly ParseJob[], onProgress: (done: number) => void): Promise<(ParsedFile | Hashed)[]> {
  const results: (ParsedFile | Hashed)[][] = [];
  let next = 0;
  let done = 0;
  let running = 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      for (const worker of pool.workers) worker.off('error', finish);
      if (error) reject(error);
      else resolve(results.flat());
    };
    if (pool.failure() !== undefined) return finish(pool.failure());
    const feed = (worker: Worker) => {
      if (settled) return;
      if (next >= files.length) {
        if (--running === 0) finish();
        return;
      }
      const index = results.length;
      results.push([]);
      const batch = files.slice(next, next + BATCH_SIZE);
      next += BATCH_SIZE;
      worker.once('message', (parsed: (ParsedFile | Hashed)[]) => {
        results[index] = parsed;
        done += parsed.length;
        onProgress(done);
        feed(worker);
      });
      worker.postMessage(batch);
    };
    for (const worker of pool.workers.slice(0, Math.ceil(files.length / BATCH_SIZE))) {
      worker.on('error', finish);
      running++;
      feed(worker);
    }
  });
}
