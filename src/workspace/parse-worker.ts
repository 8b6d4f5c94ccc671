/** Worker thread: parses batches of data files sent by parse-pool.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import { sharedValidator } from '../schema/validator.js';
import type { DataFile } from './parse.js';
import { readDataFile } from './read-data.js';
import type { ReadScope } from './read.js';

const { scope } = workerData as { scope: ReadScope };
const validate = sharedValidator();

parentPort!.on('message', (batch: DataFile[]) => {
  parentPort!.postMessage(batch.map((file) => readDataFile(scope, file, validate)));
});
