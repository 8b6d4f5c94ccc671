/** Loads a data root once: discover, parse (in workers when large), assemble the Workspace. */
import type { Diagnostic } from '../model/diagnostic.js';
import { resolvePolicy } from '../model/policy.js';
import type { Charter, Config, Meeting, PeopleFile } from '../model/schema-types.js';
import { sharedValidator } from '../schema/validator.js';
import { discoverDataFiles } from './discover.js';
import type { ParsedFile } from './parse.js';
import { parseAll, type ParseAllOptions } from './parse-pool.js';
import { parseRead } from './read-data.js';
import { DEFAULT_MAX_FILE_BYTES, readGuarded, readScope, type GuardedRead, type ReadScope } from './read.js';
import { readReadmes } from './readmes.js';
import { readCodeowners } from './repository.js';
import { COPS_DIR, CONFIG_FILE } from './root.js';
import type { TextDigest } from './data-file.js';
import { interned, textsOf } from './texts.js';
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
}

export async function loadWorkspace(root: string, configLoad: ConfigLoad = loadConfig(root), parsing: ParseAllOptions = {}): Promise<LoadResult> {
  const scope = dataScope(root, configLoad.config);
  const discovery = discoverDataFiles(root);
  const toParse = discovery.files.filter((f) => f.kind !== 'config');
  const parsed = await parseAll(scope, toParse, parsing);
  const result = assembleWorkspace(root, configLoad, discovery.copIds, parsed, discovery.files.length, scope);
  result.diagnostics.unshift(...discovery.diagnostics);
  const codeowners = readCodeowners(root, scope.maxBytes);
  if (codeowners.ok) result.workspace.codeowners = codeowners.codeowners;
  else if (codeowners.finding) result.diagnostics.push(codeowners.finding);
  const readmes = readReadmes(scope, discovery.copIds);
  result.workspace.readmes = readmes.readmes;
  result.diagnostics.push(...readmes.diagnostics);
  return result;
}

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
      return [id, { id, charterFile, hasCharterFile, meetings: [] }];
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
  const copId = file.file.split('/')[1] ?? '';
  switch (file.kind) {
    case 'people':
      setPeople({ file: file.file, data: (file.data as PeopleFile).people });
      break;
    case 'charter':
      cops.get(copId)!.charter = file.data as Charter;
      break;
    case 'meeting':
      cops.get(copId)!.meetings.push({ file: file.file, data: file.data as Meeting });
      break;
    case 'config':
      break;
  }
}

