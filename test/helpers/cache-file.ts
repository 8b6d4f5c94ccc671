/** Reads and rewrites a `cop check --cache` file, to plant findings in it (src/workspace/check-cache.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { encodeCache, recordBytes, type CacheEntry, type CacheHead, type CopRecord } from '../../src/workspace/check-cache.js';

export interface CacheFile {
  format: string;
  key: string;
  peopleStamp: string | undefined;
  stamps: Map<string, string>;
  /** The records' bytes, as the file holds them. */
  body: Uint8Array;
  people: CacheEntry | undefined;
  cops: Map<string, CopRecord>;
}

export function readCacheFile(path: string): CacheFile {
  const bytes = readFileSync(path);
  const headEnd = 4 + bytes.readUInt32BE(0);
  const [format, key, peopleStamp, stamps, [peopleLength, lengths]] = deserialize(bytes.subarray(4, headEnd)) as CacheHead;
  const body = bytes.subarray(headEnd);
  const people = peopleLength === 0 ? undefined : (deserialize(body.subarray(0, peopleLength)) as CacheEntry);
  let at = peopleLength;
  const cops = new Map([...lengths].map(([id, length]) => [id, deserialize(body.subarray(at, (at += length))) as CopRecord]));
  return { format, key, peopleStamp, stamps, body, people, cops };
}

/** Writes the records back, as the tool writes them. */
export function writeCacheFile(path: string, { key, peopleStamp, stamps, people, cops }: CacheFile): void {
  const records = { people: recordBytes(people), cops: new Map([...cops].map(([id, record]) => [id, recordBytes(record)])) };
  writeFileSync(path, Buffer.concat(encodeCache(key, records, peopleStamp, stamps)));
}
