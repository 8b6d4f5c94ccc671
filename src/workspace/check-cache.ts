/**
 * `cop check --cache`: what earlier runs found, kept between runs CoP by CoP.
 *
 * For each folder under cops/ the cache holds the result of reading, parsing and validating each of
 * its files (an entry: data, findings, suppression comments, content hash and stamp) and the findings
 * of the rules about that CoP (Rule.checkCop), with what besides its files those rules read: the day
 * checked for and people.yaml. A CoP whose files all have the stamps cached (size, times, inode: see
 * stampOf), checked for the same day with the same people.yaml, is neither read nor checked again:
 * its charter and findings come from the cache, and its meeting logs' entries are not even decoded.
 * The rules about the organisation (CODEOWNERS, people.yaml, the generated READMEs) run every time,
 * over every charter. A CoP with a changed file is read again, and a file whose stamp changed is
 * parsed again only when its content hash changed too (a fresh clone, as in CI, has new stamps and
 * the same texts).
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
import { COPS_DIR } from './root.js';
import { readGuardedBytes, readScope } from './read.js';
import { digestOf, interned, textHash } from './texts.js';
import { writeOwnedFileAtomic } from './write.js';

/** The folder of the cache file when no --cache-location is given (see cacheFilePath). */
export const DEFAULT_CACHE_FOLDER = 'node_modules/.cache/cop';
/** The cache file's name in a cache folder. */
export const CACHE_FILE_NAME = 'check-cache.bin';
/** Marks a file as this cache, in this layout: anything else at the path is foreign. */
export const CACHE_FORMAT = 'cop-check-cache/3';
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
  /** The comments that open the file (all the rule schema-modeline reads of it). */
  opening: string;
}

/** One folder under cops/ as the cache holds it. */
export interface CopRecord {
  /** Its files and their stamps, a `file stamp` line each in file order: compared whole, as one string. */
  listing: string;
  /** Its charter's entry, decoded on every run: the organisation's rules read every charter. */
  charter?: CacheEntry;
  /** V8's serialisation of its meeting logs' entries (a Map by file), decoded only when the CoP is read again. */
  meetings: Uint8Array;
  /** What loading its meeting logs found, and their suppression comments, without decoding `meetings`. */
  meetingDiagnostics: Diagnostic[];
  meetingDirectives: SuppressionDirective[];
  /** The findings of the rules about this CoP, positioned, and the inputs besides its files they came from. */
  findings: { inputs: string; diagnostics: Diagnostic[] };
}

/** The cache file's content. */
export type CacheContent = [format: string, key: string, people: CacheEntry | undefined, cops: Map<string, CopRecord>];

/** What a file's job carries from the cache: the stamp and hash of the cached result. */
export interface Expected {
  stamp: string;
  hash: string;
}

/** The per-file side of the cache, for the files a run reads (parse-pool.ts parseAll). */
export interface ParseCache {
  /** The cached stamp and hash for the file, when the cache holds it as this kind. */
  expected(dataFile: DataFile): Expected | undefined;
  /** The cached result of a file found unchanged (its stamp now: absent when it was not read). */
  reuse(dataFile: DataFile, stamp: string): ParsedFile;
  /** Keeps a fresh result for the next run (one read from the disk, with its text or digest). */
  remember(parsed: ParsedFile): void;
}

/** A CoP taken from the cache as it is: what the check needs of it without reading its files. */
export interface UnchangedCop {
  /** Its charter's result, as a parse gives it; absent when the folder has no charter.yaml. */
  charter?: ParsedFile;
  meetingDiagnostics: Diagnostic[];
  meetingDirectives: SuppressionDirective[];
  /** The findings of the rules about it. */
  findings: Diagnostic[];
}

export interface CheckCache {
  readonly files: ParseCache;
  /** Notes a CoP's files (in file order) for this run, and what its rules read besides them (copInputs). */
  noteCop(id: string, files: readonly DataFile[], inputs: string): void;
  /**
   * The CoP as cached (kept so for the next run), when its noted files have the stamps `stampOf`
   * gives now and its rules' findings were found with the noted inputs.
   */
  unchangedCop(id: string, stampOf: (file: string) => string | undefined): UnchangedCop | undefined;
  /** Keeps a CoP read this run for the next: its files' entries (given to `files`) and its rules' findings. */
  keepFindings(id: string, diagnostics: Diagnostic[]): void;
  /** Writes the cache if it changed; throws a WriteError. */
  save(): void;
}

/** What the rules about one CoP read besides its files: the day checked for, and people.yaml's text (by hash). */
export function copInputs(asOf: string, peopleHash: string | undefined): string {
  return JSON.stringify([asOf, peopleHash ?? null]);
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

const listingLine = (file: string, stamp: string | undefined) => `${file} ${stamp ?? '-'}`;
const copIdOf = (file: string) => file.slice(COPS_DIR.length + 1, file.indexOf('/', COPS_DIR.length + 1));

/** Opens the cache at `path` for `key`: what it holds if it is a readable cache with that key, else nothing. */
export function openCheckCache(path: string, key: string): CheckCache {
  const previous = readContent(path, key);
  const decoded = new Map<string, Map<string, unknown>>(); // the CoPs whose meeting entries were decoded
  const fresh = new Map<string, CacheEntry>(); // the entries of the files read this run, by file
  const next = new Map<string, CopRecord>();
  const noted = new Map<string, { files: readonly DataFile[]; inputs: string }>();
  let people: CacheEntry | undefined;
  let changed = false;

  const previousEntry = (file: string, kind: string): CacheEntry | undefined => {
    let entry: unknown;
    if (kind === 'people') entry = previous.people;
    else {
      const id = copIdOf(file);
      const record = previous.cops.get(id);
      if (!isRecord(record)) return undefined;
      if (kind === 'charter') entry = record.charter;
      else {
        if (!decoded.has(id)) decoded.set(id, decodeEntries(record.meetings));
        entry = decoded.get(id)!.get(file);
      }
    }
    return isEntry(entry) && entry.kind === kind ? entry : undefined;
  };
  const keep = (file: string, kind: string, entry: CacheEntry) => {
    if (kind === 'people') people = entry;
    else fresh.set(file, entry);
  };
  const asParsed = ({ file, kind }: DataFile, entry: CacheEntry, stamp: string): ParsedFile => {
    const { data, diagnostics = [], directives, hash, opening } = entry;
    return { file, kind, ...(data === undefined ? {} : { data }), diagnostics, ...(directives ? { directives } : {}), digest: { hash, opening: interned(opening) }, stamp } as ParsedFile;
  };

  const files: ParseCache = {
    expected({ file, kind }) {
      const entry = previousEntry(file, kind);
      return entry && { stamp: entry.stamp, hash: entry.hash };
    },
    reuse(dataFile, stamp) {
      const entry = previousEntry(dataFile.file, dataFile.kind)!; // expected() found it
      keep(dataFile.file, dataFile.kind, entry.stamp === stamp ? entry : { ...entry, stamp });
      return asParsed(dataFile, entry, stamp);
    },
    remember(parsed) {
      const { file, kind, data, diagnostics, directives, stamp, text, digest } = parsed;
      if (stamp === undefined || (text === undefined && digest === undefined)) return; // refused, or not from the disk
      const { hash, opening } = digest ?? digestOf(text!);
      const entry: CacheEntry = { stamp, hash, kind, opening };
      if (data !== undefined) entry.data = data;
      if (diagnostics.length > 0) entry.diagnostics = diagnostics;
      if (directives) entry.directives = directives;
      keep(file, kind, entry);
    },
  };

  return {
    files,
    noteCop(id, copFiles, inputs) {
      noted.set(id, { files: copFiles, inputs });
    },
    unchangedCop(id, stampOf) {
      const { files: copFiles, inputs } = noted.get(id)!;
      const record = previous.cops.get(id);
      if (!isRecord(record) || record.findings.inputs !== inputs) return undefined;
      if (record.listing !== copFiles.map(({ file }) => listingLine(file, stampOf(file))).join('\n')) return undefined;
      const charterFile = copFiles[0]?.kind === 'charter' ? copFiles[0] : undefined;
      if ((charterFile === undefined) !== (record.charter === undefined) || (record.charter && !isEntry(record.charter))) return undefined;
      next.set(id, record);
      return {
        ...(charterFile && record.charter ? { charter: asParsed(charterFile, record.charter, record.charter.stamp) } : {}),
        meetingDiagnostics: record.meetingDiagnostics,
        meetingDirectives: record.meetingDirectives,
        findings: record.findings.diagnostics,
      };
    },
    keepFindings(id, diagnostics) {
      const { files: copFiles, inputs } = noted.get(id)!;
      const findings = { inputs, diagnostics };
      const entries = copFiles.map(({ file }) => fresh.get(file));
      // A file that could not be read has no entry: its CoP is read again next time.
      if (entries.some((entry) => entry === undefined)) return;
      const meetings = new Map<string, CacheEntry>();
      const record: CopRecord = { listing: '', meetings: new Uint8Array(), meetingDiagnostics: [], meetingDirectives: [], findings };
      copFiles.forEach(({ file, kind }, i) => {
        const entry = entries[i]!;
        if (kind === 'charter') record.charter = entry;
        else {
          meetings.set(file, entry);
          record.meetingDiagnostics.push(...(entry.diagnostics ?? []));
          record.meetingDirectives.push(...(entry.directives ?? []));
        }
      });
      record.listing = copFiles.map(({ file }, i) => listingLine(file, entries[i]!.stamp)).join('\n');
      record.meetings = serialize(meetings);
      next.set(id, record);
      changed = true;
    },
    save() {
      if (!changed && next.size === previous.cops.size && people === previous.people) return;
      const content: CacheContent = [CACHE_FORMAT, key, people, next];
      writeOwnedFileAtomic(path, serialize(content));
    },
  };
}

function decodeEntries(bytes: Uint8Array): Map<string, unknown> {
  try {
    const entries = deserialize(bytes) as unknown;
    return entries instanceof Map ? (entries as Map<string, unknown>) : new Map();
  } catch {
    return new Map();
  }
}

function readContent(path: string, key: string): { people?: unknown; cops: Map<string, unknown> } {
  const none = { cops: new Map<string, unknown>() };
  let read;
  try {
    read = readGuardedBytes(readScope(dirname(path), MAX_CACHE_BYTES), path);
  } catch {
    return none; // no folder yet
  }
  if (!read.ok) return none;
  try {
    const content = deserialize(read.bytes) as unknown;
    if (!Array.isArray(content) || content.length !== 4 || content[0] !== CACHE_FORMAT || content[1] !== key) return none;
    const [, , people, cops] = content as unknown[];
    if (!(cops instanceof Map)) return none;
    return { people, cops: cops as Map<string, unknown> };
  } catch {
    return none; // truncated, or not V8's serialisation
  }
}

function isEntry(entry: unknown): entry is CacheEntry {
  if (entry === null || typeof entry !== 'object') return false;
  const { stamp, hash, kind, diagnostics, directives, opening } = entry as Partial<CacheEntry>;
  return (
    typeof stamp === 'string' &&
    typeof hash === 'string' &&
    typeof kind === 'string' &&
    typeof opening === 'string' &&
    (diagnostics === undefined || Array.isArray(diagnostics)) &&
    (directives === undefined || Array.isArray(directives))
  );
}

function isRecord(record: unknown): record is CopRecord {
  if (record === null || typeof record !== 'object') return false;
  const { listing, meetings, meetingDiagnostics, meetingDirectives, findings } = record as Partial<CopRecord>;
  return (
    typeof listing === 'string' &&
    meetings instanceof Uint8Array &&
    Array.isArray(meetingDiagnostics) &&
    Array.isArray(meetingDirectives) &&
    findings !== null && typeof findings === 'object' &&
    typeof findings.inputs === 'string' && Array.isArray(findings.diagnostics)
  );
}
