/**
 * The approval-relevant part of a data root (cop.config.yaml, people.yaml and the charters) as
 * it stands in a git commit or in the working tree, parsed and assembled the same way
 * `cop check` loads it. Meeting logs are records, not approvals: they are not read.
 */
import { listFiles, readFiles } from '../git/git.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Config } from '../model/schema-types.js';
import { sharedValidator } from '../schema/validator.js';
import { classifyDataPath, copIdsOf, discoverDataFiles } from './discover.js';
import { assembleWorkspace, configLoadOf, dataScope } from './load.js';
import { parseDataFile, type DataFile, type ParsedFile } from './parse.js';
import { readDataFile } from './read-data.js';
import { readScope } from './read.js';
import type { Workspace } from './workspace.js';

export interface Snapshot {
  workspace: Workspace;
  /** Findings from parsing and schema validation of the files read. */
  diagnostics: Diagnostic[];
}

function assemble(root: string, copIds: readonly string[], parsed: ParsedFile[]): Snapshot {
  const config = parsed.find((f) => f.kind === 'config');
  const others = parsed.filter((f) => f.kind !== 'config');
  return assembleWorkspace(root, configLoadOf(config), copIds, others, parsed.length);
}

const approvalFile = (file: DataFile | undefined): file is DataFile => file !== undefined && file.kind !== 'meeting';

/** The data root at a commit; `prefix` is the data root relative to the repository's top level. */
export function snapshotOfCommit(root: string, topLevel: string, prefix: string, commit: string): Snapshot {
  const paths = listFiles(commit, prefix, topLevel);
  const files = paths.map(classifyDataPath).filter(approvalFile);
  const texts = readFiles(commit, prefix, files.map((f) => f.file), topLevel);
  const validate = sharedValidator();
  const parsed = files.filter((f) => texts.has(f.file)).map((f) => parseDataFile({ file: f.file, kind: f.kind }, texts.get(f.file)!, validate));
  return assemble(root, copIdsOf(paths), parsed);
}

/** The data root as it is on disk now, uncommitted changes and untracked files included. */
export async function snapshotOfWorkingTree(root: string): Promise<Snapshot> {
  const discovery = await discoverDataFiles(root);
  const validate = sharedValidator();
  // cop.config.yaml first, with the default cap: it sets the cap for the others.
  const configFile = discovery.files.find((f) => f.kind === 'config');
  const config = configFile && readDataFile(readScope(root), configFile, validate);
  const scope = dataScope(root, (config?.data as Config | undefined) ?? {});
  const others = discovery.files.filter((f) => approvalFile(f) && f.kind !== 'config').map((f) => readDataFile(scope, f, validate));
  const parsed = config ? [config, ...others] : others;
  const snapshot = assemble(root, discovery.copIds, parsed);
  snapshot.diagnostics.unshift(...discovery.diagnostics);
  return snapshot;
}
