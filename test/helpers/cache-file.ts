/** Reads and rewrites a `cop check --cache` file, to plant findings in it (src/workspace/check-cache.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { encodeCache, type CacheBody, type CacheContent, type Checkout } from '../../src/workspace/check-cache.js';

export interface CacheFile {
  format: string;
  key: string;
  stamps: Map<string, string>;
  checkout: Checkout;
  people: CacheBody[0];
  cops: CacheBody[1];
}

export function readCacheFile(path: string): CacheFile {
  const [format, key, stamps, body, checkout] = deserialize(readFileSync(path)) as CacheContent;
  const [people, cops] = deserialize(body) as CacheBody;
  return { format, key, stamps, checkout, people, cops };
}

/** Writes the records back, as the tool writes them. */
export function writeCacheFile(path: string, { key, people, cops, checkout }: CacheFile): void {
  writeFileSync(path, encodeCache(key, [people, cops], checkout));
}
