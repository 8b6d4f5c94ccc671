/** Worker thread: checks the batches of whole CoPs cop-pool.ts sends, after the context they share. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadScope } from '../workspace/read.js';
import { copChecker, type CopCheck, type CopCheckShared, type CopFiles } from './check-cop.js';

const { scope } = workerData as { scope: ReadScope };
let check: ((cop: CopFiles) => CopCheck) | undefined;

parentPort!.on('message', (message: { shared: CopCheckShared } | CopFiles[]) => {
  if (Array.isArray(message)) parentPort!.postMessage(message.map((cop) => check!(cop)));
  else check = copChecker(scope, message.shared);
});
