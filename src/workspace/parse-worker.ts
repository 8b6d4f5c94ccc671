/** Worker thread: runs batches of jobs (read, parse, or find unchanged) sent by parse-pool.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import { sharedValidator } from '../schema/validator.js';
import type { ReadScope } from './read.js';
import { runJob, type ParseJob } from './read-data.js';

const { scope } = workerData as { scope: ReadScope };
const validate = sharedValidator();

parentPort!.on('message', (batch: ParseJob[]) => {
  parentPort!.postMessage(batch.map((job) => runJob(scope, job, validate)));
});
