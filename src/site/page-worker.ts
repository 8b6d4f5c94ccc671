/** Worker thread: renders CoPs' pages and API files (./page-pool.ts) and writes each to the temporary file it is given. */
import { workerData } from 'node:worker_threads';
import { writeNewFile, WriteError } from '../workspace/write.js';
import { pageWithLog, refResolver } from '../view/log.js';
import type { CopPageSummary, MeetingRow } from '../view/types.js';
import type { CopJob, CopAnswer, PageWorkerData } from './page-pool.js';
import { copFiles } from './render.js';

const { frame, people, port } = workerData as PageWorkerData;
const resolve = refResolver(people);
const utf8 = new TextEncoder();

port.on('message', ({ index, summary, rows, files }: CopJob) => {
  let answer: CopAnswer;
  try {
    // copFiles gives the files in copFilePaths' order, the order of `files`.
    const bytes = copFiles(frame, pageWithLog(JSON.parse(summary) as CopPageSummary, JSON.parse(rows) as MeetingRow[], resolve)).map(([, contents], i) => {
      const { temp, target } = files[i]!;
      return writeNewFile(temp, target, typeof contents === 'string' ? utf8.encode(contents) : contents, false);
    });
    answer = { index, bytes };
  } catch (error) {
    answer = { index, error: { message: (error as Error).message, stack: (error as Error).stack, write: error instanceof WriteError } };
  }
  port.postMessage(answer);
});
