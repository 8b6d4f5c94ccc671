/** Worker thread: takes CoP snapshots beside the main thread (snapshots.ts) and sends them back. */
import { parentPort, workerData } from 'node:worker_threads';
import { takeSnapshots, type TakenSnapshots } from './snapshots.js';

const { copsDir, ids, next } = workerData as { copsDir: string; ids: string[]; next: Int32Array };
const taken: TakenSnapshots = [];
takeSnapshots(copsDir, ids, next, (index, snapshot) => taken.push([index, snapshot]));
parentPort!.postMessage(taken);
