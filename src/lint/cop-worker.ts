/** Worker thread: checks the batches of whole CoPs cop-pool.ts sends, after the context they share. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadScope } from '../workspace/read.js';
import { copChecker, type CopCheck, type CopCheckShared, type CopToCheck } from './check-cop.js';

const { scope } = workerData as { scope: ReadScope };
let check: ((cop: CopToCheck) => CopCheck) | undefined;

parentPort!.on('message', (message: { shared: CopCheckShared } | CopToCheck[]) => {
  if (Array.isArray(message)) parentPort!.postMessage(message.map((cop) => check!(cop)));
  else check = copChecker(scope, message.shared);
});
