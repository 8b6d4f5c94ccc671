/**
 * `cop check --cache`: what earlier runs found, kept between runs CoP by CoP.
 *
 * For each folder under cops/ the cache holds its files' stamps (size, times, inode: see stampOf)
 * and content hashes, its charter's result (data, findings, suppression comments), what loading its
 * meeting logs found, and the findings of the rules about it (Rule.checkCop) with what besides its
 * files those rules read: the day checked for and people.yaml. A CoP whose files all have the
 * stamps cached, checked for the same day with the same people.yaml, is neither read nor checked
 * again; one whose stamps changed but whose files all hash the same (a fresh clone, as in CI) is
 * not parsed or checked either: its folder's tree id is taken from git (git-index.ts), or else its
 * files are hashed. Any other CoP is read, parsed and checked whole: a CoP is a few
 * hundred small files, so the cache keeps no meeting's data. The rules about the organisation
 * (CODEOWNERS, people.yaml, the generated READMEs) run every time, over every charter.
 *
 * The cache file is trusted for nothing: its whole key (tool version, schemas, cop.config.yaml)
 * must match, and one it cannot read or decode (truncated, corrupt, another tool's, a FIFO) is
 * ignored and rebuilt. It is V8's serialisation of plain data (quick to read back, and exact for
 * every number YAML can hold): a head with the stamps (people.yaml's, and each CoP's digest), then
 * the records serialised apart, decoded only after every folder has been looked at. The records hold no stamp:
 * after a fresh clone only the stamps change, and the records' bytes are written back as they were
 * read. It is written only when something changed, through a temporary file
 * and a rename, so a reader sees the old file or the new one, never half of one; of two runs
 * writing at once, the last rename wins.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SuppressionDirective } from '../lint/directives.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { SCHEMAS_DIGEST } from '../schema/validator.js';
import { toolVersion } from '../core/version.js';
import type { DataFile, ParsedFile } from './data-file.js';
import { readGuardedBytes, readScope } from './read.js';
import { COPS_DIR } from './root.js';
import { stampsDigestOfLines } from './stamps.js';
import { digestOf, interned, textHash } from './texts.js';
import { writeOwnedFileAtomic } from './write.js';

/** The folder of the cache file when no --cache-location is given (see cacheFilePath). */
export const DEFAULT_CACHE_FOLDER = 'node_modules/.cache/cop';
/** The cache file's name in a cache folder. */
export const CACHE_FILE_NAME = 'check-cache.bin';
/** Marks a file as this cache, in this layout: anything else at the path is foreign. */
export const CACHE_FORMAT = 'cop-check-cache/8';
/** A cache is read whole: a bigger file at the path is not one cop wrote for a sane repository. */
const MAX_CACHE_BYTES = 1024 * 1024 * 1024;

/** A charter's or people.yaml's cached result (its stamp is kept apart: CacheHead). */
export interface CacheEntry {
  hash: string;
  /** The data, when the file loaded; else its findings say why not. */
  data?: unknown;
  diagnostics: Diagnostic[];
  directives?: SuppressionDirective[];
  /** The comments that open the file (all the rule schema-modeline reads of it). */
  opening: string;
}

/** One folder under cops/ as the cache holds it (the digest of its files' stamps is kept apart: CacheHead). */
export interface CopRecord {
  /** Digests of its files' names and of their content hashes with their sizes (contentsDigest), in file order. */
  files: string;
  contents: string;
  /** The tree id git held for the folder, whose data files the work tree held as it names them (git-index.ts copTrees), with its files' sizes (treeIdentity); absent when git could not tell. */
  tree?: string;
  charter?: CacheEntry;
  /** What loading its meeting logs found, and their suppression comments. */
  meetingDiagnostics: Diagnostic[];
  meetingDirectives: SuppressionDirective[];
  /** The findings of the rules about this CoP, positioned, and the inputs besides its files they came from (copInputs). */
  findings: { inputs: string; diagnostics: Diagnostic[] };
}

/**
 * The cache file's head: people.yaml's stamp and each CoP's stamps digest (stamps.ts), apart from
 * the records (CacheBody), so a run compares every folder's stamps before it decodes the records.
 * The file is the head's length (4 bytes, big-endian), the head serialised, then the records
 * serialised: a run that changed only stamps writes the records' bytes as read, never copied into
 * the head (serialising 1.7 MB inside it took 10–30 ms).
 */
export type CacheHead = [format: string, key: string, peopleStamp: string | undefined, stamps: Map<string, string>];
/** The records, decoded only once the folders have been looked at. */
export type CacheBody = [people: CacheEntry | undefined, cops: Map<string, CopRecord>];

/** A CoP taken from the cache as it is: what the check needs of it without parsing its files. */
export interface UnchangedCop {
  /** Its charter's result, as a parse gives it; absent when the folder has no charter.yaml. */
  charter?: ParsedFile;
  meetingDiagnostics: Diagnostic[];
  meetingDirectives: SuppressionDirective[];
  /** The findings of the rules about it. */
  findings: Diagnostic[];
}

export interface CheckCache {
  /**
   * people.yaml as cached, when its stamp now is the one cached, or else its content hash now (a
   * fresh clone): a big organisation's people.yaml takes a while to parse. Kept with the new stamp.
   */
  people(dataFile: DataFile, stamp: string | undefined, hash?: string): ParsedFile | undefined;
  /** Notes a CoP's files (in file order) for this run, and what its rules read besides them (copInputs). */
  noteCop(id: string, files: CopFiles, inputs: string): void;
  /** The digest of the CoP's files' stamps when it was cached (stamps.ts stampsDigestOfLines), to compare before anything else is decoded. */
  expectedStamps(id: string): string | undefined;
  /** The CoP as cached, when its noted files' stamps now have this digest (stamps.ts) and it was checked with the noted inputs. */
  unchangedCop(id: string, stamps: string): UnchangedCop | undefined;
  /** Whether the CoP could yet be unchanged by its files' contents (the same files, checked with the same inputs). */
  comparesContents(id: string): boolean;
  /** The CoP as cached (kept with the new stamps), when its noted files' content hashes (textHash) and sizes now are the ones cached. */
  unchangedByContent(id: string, hashes: readonly string[], stamps: readonly string[]): UnchangedCop | undefined;
  /**
   * Notes the tree id git holds for each CoP folder whose data files the work tree holds as that
   * tree names them (git-index.ts copTrees): a CoP kept this run is kept with its tree id.
   */
  noteTrees(trees: ReadonlyMap<string, string>): void;
  /**
   * The CoP as cached (kept with the digest of its files' stamps now, `stamps`: stamps.ts), when it
   * was cached at this tree id and its noted files' sizes now are the ones cached (`sizes`: the
   * digest of their lines, sizeLines, as stamps.ts sizesDigest gives it).
   */
  unchangedByTree(id: string, tree: string, stamps: string, sizes: string): UnchangedCop | undefined;
  /** Keeps people.yaml or a file of a CoP as read and parsed this run (one read from the disk, with its text or digest). */
  remember(parsed: ParsedFile): void;
  /** Keeps the findings of the rules about a CoP read this run, with its remembered files, for the next run. */
  keepFindings(id: string, diagnostics: Diagnostic[]): void;
  /** Writes the cache if it changed; throws a WriteError. */
  save(): void;
}

/**
 * A CoP's data files in file order: the digest of their paths, one per line (textHash; a CoP
 * found unchanged needs no object per file), and the files themselves, made when asked for.
 */
export interface CopFiles {
  names: string;
  files(): readonly DataFile[];
}

/** The CopFiles of files already listed. */
export function copFilesOf(files: readonly DataFile[]): CopFiles {
  return { names: textHash(files.map(({ file }) => file).join('\n')), files: () => files };
}

/** What the rules about one CoP read besides its files: the day checked for, and people.yaml's text (by hash). */
export function copInputs(asOf: string, peopleHash: string | undefined): string {
  return JSON.stringify([asOf, peopleHash ?? null]);
}

/**
 * The cache file. `--cache-location` names a file, or a folder (one that exists, or a path ending in
 * a slash) to hold check-cache.bin. Without it: node_modules/.cache/cop/ beside the package.json
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

/** Stamps (or hashes) one per line, `-` for a file that has none: a CoP's are compared whole. */
export const stampLines = (values: readonly (string | undefined)[]) => values.map((value) => value ?? '-').join('\n');

/** Files' sizes, one per line, from their stamps (read.ts stampOf: the size is the first field), `-` for a file that has none; stamps.ts sizeLinesOf gives the same of stamps as numbers. */
export const sizeLines = (stamps: readonly (string | undefined)[]) => stampLines(stamps.map((stamp) => stamp?.split(':', 1)[0]));

/** One hash for a list of names or hashes: a big organisation's 60,000 would be most of the cache. */
const digestOfLines = (values: readonly (string | undefined)[]) => textHash(stampLines(values));

/** The digest of a CoP's contents: each file's hash (textHash of the bytes read) with its size now (`sizes`, one per line). */
const contentsDigest = (hashes: readonly string[], sizes: string) => {
  const each = sizes.split('\n');
  return digestOfLines(hashes.map((hash, i) => `${hash} ${each[i]}`));
};

/**
 * A CoP's identity by git's tree id: the id names what git stored, which is what the work tree
 * holds only when git converted nothing on checkout (line endings, a filter), so the files' sizes
 * go with it (`sizes`: the digest of their lines), as with contentsDigest.
 */
const treeIdentity = (tree: string, sizes: string) => `${tree} ${sizes}`;

/** Opens the cache at `path` for `key`: what it holds if it is a readable cache with that key, else nothing. */
export function openCheckCache(path: string, key: string): CheckCache {
  // Read when first asked for, not when opened: the loader looks at every file first, and 60,000
  // stamps are looked at faster while the decoded cache is not yet in memory for the garbage collector to copy.
  let head: ReturnType<typeof readHead> | undefined;
  let body: ReturnType<typeof decodeBody> | undefined;
  const previousHead = () => (head ??= readHead(path, key));
  const previous = () => (body ??= decodeBody(previousHead().body));
  let people: CacheEntry | undefined;
  let peopleStamp: string | undefined;
  // Each CoP's files this run, the digest of their names, and what its rules read besides them.
  const noted = new Map<string, { files: CopFiles; inputs: string }>();
  let trees: ReadonlyMap<string, string> = new Map();
  const fresh = new Map<string, ParsedFile>(); // the files parsed this run that can be cached, by file
  const next = new Map<string, CopRecord>();
  const nextStamps = new Map<string, string>();
  // A record made or changed this run (else the records' bytes are written back as read), and a stamp changed.
  let recordsChanged = false;
  let stampsChanged = false;

  const expectedStamps = (id: string) => {
    const stamps = previousHead().stamps.get(id);
    return typeof stamps === 'string' ? stamps : undefined;
  };
  /** The CoP's record, when it holds the noted files checked with the noted inputs. */
  const recordOf = (id: string) => {
    const record = previous().cops.get(id);
    const { files, inputs } = noted.get(id)!;
    if (!isRecord(record) || record.findings.inputs !== inputs || record.files !== files.names) return undefined;
    // The same files: a charter with them when there was one then (keepFindings).
    const charterFile: DataFile | undefined = record.charter ? { file: `${COPS_DIR}/${id}/charter.yaml`, kind: 'charter' } : undefined;
    return { record, charterFile };
  };
  /** A CoP found unchanged by its contents, kept with the digest of its files' stamps now; its record changes only if git now names its tree. */
  const restamped = (id: string, { record, charterFile }: { record: CopRecord; charterFile: DataFile | undefined }, stamps: string, sizes: string) => {
    stampsChanged = true;
    const tree = trees.get(id);
    const identity = tree === undefined ? record.tree : treeIdentity(tree, sizes);
    if (identity === record.tree) return taken(id, record, charterFile, stamps);
    recordsChanged = true;
    return taken(id, { ...record, tree: identity! }, charterFile, stamps);
  };
  const taken = (id: string, record: CopRecord, charterFile: DataFile | undefined, stamps: string): UnchangedCop => {
    next.set(id, record);
    nextStamps.set(id, stamps);
    const charter = record.charter && charterFile && { ...charterFile, ...asParsed(record.charter) };
    return { ...(charter ? { charter } : {}), meetingDiagnostics: record.meetingDiagnostics, meetingDirectives: record.meetingDirectives, findings: record.findings.diagnostics };
  };

  return {
    people(dataFile, stamp, hash) {
      const previousPeople = previous().people;
      const previousStamp = previousHead().peopleStamp;
      if (!isEntry(previousPeople) || stamp === undefined) return undefined;
      if (previousStamp !== stamp && (hash === undefined || previousPeople.hash !== hash)) return undefined;
      people = previousPeople;
      peopleStamp = stamp;
      if (stamp !== previousStamp) stampsChanged = true;
      return { ...dataFile, ...asParsed(people), stamp };
    },
    noteCop(id, files, inputs) {
      noted.set(id, { files, inputs });
    },
    expectedStamps,
    unchangedCop(id, stamps) {
      const found = recordOf(id);
      if (!found || expectedStamps(id) !== stamps) return undefined;
      return taken(id, found.record, found.charterFile, stamps);
    },
    comparesContents(id) {
      return recordOf(id) !== undefined;
    },
    unchangedByContent(id, hashes, stamps) {
      const found = recordOf(id);
      const sizes = sizeLines(stamps);
      if (!found || found.record.contents !== contentsDigest(hashes, sizes)) return undefined;
      return restamped(id, found, stampsDigestOfLines(stampLines(stamps)), textHash(sizes));
    },
    noteTrees(noted) {
      trees = noted;
    },
    unchangedByTree(id, tree, stamps, sizes) {
      const found = recordOf(id);
      if (!found || found.record.tree === undefined || found.record.tree !== treeIdentity(tree, sizes)) return undefined;
      return restamped(id, found, stamps, sizes);
    },
    remember(parsed) {
      // Refused, or not read from the disk: it (or its CoP) is read again next time.
      if (parsed.stamp === undefined || (parsed.text === undefined && parsed.digest === undefined)) return;
      if (parsed.kind === 'people') {
        people = entryOf(parsed);
        peopleStamp = parsed.stamp;
      } else fresh.set(parsed.file, parsed);
    },
    keepFindings(id, diagnostics) {
      const { files, inputs } = noted.get(id)!;
      const parsed = files.files().map(({ file }) => fresh.get(file));
      if (parsed.some((p) => p === undefined)) return;
      const record: CopRecord = { files: files.names, contents: '', meetingDiagnostics: [], meetingDirectives: [], findings: { inputs, diagnostics } };
      const hashes: string[] = [];
      const stamps: string[] = [];
      for (const file of parsed as ParsedFile[]) {
        stamps.push(file.stamp!);
        if (file.kind === 'charter') {
          record.charter = entryOf(file);
          hashes.push(record.charter.hash);
        } else {
          hashes.push((file.digest ?? digestOf(file.text!)).hash);
          record.meetingDiagnostics.push(...file.diagnostics);
          record.meetingDirectives.push(...(file.directives ?? []));
        }
      }
      const sizes = sizeLines(stamps);
      record.contents = contentsDigest(hashes, sizes);
      const tree = trees.get(id);
      if (tree !== undefined) record.tree = treeIdentity(tree, textHash(sizes));
      next.set(id, record);
      nextStamps.set(id, stampsDigestOfLines(stampLines(stamps)));
      recordsChanged = true;
    },
    save() {
      const { people: previousPeople, cops: previousCops, bytes } = previous();
      const recordsAsRead = !recordsChanged && next.size === previousCops.size && people === previousPeople;
      if (recordsAsRead && !stampsChanged) return;
      writeOwnedFileAtomic(path, encodeCache(key, recordsAsRead && bytes ? bytes : [people, next], peopleStamp, nextStamps));
    },
  };
}

/** The cache file's bytes under `key`, in parts (CacheHead): the head with people.yaml's stamp and each CoP's stamps digest, then the records (or their bytes as read). */
export function encodeCache(key: string, body: CacheBody | Uint8Array, peopleStamp: string | undefined, stamps: Map<string, string>): Uint8Array[] {
  const head: CacheHead = [CACHE_FORMAT, key, peopleStamp, stamps];
  const headBytes = serialize(head);
  const length = Buffer.alloc(HEAD_LENGTH_BYTES);
  length.writeUInt32BE(headBytes.length);
  return [length, headBytes, body instanceof Uint8Array ? body : serialize(body)];
}

const HEAD_LENGTH_BYTES = 4;

/** What is cached of a charter or people.yaml read from the disk. */
function entryOf({ text, digest, data, diagnostics, directives }: ParsedFile): CacheEntry {
  const { hash, opening } = digest ?? digestOf(text!);
  return { hash, opening, diagnostics, ...(data === undefined ? {} : { data }), ...(directives ? { directives } : {}) };
}

/** A cached charter or people.yaml as a parse gives it (but its stamp). */
function asParsed({ data, diagnostics, directives, hash, opening }: CacheEntry): Omit<ParsedFile, 'file' | 'kind'> {
  return { ...(data === undefined ? {} : { data }), diagnostics, ...(directives ? { directives } : {}), digest: { hash, opening: interned(opening) } };
}

/** The cache file's stamps and undecoded records, if it is a readable cache with this key. */
function readHead(path: string, key: string): { peopleStamp?: string; stamps: Map<string, unknown>; body?: Uint8Array } {
  const none = { stamps: new Map<string, unknown>() };
  let read;
  try {
    read = readGuardedBytes(readScope(dirname(path), MAX_CACHE_BYTES), path);
  } catch {
    return none; // no folder yet
  }
  if (!read.ok || read.bytes.length < HEAD_LENGTH_BYTES) return none;
  const headEnd = HEAD_LENGTH_BYTES + read.bytes.readUInt32BE(0);
  if (headEnd > read.bytes.length) return none;
  try {
    const content = deserialize(read.bytes.subarray(HEAD_LENGTH_BYTES, headEnd)) as unknown;
    if (!Array.isArray(content) || content.length !== 4 || content[0] !== CACHE_FORMAT || content[1] !== key) return none;
    const [, , peopleStamp, stamps] = content as unknown[];
    if ((peopleStamp !== undefined && typeof peopleStamp !== 'string') || !(stamps instanceof Map)) return none;
    return { ...(peopleStamp === undefined ? {} : { peopleStamp }), stamps: stamps as Map<string, unknown>, body: read.bytes.subarray(headEnd) };
  } catch {
    return none; // truncated, or not V8's serialisation
  }
}

/** The records, with the bytes they were decoded from; none when the body cannot be decoded. */
function decodeBody(bytes: Uint8Array | undefined): { people?: unknown; cops: Map<string, unknown>; bytes?: Uint8Array } {
  const none = { cops: new Map<string, unknown>() };
  if (bytes === undefined) return none;
  try {
    const body = deserialize(bytes) as unknown;
    if (!Array.isArray(body) || body.length !== 2 || !(body[1] instanceof Map)) return none;
    return { people: body[0], cops: body[1] as Map<string, unknown>, bytes };
  } catch {
    return none;
  }
}

function isEntry(entry: unknown): entry is CacheEntry {
  if (entry === null || typeof entry !== 'object') return false;
  const { hash, diagnostics, directives, opening } = entry as Partial<CacheEntry>;
  return typeof hash === 'string' && typeof opening === 'string' && Array.isArray(diagnostics) && (directives === undefined || Array.isArray(directives));
}

function isRecord(record: unknown): record is CopRecord {
  if (record === null || typeof record !== 'object') return false;
  const { files, contents, tree, charter, meetingDiagnostics, meetingDirectives, findings } = record as Partial<CopRecord>;
  return (
    typeof files === 'string' &&
    typeof contents === 'string' &&
    (tree === undefined || typeof tree === 'string') &&
    (charter === undefined || isEntry(charter)) &&
    Array.isArray(meetingDiagnostics) &&
    Array.isArray(meetingDirectives) &&
    findings !== null && typeof findings === 'object' &&
    typeof findings.inputs === 'string' && Array.isArray(findings.diagnostics)
  );
}
