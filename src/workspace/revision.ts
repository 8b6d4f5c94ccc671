/**
 * The approval-relevant part of a data root (cop.config.yaml, people.yaml and the charters) as
 * it stands in a git commit or in the working tree, parsed and assembled the same way
 * `cop check` loads it. Meeting logs and outputs are records, not approvals: they are not read.
 */
import { listFiles, readFiles, type Blob } from '../git/git.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Config } from '../model/schema-types.js';
import { sharedValidator } from '../schema/validator.js';
import { classifyDataPath, copIdsOf, discoverDataFiles } from './discover.js';
import { assembleWorkspace, configLoadOf, dataScope } from './load.js';
import type { DataFile, ParsedFile } from './parse.js';
import { parseRead, readDataFile } from './read-data.js';
import { decodeText, DEFAULT_MAX_FILE_BYTES, readScope, tooLargeMessage, type GuardedRead } from './read.js';
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

const approvalFile = (file: DataFile | undefined): file is DataFile => file !== undefined && file.kind !== 'meeting' && file.kind !== 'output';

/** A file of a commit read as the guarded reader reads the disk: capped, UTF-8 only, no links. */
function guardedBlob(blob: Blob | undefined, symlink: boolean, maxBytes: number): GuardedRead {
  if (symlink) return { ok: false, missing: false, message: 'is a symbolic link in the commit: not read' };
  if (blob === undefined) return { ok: false, missing: true, message: 'does not exist' };
  if (!blob.ok) return { ok: false, missing: false, message: tooLargeMessage(blob.size, maxBytes) };
  return decodeText(blob.bytes);
}

/** The data root at a commit; `prefix` is the data root relative to the repository's top level. */
export function snapshotOfCommit(root: string, topLevel: string, prefix: string, commit: string): Snapshot {
  const entries = listFiles(commit, prefix, topLevel);
  const symlinks = new Set(entries.filter((e) => e.symlink).map((e) => e.path));
  const files = entries.map((e) => classifyDataPath(e.path)).filter(approvalFile);
  const validate = sharedValidator();
  const readAll = (list: readonly DataFile[], maxBytes: number) => {
    const blobs = readFiles(commit, prefix, list.filter((f) => !symlinks.has(f.file)).map((f) => f.file), topLevel, maxBytes);
    return list
      .map((f) => ({ file: f, read: guardedBlob(blobs.get(f.file), symlinks.has(f.file), maxBytes) }))
      .filter(({ read }) => read.ok || !read.missing)
      .map(({ file, read }) => parseRead({ file: file.file, kind: file.kind }, read, validate));
  };
  // cop.config.yaml first, with the default cap: it sets the cap for the others.
  const config = readAll(files.filter((f) => f.kind === 'config'), DEFAULT_MAX_FILE_BYTES)[0];
  const { maxBytes } = dataScope(root, (config?.data as Config | undefined) ?? {});
  const others = readAll(files.filter((f) => f.kind !== 'config'), maxBytes);
  return assemble(root, copIdsOf(entries.map((e) => e.path)), config ? [config, ...others] : others);
}

/** The data root as it is on disk now, uncommitted changes and untracked files included. */
export async function snapshotOfWorkingTree(root: string): Promise<Snapshot> {
  const discovery = discoverDataFiles(root);
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
