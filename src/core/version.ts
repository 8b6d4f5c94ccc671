import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The package version, read from the package's package.json (only when asked for): two folders up, from src/core/, dist/core/ and dist/bundle/ alike. */
export function toolVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
