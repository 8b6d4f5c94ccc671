/** Reads and rewrites a `cop check --cache` file, to plant findings in it (src/workspace/check-cache.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { encodeCache, type CacheBody, type CacheHead } from '../../src/workspace/check-cache.js';

export interface CacheFile {
  format: string;
  key: string;
  peopleStamp: string | undefined;
  stamps: Map<string, string>;
  /** The records' bytes, as the file holds them. */
  body: Uint8Array;
  people: CacheBody[0];
  cops: CacheBody[1];
}

export function readCacheFile(path: string): CacheFile {
  const bytes = readFileSync(path);
  const headEnd = 4 + bytes.readUInt32BE(0);
  const [format, key, peopleStamp, stamps] = deserialize(bytes.subarray(4, headEnd)) as CacheHead;
  const body = bytes.subarray(headEnd);
  const [people, cops] = deserialize(body) as CacheBody;
  return { format, key, peopleStamp, stamps, body, people, cops };
}

/** Writes the records back, as the tool writes them. */
export function writeCacheFile(path: string, { key, peopleStamp, stamps, people, cops }: CacheFile): void {
  writeFileSync(path, Buffer.concat(encodeCache(key, [people, cops], peopleStamp, stamps)));
}
