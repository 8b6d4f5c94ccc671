/** Worker thread: looks at CoP folders beside the main thread (snapshots.ts) and sends back what it found. */
import { parentPort, workerData } from 'node:worker_threads';
import { lookAtEach, type Looked } from './snapshots.js';

const { copsDir, ids, expected, next } = workerData as { copsDir: string; ids: string[]; expected: (string | undefined)[]; next: Int32Array };
const looked: Looked = [];
lookAtEach(copsDir, ids, expected, next, (index, at) => looked.push([index, at]));
parentPort!.postMessage(looked);
