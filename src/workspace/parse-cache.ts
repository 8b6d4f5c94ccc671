/**
 * `cop check --cache`: each data file's result from reading, parsing and schema validation (its data
 * and findings) kept between runs, keyed by a hash of the file's text. Rules are not cached: they
 * read many files (budgets, people, rotations), so every rule runs on every run and the findings
 * are exactly a cold run's.
 *
 * The cache file is trusted for nothing: its whole key (tool version, schemas, cop.config.yaml)
 * must match, and one it cannot read or parse (truncated, corrupt, another tool's, a FIFO) is
 * ignored and rebuilt. It is written only when something changed, through a temporary file and a
 * rename, so a reader sees the old file or the new one, never half of one; of two runs writing at
 * once, the last rename wins.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SCHEMAS_DIGEST } from '../schema/validator.js';
import { toolVersion } from '../version.js';
import type { DataFile, ParsedFile } from './parse.js';
import { readGuarded, readScope } from './read.js';
import { writeOwnedFileAtomic } from './write.js';

/** The folder of the cache file when no --cache-location is given (see cacheFilePath). */
export const DEFAULT_CACHE_FOLDER = 'node_modules/.cache/cop';
/** The cache file's name in a cache folder. */
export const CACHE_FILE_NAME = 'check-cache.json';
/** Marks a file as this cache, in this layout: anything else at the path is foreign. */
const FORMAT = 'cop-check-cache/1';
/** A cache is read whole: a bigger file at the path is not one cop wrote for a sane repository. */
const MAX_CACHE_BYTES = 1024 * 1024 * 1024;

/** One file's cached result: [text hash, kind, data or null, findings]. */
type Entry = [hash: string, kind: string, data: unknown, diagnostics: ParsedFile['diagnostics']];

interface CacheFile {
  format: typeof FORMAT;
  key: string;
  entries: Record<string, Entry>;
}

export interface ParseCache {
  /** The file's cached result when its text is the one cached; else undefined. */
  lookup(dataFile: DataFile, text: string): ParsedFile | undefined;
  /** Keeps a fresh result (with its text) for the next run. */
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

export const textHash = (text: string): string => createHash('sha1').update(text).digest('base64');

/** What must be equal for a cached result to be valid: the tool, the schemas and the configuration. */
export function cacheKey(configText: string | undefined): string {
  return JSON.stringify([toolVersion(), SCHEMAS_DIGEST, textHash(configText ?? '')]);
}

/** Opens the cache at `path` for `key`: its entries if it is a readable cache with that key, else none. */
export function openParseCache(path: string, key: string): ParseCache {
  const previous = readEntries(path, key);
  const next: Record<string, Entry> = {};
  let changed = false;
  return {
    lookup(dataFile, text) {
      const entry = previous[dataFile.file];
      if (!isEntry(entry) || entry[0] !== textHash(text) || entry[1] !== dataFile.kind) return undefined;
      next[dataFile.file] = entry;
      const [, , data, diagnostics] = entry;
      return { ...dataFile, ...(data === null ? {} : { data }), diagnostics, text };
    },
    remember(parsed) {
      if (parsed.text === undefined || (parsed.data !== undefined && !jsonExact(parsed.data))) return;
      next[parsed.file] = [textHash(parsed.text), parsed.kind, parsed.data ?? null, parsed.diagnostics];
      changed = true;
    },
    save() {
      // Unchanged when every previous entry was used and nothing new was parsed.
      if (!changed && Object.keys(next).length === Object.keys(previous).length) return;
      const file: CacheFile = { format: FORMAT, key, entries: next };
      writeOwnedFileAtomic(path, JSON.stringify(file));
    },
  };
}

function readEntries(path: string, key: string): Record<string, unknown> {
  let read;
  try {
    read = readGuarded(readScope(dirname(path), MAX_CACHE_BYTES), path);
  } catch {
    return {}; // no folder yet
  }
  if (!read.ok) return {};
  try {
    const file = JSON.parse(read.text) as Partial<CacheFile> | null;
    if (file === null || typeof file !== 'object' || file.format !== FORMAT || file.key !== key) return {};
    const entries = file.entries;
    return entries !== null && typeof entries === 'object' && !Array.isArray(entries) ? Object.setPrototypeOf(entries, null) : {};
  } catch {
    return {}; // truncated or not JSON
  }
}

function isEntry(entry: unknown): entry is Entry {
  return Array.isArray(entry) && entry.length === 4 && typeof entry[0] === 'string' && typeof entry[1] === 'string' && Array.isArray(entry[3]);
}

/**
 * Whether JSON gives `value` back unchanged. YAML can hold numbers JSON cannot (.inf, .nan, -0):
 * such a file is simply not cached.
 */
function jsonExact(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item === 'string' || typeof item === 'boolean') continue;
    if (typeof item === 'number') {
      if (!Number.isFinite(item) || Object.is(item, -0)) return false;
    } else if (Array.isArray(item)) stack.push(...item);
    else if (typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) stack.push(...Object.values(item));
    else return false;
  }
  return true;
}
