/** Loads a data root once: discover, parse (in workers when large), assemble the Workspace. */
import type { IsoDate } from '../core/dates.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { resolvePolicy } from '../model/policy.js';
import type { Charter, Config, GoalReview, Meeting, Output, PeopleFile } from '../model/schema-types.js';
import { sharedValidator } from '../schema/validator.js';
import { dataRootLister, discoverDataFiles, snapshotCop, snapshotFiles, splitLines, type DataRootLister, type Discovery } from './discover.js';
import { lookAtCops, type LookedAt } from './snapshots.js';
import { sizesDigest, stampsDigestOfLines } from './stamps.js';
import type { DataFile, ParsedFile } from './parse.js';
import type { SchemaKind } from '../schema/validator.js';
import { copFilesOf, copInputs, sizeLines, stampLines, type CopFiles, type CheckCache, type UnchangedCop } from './check-cache.js';
import { copTrees, GIT_INDEX_MIN_FILES } from './git-index.js';
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
  let fileCount: number;
  const ignore = configLoad.config.ignore ?? [];
  try {
    if (cache) ({ discovery, parsed, unchanged, fileCount } = await parseWithCache(scope, dataRootLister(root, ignore), cache, onProgress ? { onProgress } : {}));
    else {
      // Workers start loading while the rest of the files are listed.
      const onCount = (count: number) => {
        if (pool === undefined && workerCount(count) > 0) pool = startWorkers(scope, workerCount(count));
      };
      discovery = listed ?? discoverDataFiles(root, { onCount, ignore });
      fileCount = discovery.files.length;
      parsed = await parseAll(scope, discovery.files.filter((f) => f.kind !== 'config'), { ...(onProgress ? { onProgress } : {}), ...(pool ? { pool } : {}) });
    }
  } finally {
    await pool?.close();
  }
  const result: LoadResult = assembleWorkspace(root, configLoad, discovery.copIds, parsed, fileCount, scope);
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

/**
 * Parses what the cache does not hold unchanged. people.yaml comes first: the rules about a CoP
 * read it. Every CoP is noted in the cache; one found unchanged by its files' stamps, or else by
 * their content hashes, is taken from the cache with its charter alone. Any other CoP is parsed
 * whole, and remembered. A CoP's folder is first looked at with one `lstat` per file
 * (discover.ts snapshotCop), and listed the full way only when it holds anything else.
 */
async function parseWithCache(scope: ReadScope, lister: DataRootLister, { cache, asOf }: NonNullable<LoadOptions['cache']>, parsing: ParseAllOptions) {
  // This thread's share of the look is done when the call returns; people.yaml is read while the helpers finish theirs.
  const looking = lookAtCops(lister.copsDir, lister.copIds, lister.copIds.map((id) => cache.expectedStamps(id)), { indexOf: scope.root });
  const parsed: ParsedFile[] = [];
  const peopleFile = lister.files.find((f) => f.kind === 'people');
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
  const { looked, index } = await looking;
  const inputs = copInputs(asOf, people?.digest?.hash ?? (people?.text === undefined ? undefined : textHash(people.text)));

  const unchanged = new Map<string, UnchangedCop>();
  const take = (id: string, cop: UnchangedCop) => {
    unchanged.set(id, cop);
    if (cop.charter) parsed.push(cop.charter);
  };
  // The CoPs to read, each with its files' stamps now.
  const toRead: { id: string; now: ReturnType<typeof copNow>; hashOnly: boolean; stamps: string; count: number }[] = [];
  let reading = 0;
  // The files not listed by the lister: those of the folders looked at.
  let lookedAtFiles = 0;
  lister.copIds.forEach((id, n) => {
    const at = looked[n];
    lookedAtFiles += at?.count ?? 0;
    const now = copNow(id, at);
    cache.noteCop(id, now, inputs);
    const { stamps } = now;
    const cop = cache.unchangedCop(id, stamps);
    if (cop) return take(id, cop);
    const count = at?.count ?? now.files().length;
    reading += count;
    toRead.push({ id, now, hashOnly: cache.comparesContents(id), stamps, count });
  });
  /**
   * A CoP's files now, with the digest of their stamps (stamps.ts) and of their sizes: from its
   * folder's look (snapshots.ts), or else listed the full way; a folder whose stamps were as
   * expected, or that the cache held with other stamps, came back as digests, and is looked at
   * again only if its files are needed (it changed in between: listed the full way). A look's
   * stamps stay numbers: written as text, a fresh clone's 60,000 took a tenth of a second.
   */
  function copNow(id: string, at: LookedAt | undefined): CopFiles & { stamps: string; sizes(): string } {
    let snapshot = at?.snapshot;
    const lookedAgain = () => (snapshot ??= at && snapshotCop(lister.copsDir, id));
    let listing: { files: DataFile[]; stamps?: (string | undefined)[] } | undefined;
    const listed = () => {
      if (listing) return listing;
      if (lookedAgain()) return (listing = { files: snapshotFiles(snapshot!) });
      const files = lister.listCop(id);
      lookedAtFiles -= at?.count ?? 0;
      return (listing = { files, stamps: files.map(({ file }) => stampAt(scope, file)) });
    };
    return {
      names: at?.names ?? copFilesOf(listed().files).names,
      files: () => listed().files,
      stamps: at?.stamps ?? stampsDigestOfLines(stampLines(listed().stamps!)),
      // Listed the full way when not looked at again: with its stamps as text.
      sizes: () => at?.sizes ?? (lookedAgain() ? sizesDigest(snapshot!.stamps) : textHash(sizeLines(listed().stamps!))),
    };
  }
  // After a fresh clone every stamp is new: git knows which CoP folders the work tree holds as it
  // stored them, by tree id. It is asked when many files are to be compared or parsed (a parsed CoP
  // is cached with its tree id).
  const trees = reading >= GIT_INDEX_MIN_FILES ? await copTrees(scope.root, toRead.map(({ id, now, stamps, count }) => ({ id, names: now.names, stamps, files: count })), index) : new Map<string, string>();
  cache.noteTrees(trees);
  // A CoP cached at the tree id git holds it at now is unchanged, its files not read.
  const stillToRead = toRead.filter(({ id, now, hashOnly, stamps }) => {
    const tree = hashOnly ? trees.get(id) : undefined;
    const cop = tree === undefined ? undefined : cache.unchangedByTree(id, tree, stamps, now.sizes());
    if (cop) take(id, cop);
    return !cop;
  });
  const jobs: ParseJob[] = stillToRead.flatMap(({ now, hashOnly }) => (hashOnly ? now.files().map((file) => ({ ...file, hashOnly })) : now.files()));
  const done = await parseJobs(scope, jobs, parsing);
  // A CoP whose files all hash as cached is unchanged; any other is parsed whole, in file order.
  const changed: [DataFile, ParsedFile | undefined][] = [];
  let at = 0;
  stillToRead.forEach(({ id, now, hashOnly }) => {
    const files = now.files();
    const results = done.slice(at, (at += files.length));
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
  const discovery = lister.finish();
  const fileCount = discovery.files.length + lookedAtFiles;
  return { discovery, parsed, unchanged, fileCount };
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

