/**
 * Worker thread: looks at CoP folders beside the main thread (snapshots.ts) and sends back what it
 * found, with git's index when it read it. The folders come in a message, so the thread can be
 * started before they are known.
 */
import { parentPort } from 'node:worker_threads';
import { helperLook, type LookRequest } from './snapshots.js';

parentPort!.once('message', (request: LookRequest) => {
  parentPort!.postMessage(helperLook(request));
});
