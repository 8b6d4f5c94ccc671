/**
 * Worker thread: looks at CoP folders beside the main thread (snapshots.ts) and sends back what it
 * found. The folders come in a message, so the thread can be started before they are known.
 */
import { parentPort } from 'node:worker_threads';
import { lookAtEach, type Looked } from './snapshots.js';

parentPort!.once('message', ({ copsDir, ids, expected, next }: { copsDir: string; ids: string[]; expected: (string | undefined)[]; next: Int32Array }) => {
  const looked: Looked = [];
  lookAtEach(copsDir, ids, expected, next, (index, at) => looked.push([index, at]));
  parentPort!.postMessage(looked);
});
