/** Loads a data root once: discover, parse (in workers when large), assemble the Workspace. */
import type { IsoDate } from '../core/dates.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { resolvePolicy } from '../model/policy.js';
import type { Charter, Config, GoalReview, Meeting, Output, PeopleFile } from '../model/schema-types.js';
import { sharedValidator } from '../schema/validator.js';
import { discoverDataFiles, type Discovery } from './discover.js';
import type { DataFile, ParsedFile } from './parse.js';
import type { SchemaKind } from '../schema/validator.js';
import { copInputs, type CheckCache, type UnchangedCop } from './check-cache.js';
import { GIT_INDEX_MIN_FILES, unmodifiedBlobIds } from './git-index.js';
import { parseAll, parseJobs, startWorkers, workerCount, type OnProgress, type ParseAllOptions, type WorkerPool } from './parse-pool.js';
import type { Hashed, ParseJob } from './read-data.js';
import { parseRead } from './read-data.js';
import { DEFAULT_MAX_FILE_BYTES, readGuarded, readScope, stampAt, type GuardedRead, type ReadScope } from './read.js';
import { readReadmes } from './readmes.js';
import { readCodeowners } from './repository.js';
import { COPS_DIR, CONFIG_FILE } from './root.js';
import type { TextDigest } from './data-file.js';
import { interned, textHash, textsOf } from './texts.js';
import type { CopFolder, Workspace } from './workspace.js';

export interface ConfigLoad {
  config: Config;
  configFile?: string;
  /** Findings in cop.config.yaml: the caller treats them as a configuration error (exit 2). */
  diagnostics: Diagnostic[];
  /** The text of cop.config.yaml, for positioning findings in it. */
  text?: string;
}

/**
 * Reads cop.config.yaml alone, first, so a bad configuration stops before the big parse. It is
 * read with the default cap: the configured cap applies to every other file.
 */
export function loadConfig(root: string): ConfigLoad {
  const read = readGuarded(readScope(root), CONFIG_FILE);
  if (!read.ok && read.missing) return configLoadOf(undefined);
  return configLoadOf(parseRead({ file: CONFIG_FILE, kind: 'config' }, read, sharedValidator()));
}

/** The configuration from a parsed cop.config.yaml, or the defaults when there is none. */
export function configLoadOf(parsed: ParsedFile | undefined): ConfigLoad {
  if (!parsed) return { config: {}, diagnostics: [] };
  return {
    config: (parsed.data as Config | undefined) ?? {},
    configFile: CONFIG_FILE,
    diagnostics: parsed.diagnostics,
    ...(parsed.text === undefined ? {} : { text: parsed.text }),
  };
}

/** Where and how much the data files may be read: the data root, and the configured cap. */
export function dataScope(root: string, config: Config): ReadScope {
  return readScope(root, config.max_file_kib === undefined ? DEFAULT_MAX_FILE_BYTES : config.max_file_kib * 1024);
}

export interface LoadResult {
  workspace: Workspace;
  /** Findings from reading, parsing and schema validation (core checks). */
  diagnostics: Diagnostic[];
  /** With a cache: the CoPs taken from it unchanged, by id. Their meeting logs are not loaded. */
  unchanged?: ReadonlyMap<string, UnchangedCop>;
}

export interface LoadOptions {
  onProgress?: OnProgress;
  /**
   * `cop check --cache`, checking for `asOf`. A CoP the cache holds unchanged is loaded with its
   * charter alone (LoadResult.unchanged), so only the check, which takes that CoP's findings from
   * the cache, asks for it.
   */
  cache?: { cache: CheckCache; asOf: IsoDate };
  /** The data files as already listed (src/lint/cop-pool.ts listed them, then found it could not check CoP by CoP). */
  discovery?: Discovery;
}

export async function loadWorkspace(root: string, configLoad: ConfigLoad = loadConfig(root), { onProgress, cache, discovery: listed }: LoadOptions = {}): Promise<LoadResult> {
  const scope = dataScope(root, configLoad.config);
  let pool: WorkerPool | undefined;
  let discovery: Discovery;
  let parsed: ParsedFile[];
  let unchanged: Map<string, UnchangedCop> | undefined;
  try {
    // Workers start loading while the rest of the files are listed (not with a cache: it may leave nothing to parse).
    const onCount = (count: number) => {
      if (!cache && pool === undefined && workerCount(count) > 0) pool = startWorkers(scope, workerCount(count));
    };
    discovery = listed ?? discoverDataFiles(root, { onCount, ignore: configLoad.config.ignore ?? [] });
    const parsing = { ...(onProgress ? { onProgress } : {}), ...(pool ? { pool } : {}) };
    if (cache) ({ parsed, unchanged } = await parseWithCache(scope, discovery, cache, parsing));
    else parsed = await parseAll(scope, discovery.files.filter((f) => f.kind !== 'config'), parsing);
  } finally {
    await pool?.close();
  }
  const result: LoadResult = assembleWorkspace(root, configLoad, discovery.copIds, parsed, discovery.files.length, scope);
  result.diagnostics.unshift(...discovery.diagnostics);
  if (unchanged) {
    result.unchanged = unchanged;
    const directives = [...(result.workspace.directives ?? [])];
    for (const cop of unchanged.values()) {
      result.diagnostics.push(...cop.meetingDiagnostics);
      directives.push(...cop.meetingDirectives);
    }
    if (directives.length > 0) result.workspace.directives = directives;
  }
  addRepositoryFiles(result, scope, readReadmes(scope, discovery.copIds));
  return result;
}

/** Adds the generated files the rules compare with the data to a load: CODEOWNERS and the READMEs (`readmes`, as read). */
export function addRepositoryFiles(result: LoadResult, scope: ReadScope, readmes: ReturnType<typeof readReadmes>): void {
  const codeowners = readCodeowners(scope.root, scope.maxBytes);
  if (codeowners.ok) result.workspace.codeowners = codeowners.codeowners;
  else if (codeowners.finding) result.diagnostics.push(codeowners.finding);
  result.workspace.readmes = readmes.readmes;
  result.diagnostics.push(...readmes.diagnostics);
}

/** The kinds of file that belong to one CoP (under cops/<id>/): the cache keeps them per CoP. */
const COP_FILE_KINDS: ReadonlySet<SchemaKind> = new Set<SchemaKind>(['charter', 'meeting', 'output', 'review']);

/**
 * Parses what the cache does not hold unchanged. people.yaml comes first: the rules about a CoP
 * read it. Every CoP is noted in the cache; one found unchanged by its files' stamps, or else by
 * their content hashes, is taken from the cache with its charter alone. Any other CoP is parsed
 * whole, and remembered.
 */
async function parseWithCache(scope: ReadScope, discovery: Discovery, { cache, asOf }: NonNullable<LoadOptions['cache']>, parsing: ParseAllOptions) {
  const parsed: ParsedFile[] = [];
  const peopleFile = discovery.files.find((f) => f.kind === 'people');
  let people = peopleFile && cache.people(peopleFile, stampAt(scope, peopleFile.file));
  if (peopleFile && !people) {
    // A new stamp (a fresh clone) with the cached text: taken from the cache, not parsed again.
    const read = (await parseJobs(scope, [{ ...peopleFile, hashOnly: true }]))[0]!;
    people = 'hash' in read ? cache.people(peopleFile, read.stamp, read.hash) : undefined;
    if (!people) {
      people = 'hash' in read ? (await parseAll(scope, [peopleFile]))[0]! : read;
      cache.remember(people);
    }
  }
  if (people) parsed.push(people);
  const inputs = copInputs(asOf, people?.digest?.hash ?? (people?.text === undefined ? undefined : textHash(people.text)));
  const byCop = new Map<string, DataFile[]>(discovery.copIds.map((id) => [id, []]));
  // A CoP's files are listed together: its id is sliced from a path only where the CoP changes
  // (60,000 slices and look-ups were a tenth of a warm run, with the garbage they made).
  let prefix = '';
  let copFiles: DataFile[] = [];
  for (const file of discovery.files) {
    if (!COP_FILE_KINDS.has(file.kind)) continue;
    if (!file.file.startsWith(prefix) || prefix === '') {
      const id = copIdOf(file.file);
      prefix = `${COPS_DIR}/${id}/`;
      copFiles = byCop.get(id)!;
    }
    copFiles.push(file);
  }

  const unchanged = new Map<string, UnchangedCop>();
  const take = (id: string, cop: UnchangedCop) => {
    unchanged.set(id, cop);
    if (cop.charter) parsed.push(cop.charter);
  };
  // The CoPs to read, each with its files' stamps now.
  const toRead: { id: string; files: readonly DataFile[]; stamps: (string | undefined)[]; hashOnly: boolean }[] = [];
  for (const [id, files] of byCop) {
    cache.noteCop(id, files, inputs);
    const stamps = files.map(({ file }) => stampAt(scope, file));
    const cop = cache.unchangedCop(id, stamps);
    if (cop) take(id, cop);
    else toRead.push({ id, files, stamps, hashOnly: cache.comparesContents(id) });
  }
  // After a fresh clone every stamp is new: git's index has the hashes of the files it holds unmodified.
  const comparing = toRead.reduce((count, cop) => count + (cop.hashOnly ? cop.files.length : 0), 0);
  const fromGit = comparing >= GIT_INDEX_MIN_FILES ? await unmodifiedBlobIds(scope.root, COPS_DIR) : new Map<string, string>();
  // Each file's hash from git (with its stamp now), or where its job is among the jobs.
  const jobs: ParseJob[] = [];
  const slots = toRead.map(({ files, stamps, hashOnly }) =>
    files.map((file, i): Hashed | number => {
      const hash = hashOnly ? fromGit.get(file.file) : undefined;
      const stamp = stamps[i];
      if (hash !== undefined && stamp !== undefined) return { hash, stamp };
      jobs.push(hashOnly ? { ...file, hashOnly } : file);
      return jobs.length - 1;
    }),
  );
  const done = await parseJobs(scope, jobs, parsing);
  // A CoP whose files all hash as cached is unchanged; any other is parsed whole, in file order.
  const changed: [DataFile, ParsedFile | undefined][] = [];
  toRead.forEach(({ id, files, hashOnly }, n) => {
    const results = slots[n]!.map((slot) => (typeof slot === 'number' ? done[slot]! : slot));
    const hashed = results.filter((result): result is Hashed => 'hash' in result);
    const cop = hashOnly && hashed.length === results.length ? cache.unchangedByContent(id, hashed.map((h) => h.hash), hashed.map((h) => h.stamp)) : undefined;
    if (cop) take(id, cop);
    else {
      files.forEach((file, i) => {
        const result = results[i]!;
        changed.push([file, 'hash' in result ? undefined : result]);
      });
    }
  });
  const again = await parseAll(scope, changed.filter(([, result]) => result === undefined).map(([file]) => file));
  let next = 0;
  for (const [, result] of changed) {
    const file = result ?? again[next++]!;
    cache.remember(file);
    parsed.push(file);
  }
  return { parsed, unchanged };
}

/** The CoP a charter, meeting log, output or review belongs to: cops/<id>/… */
const copIdOf = (file: string) => file.slice(COPS_DIR.length + 1, file.indexOf('/', COPS_DIR.length + 1));

/**
 * The one way to put a Workspace together from parsed files, wherever they were read from (the
 * disk here, a git revision for `cop diff`). `parsed` holds every data file but the config; a
 * text not kept (texts.ts) is read again from `reread` when asked for.
 */
export function assembleWorkspace(
  root: string,
  configLoad: ConfigLoad,
  copIds: readonly string[],
  parsed: readonly ParsedFile[],
  fileCount: number,
  reread?: ReadScope,
): LoadResult {
  const diagnostics = [...configLoad.diagnostics];
  const charterFiles = new Set(parsed.filter((f) => f.kind === 'charter').map((f) => f.file));
  const cops = new Map<string, CopFolder>(
    copIds.map((id) => {
      const charterFile = `${COPS_DIR}/${id}/charter.yaml`;
      const hasCharterFile = charterFiles.has(charterFile);
      return [id, { id, charterFile, hasCharterFile, meetings: [], outputs: [], reviews: [] }];
    }),
  );
  let people: Workspace['people'];
  const directives = parsed.flatMap((file) => file.directives ?? []);
  const kept = new Map<string, string>();
  const digests = new Map<string, TextDigest>();
  if (configLoad.text !== undefined) kept.set(CONFIG_FILE, configLoad.text);
  for (const file of parsed) {
    if (file.text !== undefined) kept.set(file.file, file.text);
    else if (file.digest !== undefined) digests.set(file.file, { hash: file.digest.hash, opening: interned(file.digest.opening) });
    diagnostics.push(...file.diagnostics);
    if (file.data === undefined) continue;
    place(file, cops, (p) => (people = p));
  }
  const workspace: Workspace = {
    root,
    config: configLoad.config,
    policy: resolvePolicy(configLoad.config),
    people,
    cops: [...cops.values()],
    fileCount,
    texts: textsOf(kept, digests, reread && ((file) => textOrUndefined(readGuarded(reread, file)))),
  };
  if (configLoad.configFile) workspace.configFile = configLoad.configFile;
  if (directives.length > 0) workspace.directives = directives;
  return { workspace, diagnostics };
}

const textOrUndefined = (read: GuardedRead) => (read.ok ? read.text : undefined);

function place(file: ParsedFile, cops: Map<string, CopFolder>, setPeople: (p: Workspace['people']) => void): void {
  switch (file.kind) {
    case 'people':
      setPeople({ file: file.file, data: (file.data as PeopleFile).people });
      break;
    case 'charter':
      cops.get(copIdOf(file.file))!.charter = file.data as Charter;
      break;
    case 'meeting':
      cops.get(copIdOf(file.file))!.meetings.push({ file: file.file, data: file.data as Meeting });
      break;
    case 'review':
      cops.get(copIdOf(file.file))!.reviews.push({ file: file.file, data: file.data as GoalReview });
      break;
    case 'output':
      cops.get(copIdOf(file.file))!.outputs.push({ file: file.file, data: file.data as Output });
      break;
    case 'config':
      break;
  }
}

