/** Worker thread: renders CoPs' pages and API files (./page-pool.ts) and writes each to the temporary file it is given. */
import { type MessagePort, workerData } from 'node:worker_threads';
import { writeNewFile, WriteError } from '../workspace/write.js';
import type { CopPageView } from '../view/types.js';
import type { SiteFrame } from './layout.js';
import type { CopJob, CopAnswer } from './page-pool.js';
import { copFiles } from './render.js';

const { frame, port } = workerData as { frame: SiteFrame; port: MessagePort };
const utf8 = new TextEncoder();

port.on('message', ({ index, view, files }: CopJob) => {
  let answer: CopAnswer;
  try {
    // copFiles gives the files in copFilePaths' order, the order of `files`.
    const bytes = copFiles(frame, JSON.parse(view) as CopPageView).map(([, contents], i) => {
      const { temp, target } = files[i]!;
      return writeNewFile(temp, target, typeof contents === 'string' ? utf8.encode(contents) : contents, false);
    });
    answer = { index, bytes };
  } catch (error) {
    answer = { index, error: { message: (error as Error).message, stack: (error as Error).stack, write: error instanceof WriteError } };
  }
  port.postMessage(answer);
});
