/** Worker thread: checks the batches of whole CoPs cop-pool.ts sends, after the context they share. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadScope } from '../workspace/read.js';
import { copChecker, loadCopComputer, type CopCheck, type CopCheckShared, type CopToCheck } from './check-cop.js';

const { scope } = workerData as { scope: ReadScope };
// Ready once what the shared context asks to compute of each CoP is loaded; batches wait for it, in order.
let check: Promise<(cop: CopToCheck) => CopCheck> | undefined;

parentPort!.on('message', (message: { shared: CopCheckShared } | CopToCheck[]) => {
  if (Array.isArray(message)) void check!.then((checkCop) => parentPort!.postMessage(message.map(checkCop)));
  else check = loadCopComputer(message.shared).then((compute) => copChecker(scope, message.shared, compute));
});
