/**
 * `cop check --cache`: each data file's result from reading, parsing and schema validation (its data,
 * findings and suppression comments) kept between runs. Rules are not cached: they read many files
 * (budgets, people, rotations), so every rule runs on every run and the findings are exactly a cold
 * run's.
 *
 * An entry is the result for one text, known by the text's content hash. A file is not read again
 * when its stamp (size, times, inode: see stampOf) is the one cached; otherwise it is read, and
 * parsed again only when its hash differs (a fresh clone, as in CI, has new stamps and the same
 * texts). Both checks run where the file is read, in the worker threads of a big repository.
 *
 * The cache file is trusted for nothing: its whole key (tool version, schemas, cop.config.yaml)
 * must match, and one it cannot read or decode (truncated, corrupt, another tool's, a FIFO) is
 * ignored and rebuilt. It is V8's serialisation of plain data (quick to read back, and exact for
 * every number YAML can hold). It is written only when something changed, through a temporary file
 * and a rename, so a reader sees the old file or the new one, never half of one; of two runs
 * writing at once, the last rename wins.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SuppressionDirective } from '../lint/directives.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { SCHEMAS_DIGEST } from '../schema/validator.js';
import { toolVersion } from '../version.js';
import type { DataFile, ParsedFile } from './data-file.js';
import { readGuardedBytes, readScope } from './read.js';
import { digestOf, textHash } from './texts.js';
import { writeOwnedFileAtomic } from './write.js';

/** The folder of the cache file when no --cache-location is given (see cacheFilePath). */
export const DEFAULT_CACHE_FOLDER = 'node_modules/.cache/cop';
/** The cache file's name in a cache folder. */
export const CACHE_FILE_NAME = 'check-cache.bin';
/** Marks a file as this cache, in this layout: anything else at the path is foreign. */
export const CACHE_FORMAT = 'cop-check-cache/2';
/** A cache is read whole: a bigger file at the path is not one cop wrote for a sane repository. */
const MAX_CACHE_BYTES = 1024 * 1024 * 1024;

/** One file's cached result. */
export interface CacheEntry {
  stamp: string;
  hash: string;
  kind: string;
  /** The data, when the file loaded; else its findings say why not. */
  data?: unknown;
  /** Absent when there are none (most files: one array fewer each to write and read back). */
  diagnostics?: Diagnostic[];
  directives?: SuppressionDirective[];
  /** The index of its opening comments in the cache's list of them (nearly every file has the same). */
  opening: number;
}

/** The cache file's content: [CACHE_FORMAT, key, entries by file, the distinct opening comments]. */
export type CacheContent = [format: string, key: string, entries: Map<string, CacheEntry>, openings: string[]];

/** What a file's job carries from the cache: the stamp and hash of the cached result. */
export interface Expected {
  stamp: string;
  hash: string;
}

export interface ParseCache {
  /** The cached stamp and hash for the file, when the cache holds it as this kind. */
  expected(dataFile: DataFile): Expected | undefined;
  /** The cached result of a file found unchanged (its stamp now: absent when it was not read). */
  reuse(dataFile: DataFile, stamp: string): ParsedFile;
  /** Keeps a fresh result for the next run (one read from the disk, with its text or digest). */
  remember(parsed: ParsedFile): void;
  /** Writes the cache if it changed (files removed from it, added or updated); throws a WriteError. */
  save(): void;
}

/**
 * The cache file. `--cache-location` names a file, or a folder (one that exists, or a path ending in
 * a slash) to hold check-cache.json. Without it: node_modules/.cache/cop/ beside the package.json
 * that pins cop (a data root in a subfolder shares the repository's node_modules), else under the root.
 */
export function cacheFilePath(root: string, cwd: string, location?: string): string {
  if (location === undefined) return join(packageFolder(root), DEFAULT_CACHE_FOLDER, CACHE_FILE_NAME);
  const path = resolve(cwd, location);
  return /[\\/]$/.test(location) || isFolder(path) ? join(path, CACHE_FILE_NAME) : path;
}

/** The nearest folder from the data root up to the repository's top that holds package.json; else the root. */
function packageFolder(root: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return root;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false; // not reachable (a file in its path, no permission): writing will say why
  }
}

/** What must be equal for a cached result to be valid: the tool, the schemas and the configuration. */
export function cacheKey(configText: string | undefined): string {
  return JSON.stringify([toolVersion(), SCHEMAS_DIGEST, textHash(configText ?? '')]);
}

/** Opens the cache at `path` for `key`: its entries if it is a readable cache with that key, else none. */
export function openParseCache(path: string, key: string): ParseCache {
  const { entries: previous, openings } = readContent(path, key);
  const openingIndex = new Map(openings.map((opening, i) => [opening, i]));
  const next = new Map<string, CacheEntry>();
  let changed = false;
  return {
    expected({ file, kind }) {
      const entry = previous.get(file);
      return isEntry(entry, openings.length) && entry.kind === kind ? { stamp: entry.stamp, hash: entry.hash } : undefined;
    },
    reuse({ file, kind }, stamp) {
      const entry = previous.get(file) as CacheEntry; // expected() found it an entry
      if (entry.stamp === stamp) next.set(file, entry);
      else {
        next.set(file, { ...entry, stamp });
        changed = true;
      }
      const { data, diagnostics = [], directives, hash } = entry;
      return { file, kind, ...(data === undefined ? {} : { data }), diagnostics, ...(directives ? { directives } : {}), digest: { hash, opening: openings[entry.opening]! }, stamp };
    },
    remember(parsed) {
      const { file, kind, data, diagnostics, directives, stamp, text, digest } = parsed;
      if (stamp === undefined || (text === undefined && digest === undefined)) return; // refused, or not from the disk
      const { hash, opening } = digest ?? digestOf(text!);
      let index = openingIndex.get(opening);
      if (index === undefined) openingIndex.set(opening, (index = openings.push(opening) - 1));
      const entry: CacheEntry = { stamp, hash, kind, opening: index };
      if (data !== undefined) entry.data = data;
      if (diagnostics.length > 0) entry.diagnostics = diagnostics;
      if (directives) entry.directives = directives;
      next.set(file, entry);
      changed = true;
    },
    save() {
      // Unchanged when every previous entry was used as it was and nothing new was parsed.
      if (!changed && next.size === previous.size) return;
      const content: CacheContent = [CACHE_FORMAT, key, next, openings];
      writeOwnedFileAtomic(path, serialize(content));
    },
  };
}

function readContent(path: string, key: string): { entries: Map<string, unknown>; openings: string[] } {
  const none = { entries: new Map<string, unknown>(), openings: [] };
  let read;
  try {
    read = readGuardedBytes(readScope(dirname(path), MAX_CACHE_BYTES), path);
  } catch {
    return none; // no folder yet
  }
  if (!read.ok) return none;
  try {
    const content = deserialize(read.bytes) as unknown;
    if (!Array.isArray(content) || content[0] !== CACHE_FORMAT || content[1] !== key) return none;
    const [, , entries, openings] = content as unknown[];
    if (!(entries instanceof Map) || !Array.isArray(openings) || !openings.every((o) => typeof o === 'string')) return none;
    return { entries: entries as Map<string, unknown>, openings: openings as string[] };
  } catch {
    return none; // truncated, or not V8's serialisation
  }
}

function isEntry(entry: unknown, openings: number): entry is CacheEntry {
  if (entry === null || typeof entry !== 'object') return false;
  const { stamp, hash, kind, diagnostics, directives, opening } = entry as Partial<CacheEntry>;
  return (
    typeof stamp === 'string' &&
    typeof hash === 'string' &&
    typeof kind === 'string' &&
    Number.isInteger(opening) && opening! >= 0 && opening! < openings &&
    (diagnostics === undefined || Array.isArray(diagnostics)) &&
    (directives === undefined || Array.isArray(directives))
  );
}
