/**
 * Reads and parses many data files. Parsing dominates `cop check` on a big repository, so past
 * WORKER_THRESHOLD files the work is spread over worker threads, one per core; each returns plain
 * data, and no parsed Document outlives its worker's batch.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sharedValidator } from '../schema/validator.js';
import type { DataFile, ParsedFile } from './parse.js';
import type { ParseCache } from './check-cache.js';
import { runJob, type ParseJob, type Unchanged } from './read-data.js';
import { stampAt, type ReadScope } from './read.js';

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
  /** Results kept from an earlier run (`cop check --cache`): used for unchanged files, updated for the rest. */
  cache?: ParseCache;
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

/**
 * Every file's result, in order. With a cache, a file whose stamp is the cached one is taken from
 * it without being read (a stat each, here: the file system serves one thread about as fast as
 * several); the others are read, in workers when many, and parsed unless their hash is cached.
 */
export async function parseAll(scope: ReadScope, files: readonly DataFile[], { onProgress = () => {}, cache, pool }: ParseAllOptions = {}): Promise<ParsedFile[]> {
  const results: ParsedFile[] = new Array(files.length);
  const jobs: ParseJob[] = [];
  const slots: number[] = [];
  files.forEach((file, index) => {
    const expected = cache?.expected(file);
    const stamp = expected && stampAt(scope, file.file);
    if (stamp !== undefined && stamp === expected!.stamp) results[index] = cache!.reuse(file, stamp);
    else {
      jobs.push(expected ? { ...file, expected } : file);
      slots.push(index);
    }
  });
  const reused = files.length - jobs.length;
  const progress = (done: number) => onProgress(reused + done, files.length);
  const own = pool === undefined && workerCount(jobs.length) > 0 ? startWorkers(scope, workerCount(jobs.length)) : undefined;
  const workers = pool ?? own;
  let done: (ParsedFile | Unchanged)[];
  try {
    if (workers === undefined || jobs.length === 0) {
      const validate = sharedValidator();
      done = jobs.map((job, i) => {
        const result = runJob(scope, job, validate);
        progress(i + 1);
        return result;
      });
    } else {
      done = await parseInWorkers(workers, jobs, progress);
    }
  } finally {
    await own?.close();
  }
  done.forEach((result, i) => {
    const index = slots[i]!;
    if ('unchanged' in result) results[index] = cache!.reuse(files[index]!, result.stamp);
    else {
      cache?.remember(result);
      results[index] = result;
    }
  });
  return results;
}

function parseInWorkers(pool: WorkerPool, files: readonly ParseJob[], onProgress: (done: number) => void): Promise<(ParsedFile | Unchanged)[]> {
  const results: (ParsedFile | Unchanged)[][] = [];
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
      worker.once('message', (parsed: (ParsedFile | Unchanged)[]) => {
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
