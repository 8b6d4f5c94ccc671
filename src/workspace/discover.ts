/**
 * Lists the data files under a root: cop.config.yaml, people.yaml, cops/<id>/charter.yaml,
 * cops/<id>/meetings/*.yaml, cops/<id>/outputs/*.yaml and cops/<id>/reviews/*.yaml. Symbolic links are followed only while they stay inside the root.
 * Every other file under cops/ is an `unknown-file` finding with a hint (a meeting saved as .yml,
 * a `meeting/` folder), unless it is hidden or matches the configuration's `ignore:` patterns.
 * Synchronous: a few thousand directory calls cost less than the promises around them would.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { suggest } from '../core/suggest.js';
import { reasonOf } from '../core/fs-errors.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SchemaKind } from '../schema/validator.js';
import { FILE_START } from './locate.js';
import { pushStamp } from './stamps.js';
import type { DataFile } from './parse.js';
import { CONFIG_FILE, COPS_DIR, PEOPLE_FILE } from './root.js';

export interface Discovery {
  files: DataFile[];
  /** Ids of every folder under cops/, with or without a charter. */
  copIds: string[];
  diagnostics: Diagnostic[];
}

type EntryKind = 'file' | 'dir' | 'missing';

/** A folder of a CoP holding one file per record, and the hints for what does not belong there. */
interface RecordFolder {
  folder: string;
  kind: Extract<SchemaKind, 'meeting' | 'output' | 'review'>;
  /** What the records are, in a sentence. */
  what: string;
  /** For a folder inside it. */
  folderHint: string;
  /** For a file in it that is not `*.yaml`. */
  fileHint: (name: string) => string;
}

/**
 * What a CoP's folder (cops/<id>/) holds besides hidden files: cop's files and folders, by name.
 * One table, so a new kind of folder is one more line; a folder listed here is not searched for
 * unknown files (meetings/ is, by the walk below).
 */
export const COP_FOLDER_LAYOUT: Readonly<Record<string, 'file' | 'folder'>> = {
  'charter.yaml': 'file',
  'README.md': 'file',
  meetings: 'folder',
  outputs: 'folder',
  reviews: 'folder',
};
/** What cops/ holds besides the CoPs' folders: the index README `cop readme --write` generates. */
export const COPS_FOLDER_FILES: readonly string[] = ['README.md'];

export interface DiscoverOptions {
  /** Told how many files are listed so far, after each CoP's folder (see parse-pool.ts startWorkers). */
  onCount?: (files: number) => void;
  /** Flag the files under cops/ that cop does not read, but those matching these globs (cop.config.yaml `ignore:`); undefined: do not look. */
  ignore?: readonly string[];
}

export function discoverDataFiles(root: string, { onCount = () => {}, ignore }: DiscoverOptions = {}): Discovery {
  const lister = dataRootLister(root, ignore);
  for (const id of lister.copIds) {
    lister.listCop(id);
    onCount(lister.files.length);
  }
  return lister.finish();
}

/**
 * The walk in two steps, for a caller that lists some CoPs' folders another way (load.ts, with
 * the check cache): the data root's top (cop.config.yaml, people.yaml, the folders under cops/)
 * is listed at once; each CoP's folder when `listCop` is called, which returns the CoP's data
 * files; `finish` adds what needs every id, and returns the discovery of all that was listed.
 */
export interface DataRootLister {
  /** cops/ itself (an absolute path). */
  readonly copsDir: string;
  /** Ids of every folder under cops/, with or without a charter. */
  readonly copIds: readonly string[];
  /** The files listed so far. */
  readonly files: readonly DataFile[];
  listCop(id: string): DataFile[];
  finish(): Discovery;
}

export function dataRootLister(root: string, ignore?: readonly string[]): DataRootLister {
  const realRoot = realpathSync(root);
  const files: DataFile[] = [];
  const diagnostics: Diagnostic[] = [];

  const toRel = (abs: string) => relative(root, abs).split(sep).join('/');
  const refuse = (abs: string, message: string) =>
    diagnostics.push({ ruleId: 'file', severity: 'error', message, file: toRel(abs), start: FILE_START.start });
  const ignored = ignoreMatcher(ignore ?? []);
  // An unknown file: a finding with its hint, unless ignored (or not asked for).
  const unknown = (rel: string, hint: string) => {
    if (ignore === undefined || ignored(rel)) return;
    diagnostics.push({ ruleId: UNKNOWN_FILE, severity: 'error', message: unknownFileMessage(hint), file: rel, start: FILE_START.start });
  };
  // Every file under an unknown folder (hidden ones aside), each with the folder's hint.
  const unknownFolder = (abs: string, hint: string) => {
    for (const entry of list(abs)) {
      if (entry.name.startsWith('.')) continue;
      const path = join(abs, entry.name);
      if (entry.isDirectory()) unknownFolder(path, hint);
      else unknown(toRel(path), hint);
    }
  };

  // What a path is, following a symlink only when its target stays inside the root.
  function kindOf(abs: string): EntryKind {
    let info;
    try {
      info = lstatSync(abs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') refuse(abs, `Could not be read: ${reasonOf(error)}.`);
      return 'missing';
    }
    if (info.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(abs);
      } catch {
        refuse(abs, 'Broken symbolic link: not read.');
        return 'missing';
      }
      if (target !== realRoot && !target.startsWith(realRoot + sep)) {
        refuse(abs, 'Symbolic link to a place outside the data root: not read.');
        return 'missing';
      }
      info = statSync(abs);
    }
    // A FIFO, socket or device is listed as a file: the guarded reader refuses it with a finding.
    return info.isDirectory() ? 'dir' : 'file';
  }

  // A folder that cannot be listed is a finding, never a silent "nothing there".
  function list(abs: string) {
    try {
      return readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (error) {
      refuse(abs, `The folder could not be listed: ${reasonOf(error)}. Nothing in it was checked.`);
      return [];
    }
  }

  if (kindOf(join(root, CONFIG_FILE)) === 'file') files.push({ file: CONFIG_FILE, kind: 'config' });
  const people = kindOf(join(root, PEOPLE_FILE));
  if (people === 'file') files.push({ file: PEOPLE_FILE, kind: 'people' });
  else if (people === 'dir') refuse(join(root, PEOPLE_FILE), `${PEOPLE_FILE} is a folder, not a file: no person reference can be checked.`);

  const copIds: string[] = [];
  const copsDir = join(root, COPS_DIR);
  if (kindOf(copsDir) === 'dir') {
    for (const { name: id } of list(copsDir)) {
      const copDir = join(copsDir, id);
      if (id.startsWith('.')) continue;
      const kind = kindOf(copDir);
      if (kind === 'file' && ignore !== undefined && !COPS_FOLDER_FILES.includes(id)) unknown(toRel(copDir), copsFileHint(id));
      if (kind === 'dir') copIds.push(id);
    }
  }

  function listCop(id: string): DataFile[] {
    const first = files.length;
    const copDir = join(copsDir, id);
    const charter = join(copDir, 'charter.yaml');
    if (kindOf(charter) === 'file') files.push({ file: toRel(charter), kind: 'charter' });
    if (ignore !== undefined) unknownInCopFolder(copDir);
    for (const records of RECORD_FOLDERS) listRecords(copDir, records);
    return files.slice(first);
  }
  // The entries of a CoP's folder that are not in its layout.
  function unknownInCopFolder(copDir: string) {
    for (const entry of list(copDir)) {
      if (entry.name.startsWith('.') || entry.name in COP_FOLDER_LAYOUT) continue;
      const path = join(copDir, entry.name);
      const kind = entry.isSymbolicLink() ? kindOf(path) : entry.isDirectory() ? 'dir' : 'file';
      if (kind === 'dir') unknownFolder(path, copFolderHint(entry.name, 'folder'));
      else if (kind === 'file') unknown(toRel(path), copFolderHint(entry.name, 'file'));
    }
  }
  // A folder of records (meeting logs, outputs, reviews): every *.yaml in it is one, anything else is unknown.
  function listRecords(copDir: string, { folder, kind, what, folderHint, fileHint }: RecordFolder) {
    const dir = join(copDir, folder);
    const found = kindOf(dir);
    if (found === 'file') refuse(dir, `\`${folder}\` is not a folder: this CoP's ${what} cannot be read.`);
    if (found !== 'dir') return;
    // 60,000 meetings: take the kind from the directory entry, stat only symbolic links, and
    // name each file from its folder's name (an entry's name holds no separator), joining a path
    // only for what needs it: a link, or an entry that is not a record.
    const rel = toRel(dir);
    for (const entry of list(dir)) {
      const isYaml = entry.name.endsWith('.yaml');
      if (!isYaml && (entry.name.startsWith('.') || ignore === undefined)) continue;
      const entryKind = entry.isSymbolicLink() ? kindOf(join(dir, entry.name)) : entry.isDirectory() ? 'dir' : 'file';
      if (isYaml) {
        if (entryKind === 'file') files.push({ file: `${rel}/${entry.name}`, kind });
      } else if (entryKind === 'dir') unknownFolder(join(dir, entry.name), folderHint);
      else if (entryKind === 'file') unknown(`${rel}/${entry.name}`, fileHint(entry.name));
    }
  }

  function finish(): Discovery {
    const seen = new Map<string, string>();
    for (const id of copIds) {
      const other = seen.get(id.toLowerCase());
      if (other !== undefined) refuse(join(copsDir, id), `The folder differs from ${COPS_DIR}/${other} only in case: Windows and macOS cannot hold both. Rename one.`);
      else seen.set(id.toLowerCase(), id);
    }
    if (people === 'missing' && copIds.length > 0 && !diagnostics.some((d) => d.file === PEOPLE_FILE)) {
      refuse(join(root, PEOPLE_FILE), `There is no ${PEOPLE_FILE}: sponsors, members and attendees cannot be checked. Create it with every person the charters name.`);
    }
    return { files, copIds, diagnostics };
  }
  return { copsDir, copIds, files, listCop, finish };
}

/**
 * A CoP's data files as the disk holds them now, listed with one `lstat` each and no finding to
 * make: what a warm `cop check --cache` compares with the cache before it lists any folder the
 * full way (60,000 files: the walk above makes an object and a path per file, and keeps them).
 * Plain data, so a worker thread can make it (snapshots.ts).
 */
export interface CopSnapshot {
  /** Its data files' paths, in the walk's order, one per line: what `listCop` would list. */
  paths: string;
  /** Each file's stamp now (read.ts stampOf), in the same order, as numbers (stamps.ts). */
  stamps: Float64Array;
  /** How many of the files are of each kind, in order (the charter, then each record folder's). */
  kinds: [SchemaKind, number][];
}

/**
 * The CoP's snapshot, or undefined when its folder holds anything the walk would look at more
 * closely (a symbolic link, a file or folder not in the layout, a record that is not a regular
 * file, a folder that cannot be listed): that CoP is then listed by `listCop`, with its findings.
 * In a folder the walk lists without a finding, both give the same files in the same order.
 */
export function snapshotCop(copsDir: string, id: string): CopSnapshot | undefined {
  const dir = `${copsDir}${sep}${id}`;
  const entries = namesIn(dir);
  if (entries === undefined) return undefined;
  const paths: string[] = [];
  const stamps: number[] = [];
  const kinds: [SchemaKind, number][] = [];
  const base = `${COPS_DIR}/${id}`;
  let charter: Stats | undefined;
  const folders = new Set<string>();
  for (const name of entries) {
    if (name.startsWith('.') || name === 'README.md') continue;
    if (!Object.hasOwn(COP_FOLDER_LAYOUT, name)) return undefined;
    const info = lstatOf(`${dir}${sep}${name}`);
    if (COP_FOLDER_LAYOUT[name] === 'file' ? !info?.isFile() : !info?.isDirectory()) return undefined;
    if (name === 'charter.yaml') charter = info;
    else folders.add(name);
  }
  if (charter !== undefined) {
    paths.push(`${base}/charter.yaml`);
    pushStamp(stamps, charter);
    kinds.push(['charter', 1]);
  }
  for (const { folder, kind } of RECORD_FOLDERS) {
    if (!folders.has(folder)) continue;
    const names = namesIn(`${dir}${sep}${folder}`);
    if (names === undefined) return undefined;
    if (names.some((name) => !name.endsWith('.yaml') && !name.startsWith('.'))) return undefined;
    const records = names.filter((name) => name.endsWith('.yaml'));
    for (const name of records) {
      const info = lstatOf(`${dir}${sep}${folder}${sep}${name}`);
      if (!info?.isFile()) return undefined;
      pushStamp(stamps, info);
    }
    if (records.length > 0) paths.push(`${base}/${folder}/${records.join(`\n${base}/${folder}/`)}`);
    kinds.push([kind, records.length]);
  }
  return { paths: paths.join('\n'), stamps: new Float64Array(stamps), kinds };
}

/** A snapshot's files, as `listCop` would list them. */
export function snapshotFiles({ paths, kinds }: CopSnapshot): DataFile[] {
  const all = splitLines(paths);
  let at = 0;
  return kinds.flatMap(([kind, count]) => all.slice(at, (at += count)).map((file) => ({ file, kind })));
}

/** Lines joined by new lines (a snapshot's paths or stamps), apart again: none for ''. */
export const splitLines = (joined: string): string[] => (joined === '' ? [] : joined.split('\n'));

/** What lstat says of a path; undefined when it says nothing (gone, or refused: the walk then reports why). */
function lstatOf(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** A folder's entries by name, sorted as the walk sorts them; undefined when it cannot be listed. */
function namesIn(dir: string): string[] | undefined {
  try {
    return readdirSync(dir).sort();
  } catch {
    return undefined;
  }
}

/**
 * What a path relative to the data root is, by the same layout as the walk above: for listings
 * that come from elsewhere than the disk (a git revision).
 */
export function classifyDataPath(path: string): (DataFile & { copId?: string }) | undefined {
  if (path === CONFIG_FILE) return { file: path, kind: 'config' };
  if (path === PEOPLE_FILE) return { file: path, kind: 'people' };
  const parts = path.split('/');
  if (parts[0] !== COPS_DIR || parts.length < 3 || parts[1]!.startsWith('.')) return undefined;
  const copId = parts[1]!;
  if (parts.length === 3 && parts[2] === 'charter.yaml') return { file: path, kind: 'charter', copId };
  if (parts.length === 4 && parts[2] === 'meetings' && parts[3]!.endsWith('.yaml')) return { file: path, kind: 'meeting', copId };
  if (parts.length === 4 && parts[2] === 'outputs' && parts[3]!.endsWith('.yaml')) return { file: path, kind: 'output', copId };
  if (parts.length === 4 && parts[2] === 'reviews' && parts[3]!.endsWith('.yaml')) return { file: path, kind: 'review', copId };
  return undefined;
}

/** The CoP folder ids a list of paths relative to the data root holds. */
export function copIdsOf(paths: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    if (parts[0] === COPS_DIR && parts.length >= 3 && !parts[1]!.startsWith('.')) ids.add(parts[1]!);
  }
  return [...ids].sort();
}

/** The id of the finding for a file under cops/ that cop does not read (a core check: src/rules/core.ts). */
export const UNKNOWN_FILE = 'unknown-file';

const unknownFileMessage = (hint: string) =>
  `cop does not read this file, so it is in no check and no report. ${hint} To keep it here, add a glob for it to \`ignore:\` in cop.config.yaml.`;

const MEETING_NAME = /^\d{4}-\d{2}-\d{2}(-\d+)?\.ya?ml$/i;
/** `name` with a YAML extension other than `.yaml` (`.yml`, `.YAML`) spelled `.yaml`, or undefined. */
const asYaml = (name: string) => (/\.ya?ml$/i.test(name) && !name.endsWith('.yaml') ? name.replace(/\.ya?ml$/i, '.yaml') : undefined);
const LAYOUT = `A CoP's folder holds ${Object.entries(COP_FOLDER_LAYOUT).map(([n, k]) => `\`${n}${k === 'folder' ? '/' : ''}\``).join(', ')}.`;

/** The hint for a file in meetings/ that is not `*.yaml`. */
function meetingFileHint(name: string): string {
  const renamed = asYaml(name);
  return renamed ? `Meeting logs end in .yaml: rename it to \`${renamed}\`.` : 'meetings/ holds meeting logs named YYYY-MM-DD.yaml.';
}

/** The hint for a file in reviews/ that is not `*.yaml`. */
function reviewFileHint(name: string): string {
  const renamed = asYaml(name);
  return renamed ? `Goal reviews end in .yaml: rename it to \`${renamed}\`.` : 'reviews/ holds recorded goal reviews named YYYY-MM-DD.yaml.';
}

/** The hint for a file in outputs/ that is not `*.yaml`. */
function outputFileHint(name: string): string {
  const renamed = asYaml(name);
  return renamed ? `Outputs end in .yaml: rename it to \`${renamed}\`.` : 'outputs/ holds outputs named YYYY-MM-DD-<slug>.yaml.';
}

/** The CoP folders the walk reads record by record (`cop new` creates each, empty). */
export const RECORD_FOLDERS: readonly RecordFolder[] = [
  { folder: 'meetings', kind: 'meeting', what: 'meeting logs', folderHint: 'meetings/ holds meeting logs, not folders: move the logs up into it, named YYYY-MM-DD.yaml.', fileHint: meetingFileHint },
  { folder: 'outputs', kind: 'output', what: 'outputs', folderHint: 'outputs/ holds outputs, not folders: move them up into it, named YYYY-MM-DD-<slug>.yaml.', fileHint: outputFileHint },
  { folder: 'reviews', kind: 'review', what: 'recorded goal reviews', folderHint: 'reviews/ holds recorded goal reviews, not folders: move them up into it, named YYYY-MM-DD.yaml.', fileHint: reviewFileHint },
];

/** The hint for an entry of a CoP's folder that is not in COP_FOLDER_LAYOUT. */
function copFolderHint(name: string, kind: 'file' | 'folder'): string {
  const renamed = kind === 'file' ? asYaml(name) : undefined;
  if (renamed && COP_FOLDER_LAYOUT[renamed] === 'file') return `Rename it to \`${renamed}\`.`;
  if (kind === 'file' && MEETING_NAME.test(name)) return `A meeting log goes in meetings/: move it to \`meetings/${renamed ?? name}\`.`;
  const close = suggest(name.toLowerCase(), Object.keys(COP_FOLDER_LAYOUT).filter((known) => COP_FOLDER_LAYOUT[known] === kind))[0];
  return close ? `Did you mean \`${close}${kind === 'folder' ? '/' : ''}\`? ${LAYOUT}` : LAYOUT;
}

/** The hint for a file directly in cops/. */
function copsFileHint(name: string): string {
  if (COP_FOLDER_LAYOUT[name] === 'file' || asYaml(name) === 'charter.yaml') return `A CoP's ${name} goes in its own folder: cops/<id>/${asYaml(name) ?? name}.`;
  if (MEETING_NAME.test(name)) return 'A meeting log goes in cops/<id>/meetings/.';
  return `cops/ holds a folder per CoP and ${COPS_FOLDER_FILES.map((n) => `\`${n}\``).join(', ')}.`;
}

/**
 * Whether a path relative to the data root matches one of `globs`: `*` and `?` within a name,
 * `**` across folders (`cops/*\/notes/**`, `**\/*.png`).
 */
export function ignoreMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const patterns = globs.map((glob) => new RegExp(`^${globSource(glob.replace(/^\.?\//, ''))}$`));
  return (path) => patterns.some((pattern) => pattern.test(path));
}

function globSource(glob: string): string {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      // `**/` is any number of folders (none too); a final `**` is anything below.
      if (glob[i + 2] === '/') {
        source += '(?:[^/]*/)*';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return source;
}
