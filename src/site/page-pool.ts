/**
 * `cop site` at scale: the CoPs' pages and API files rendered in worker threads (./page-worker.ts)
 * while this thread writes the rest of the site, the year reports above all. This thread sends a
 * CoP's summary and its log's rows, attendees as ids (src/view/log.ts), as JSON (which
 * JSON.stringify makes in a third of the time a structured clone takes); the worker resolves the
 * attendees, makes the page view and renders it, about ten times what this thread spends on it,
 * so at 500 CoPs this thread computes and writes the reports while a worker renders.
 *
 * Every file is still this thread's to check and to move into place (./write.ts SiteWriter): a
 * worker writes the temporary file it is given, which this thread names and removes on a signal
 * or a failure. The bytes are those of siteFiles, in whatever order the files are done.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { forcedThreads } from '../workspace/thread-count.js';
import { WriteError } from '../workspace/write.js';
import type { PersonRef } from '../view/types.js';
import type { SiteFrame } from './layout.js';
import { copFilePaths, copFiles, otherFiles, pageFiles, siteFiles } from './render.js';
import type { Site } from './site.js';
import { writeAll, type PendingSiteFile, type SiteFile, type SiteWriter } from './write.js';

/**
 * A CoP for a worker: its place among the site's CoPs, what it makes the page view of (src/view/log.ts
 * pageWithLog, with the people it was started with) as JSON, the summary (a CopPageSummary) and the
 * log's rows (MeetingRow[], as the thread that read the CoP made them: passed on unparsed), and the
 * files to write (copFilePaths' order).
 */
export interface CopJob {
  index: number;
  summary: string;
  rows: string;
  files: Pick<PendingSiteFile, 'path' | 'temp' | 'target'>[];
}

/** What a worker is started with: the site's frame, every person to resolve attendees with, and the port for CopJobs. */
export interface PageWorkerData {
  frame: SiteFrame;
  people: PersonRef[];
  port: MessagePort;
}

/** What a worker did with a CoPJob: the size of each file written, or why it could not. */
export type CopAnswer = { index: number; bytes: number[] } | { index: number; error: { message: string; stack: string | undefined; write: boolean } };

/**
 * Logged meetings below which the pages are rendered in this thread: a worker takes about 0.2 s
 * to start, and rendering costs about 0.05 ms a meeting (measured at 60,000 meetings: 500 CoP
 * pages and API files in 3.4 s), so below this a worker saves less than it costs.
 */
export const PAGE_WORKER_THRESHOLD = 10_000;

/**
 * CoPs a worker holds at once: while this thread writes the other files, enough to keep it busy
 * while a year report is computed (0.3 s at 500 CoPs); once this thread only waits, two, so that
 * at the end the workers do not hold what this thread could render.
 */
const AHEAD = 48;
/**
 * A worker's young generation, in MiB (V8's default is 16 MiB a semi-space). At 60k, 8 in all
 * cost 220 scavenges and 13 full collections (a page's objects outlived the young generation and
 * were promoted); 16 costs 125–140 and 2, for about 5 MiB more at the peak; 32 took the peak to
 * 375–378 MiB (docs/performance.md, session 10).
 */
const WORKER_YOUNG_MB = 16;
const AHEAD_WAITING = 2;

/**
 * Worker threads for the CoP pages: COP_WORKERS threads in all, this one included (0 or 1: this
 * one alone), as for `cop check`; else, for a large site, one per core but this one.
 */
export function pageWorkers(site: Pick<Site, 'cops'>, env: NodeJS.ProcessEnv = process.env): number {
  const forced = forcedThreads(env);
  if (forced !== undefined) return Math.max(0, Math.min(forced, 16) - 1);
  const meetings = site.cops.reduce((sum, cop) => sum + cop.meetings.count, 0);
  return meetings < PAGE_WORKER_THRESHOLD ? 0 : Math.max(1, Math.min(availableParallelism(), 8) - 1);
}

/** Writes the whole site (siteFiles) through `writer`, the CoPs' pages in `workers` worker threads (none: all in this thread, in siteFiles' order). */
export async function writeSite(writer: SiteWriter, site: Site, workers: number): Promise<void> {
  if (workers === 0) return writeAll(writer, siteFiles(site));
  const pool = startPagePool(writer, site, workers);
  try {
    for (const [path, contents] of pageFiles(site)) {
      writer.write(path, contents);
      pool.pump();
    }
    for (const [path, contents] of otherFiles(site)) writer.write(path, pumping(contents, pool.pump));
    await pool.drain();
  } catch (error) {
    await pool.close();
    writer.abandon();
    throw error;
  }
  await pool.close();
}

/** The file's contents, telling `pump` after each chunk: a year report takes a second to write, and the workers must not run dry meanwhile. */
function pumping(contents: SiteFile[1], pump: () => void): SiteFile[1] {
  if (typeof contents === 'string' || contents instanceof Uint8Array) return contents;
  return (function* () {
    for (const chunk of contents) {
      yield chunk;
      pump();
    }
  })();
}

interface PagePool {
  /** Takes in what the workers answered so far and gives each more CoPs; never waits. */
  pump(): void;
  /** Renders the CoPs no worker took in this thread, a CoP between messages, until every CoP is written. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

function startPagePool(writer: SiteWriter, site: Site, count: number): PagePool {
  const frame: SiteFrame = {
    organisation: site.organisation,
    calendar: site.calendar,
    incomplete: site.incomplete,
    asOf: site.asOf,
    anonymised: site.anonymised,
    currency: site.currency,
    policy: site.policy,
    sourceUrl: site.sourceUrl,
  };
  const script = new URL('./page-worker.js', import.meta.url);
  let failure: unknown;
  const workers = Array.from({ length: Math.min(count, site.cops.length) }, () => {
    const { port1, port2 } = new MessageChannel();
    // A young generation of its own size: a worker's garbage is a few pages', and it is all RSS (docs/performance.md).
    const worker = new Worker(script, { workerData: { frame, people: site.people, port: port2 } satisfies PageWorkerData, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    worker.on('error', (error) => (failure ??= error));
    return { worker, port: port1, held: 0 };
  });
  const sent = new Map<number, PendingSiteFile[]>();
  let next = 0;
  let written = 0;
  let ahead = AHEAD;

  const send = (to: (typeof workers)[number]) => {
    while (to.held < ahead && next < site.cops.length) {
      const index = next++;
      const cop = site.cops[index]!;
      const files = copFilePaths(cop.id).map((path) => writer.pending(path));
      sent.set(index, files);
      to.held++;
      to.port.postMessage({ index, summary: JSON.stringify(cop), rows: site.logRows(cop), files: files.map(({ path, temp, target }) => ({ path, temp, target })) } satisfies CopJob);
    }
  };
  const answered = (from: (typeof workers)[number], answer: CopAnswer) => {
    from.held--;
    const files = sent.get(answer.index)!;
    sent.delete(answer.index);
    if ('error' in answer) {
      const { message, stack, write } = answer.error;
      throw writer.failed(write ? new WriteError(message) : Object.assign(new Error(message), { stack }));
    }
    files.forEach((file, i) => writer.placed(file, answer.bytes[i]!));
    written++;
  };
  const pump = () => {
    if (failure !== undefined) throw failure;
    for (const from of workers) {
      for (let message = receiveMessageOnPort(from.port); message !== undefined; message = receiveMessageOnPort(from.port)) answered(from, message.message as CopAnswer);
      send(from);
    }
  };
  const here = () => {
    const index = next++;
    for (const [path, contents] of copFiles(site, site.page(site.cops[index]!))) writer.write(path, contents);
    written++;
  };

  return {
    pump,
    drain: () =>
      new Promise<void>((resolve, reject) => {
        ahead = AHEAD_WAITING;
        const listening: MessagePort[] = [];
        let settled = false;
        const settle = (error?: unknown) => {
          settled = true;
          for (const port of listening) port.removeAllListeners('message');
          for (const { worker } of workers) worker.off('error', settle).off('exit', exited);
          if (error === undefined) resolve();
          else reject(error);
        };
        const exited = () => settle(failure ?? new Error('a worker thread rendering the CoP pages stopped'));
        const step = (work: () => void) => {
          if (settled) return;
          try {
            work();
            if (written === site.cops.length) settle();
          } catch (error) {
            settle(error);
          }
        };
        for (const from of workers) {
          from.worker.on('error', settle).on('exit', exited);
          from.port.on('message', (answer: CopAnswer) => step(() => (answered(from, answer), send(from))));
          listening.push(from.port);
        }
        // Between messages, this thread renders a CoP no worker has taken yet.
        const work = () =>
          step(() => {
            pump();
            if (next < site.cops.length) {
              here();
              setImmediate(work);
            }
          });
        work();
      }),
    close: async () => {
      for (const { port } of workers) port.close();
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
