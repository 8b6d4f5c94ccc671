/**
 * Lists the data files under a root: cop.config.yaml, people.yaml, cops/<id>/charter.yaml and
 * cops/<id>/meetings/*.yaml. Symbolic links are followed only while they stay inside the root.
 * Synchronous: a few thousand directory calls cost less than the promises around them would.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { reasonOf } from '../core/fs-errors.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { FILE_START } from './locate.js';
import type { DataFile } from './parse.js';
import { CONFIG_FILE, COPS_DIR, PEOPLE_FILE } from './root.js';

export interface Discovery {
  files: DataFile[];
  /** Ids of every folder under cops/, with or without a charter. */
  copIds: string[];
  diagnostics: Diagnostic[];
}

type EntryKind = 'file' | 'dir' | 'missing';

export function discoverDataFiles(root: string): Discovery {
  const realRoot = realpathSync(root);
  const files: DataFile[] = [];
  const diagnostics: Diagnostic[] = [];

  const toRel = (abs: string) => relative(root, abs).split(sep).join('/');
  const refuse = (abs: string, message: string) =>
    diagnostics.push({ ruleId: 'file', severity: 'error', message, file: toRel(abs), start: FILE_START.start });

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

  if ((kindOf(join(root, CONFIG_FILE))) === 'file') files.push({ file: CONFIG_FILE, kind: 'config' });
  const people = kindOf(join(root, PEOPLE_FILE));
  if (people === 'file') files.push({ file: PEOPLE_FILE, kind: 'people' });
  else if (people === 'dir') refuse(join(root, PEOPLE_FILE), `${PEOPLE_FILE} is a folder, not a file: no person reference can be checked.`);

  const copIds: string[] = [];
  const copsDir = join(root, COPS_DIR);
  if ((kindOf(copsDir)) === 'dir') {
    for (const { name: id } of list(copsDir)) {
      const copDir = join(copsDir, id);
      if (id.startsWith('.') || (kindOf(copDir)) !== 'dir') continue;
      copIds.push(id);
      const charter = join(copDir, 'charter.yaml');
      if ((kindOf(charter)) === 'file') files.push({ file: toRel(charter), kind: 'charter' });
      const meetingsDir = join(copDir, 'meetings');
      const meetings = kindOf(meetingsDir);
      if (meetings === 'file') refuse(meetingsDir, '`meetings` is not a folder: this CoP\'s meeting logs cannot be read.');
      if (meetings !== 'dir') continue;
      // 60,000 meetings: take the kind from the directory entry, and stat only symbolic links.
      for (const entry of list(meetingsDir)) {
        if (!entry.name.endsWith('.yaml')) continue;
        const meeting = join(meetingsDir, entry.name);
        const isFile = entry.isSymbolicLink() ? (kindOf(meeting)) === 'file' : !entry.isDirectory();
        if (isFile) files.push({ file: toRel(meeting), kind: 'meeting' });
      }
    }
  }
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
