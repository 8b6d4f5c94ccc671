/**
 * git's index file read by cop itself, for a fresh clone's `cop check --cache` (git-index.ts): what
 * git asked for by `git diff-index` and `git ls-files` costs git a pass over every file (an `lstat`
 * each, 0.25 s of CPU at 60,000 files) while the loader's look makes the same `lstat`s. The index
 * holds, for each tracked file, the stat data git saw when it last knew the file's content, and its
 * TREE extension (the cache-tree) the tree id of each folder whose entries are all as staged; a
 * fresh `git clone` and actions/checkout both write it.
 *
 * So for each CoP folder this gives the index's tree id for it, with the paths and stamps (read.ts
 * stampOf) its data files would have if the work tree holds them as the index does: the loader
 * compares them with what its look found. Equal, the files are the content the tree names. A CoP gets
 * nothing when any data file of it is one git itself would doubt: racily clean (modified no earlier
 * than the index was written, so a later change within the same tick leaves the same stat data),
 * assumed unchanged, skipped, to be added, unmerged or not a regular file; or when the cache-tree has
 * no valid id for its folder (a change staged in it).
 *
 * Anything unusual gives undefined, and the caller asks git as before: no `.git` folder found (a
 * linked worktree's or a submodule's `.git` is a file), git's location overridden by the
 * environment, an index that is split, sparse, of an unknown version, with an unknown required
 * extension, or of a repository whose objects are not named by SHA-1.
 * Stat data git stores narrower than Node gives (an inode or device number past 32 bits) only fails
 * to compare: the CoP is then read, or git asked.
 */
import { hash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { RECORD_FOLDERS } from './discover.js';
import { COPS_DIR } from './root.js';
import { stampsDigest } from './stamps.js';

/** A CoP folder as the index holds it. */
export interface IndexedCop {
  /** The cache-tree's id for the folder. */
  tree: string;
  /** The digest (textHash) of its data files' paths, one per line, in the order the look lists them (snapshots.ts LookedAt). */
  names: string;
  /** The digest of their stamps (stamps.ts) as the index's stat data gives them. */
  stamps: string;
}

/** What readIndexedCops gave, as a value (a helper thread's read is sent in a message: snapshots.ts). */
export interface IndexRead {
  cops: Map<string, IndexedCop> | undefined;
}

/** Variables that put git's repository, work tree or index elsewhere than the `.git` folder above the data root. */
const GIT_LOCATION_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY'];

/** Each CoP folder under `root` the index can vouch for, by id; undefined when only git can say. */
export function readIndexedCops(root: string, env: NodeJS.ProcessEnv = process.env): Map<string, IndexedCop> | undefined {
  if (GIT_LOCATION_VARIABLES.some((name) => env[name] !== undefined)) return undefined;
  try {
    const realRoot = realpathSync(root);
    const gitDir = gitFolderAbove(realRoot);
    if (gitDir === undefined || !sha1Repository(gitDir)) return undefined;
    const index = readIndex(join(gitDir, 'index'));
    if (index === undefined) return undefined;
    const above = relative(dirname(gitDir), realRoot).split(sep).join('/');
    return indexedCops(index, `${above === '' ? '' : `${above}/`}${COPS_DIR}`);
  } catch {
    return undefined; // unreadable: git says why, or the files are read
  }
}

/** The `.git` folder of the work tree that holds `folder`; undefined when none is found or it is a file (a linked worktree, a submodule). */
function gitFolderAbove(folder: string): string | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    const info = lstatSync(join(dir, '.git'), { throwIfNoEntry: false });
    if (info) return info.isDirectory() ? join(dir, '.git') : undefined;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Whether the repository names its objects by SHA-1 (extensions.objectFormat, in its own config only). */
function sha1Repository(gitDir: string): boolean {
  const config = readRegularFile(join(gitDir, 'config'))?.bytes.toString('utf8');
  if (config === undefined) return false;
  const format = /^\s*objectformat\s*=\s*(\S+)/im.exec(config);
  return format === null || format[1]!.toLowerCase() === 'sha1';
}

/** The index file's bytes but its checksum, and when it was written (seconds, nanoseconds); undefined if there is none. */
function readIndex(path: string): { bytes: Buffer; writtenSec: number; writtenNsec: number } | undefined {
  const read = readRegularFile(path);
  if (read === undefined) return undefined; // no index: no commit checked out yet
  // Its checksum is not verified (a tenth of the reading's time): git writes the index to a new file
  // and renames it, so it is never seen half written, and a damaged entry or tree id compares
  // with nothing on the disk or in the cache.
  const body = read.bytes.length - HASH_BYTES;
  if (body < HEADER_BYTES) return undefined;
  return { bytes: read.bytes.subarray(0, body), writtenSec: Number(read.mtimeNs / 1_000_000_000n), writtenNsec: Number(read.mtimeNs % 1_000_000_000n) };
}

/**
 * A regular file's bytes and its modification time in nanoseconds; undefined when there is none or
 * it is anything else. Opened without blocking, so a FIFO in its place cannot hold up the run.
 */
function readRegularFile(path: string): { bytes: Buffer; mtimeNs: bigint } | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd, { bigint: true });
    if (!info.isFile()) return undefined;
    const bytes = Buffer.allocUnsafe(Number(info.size));
    for (let at = 0; at < bytes.length; ) {
      const got = readSync(fd, bytes, at, bytes.length - at, at);
      if (got === 0) return undefined; // shrank while read
      at += got;
    }
    return { bytes, mtimeNs: info.mtimeNs };
  } finally {
    closeSync(fd);
  }
}

const HASH_BYTES = 20;
const HEADER_BYTES = 12;
/** ctime, mtime (seconds and nanoseconds each), dev, ino, mode, uid, gid, size: 32 bits each; the object id; 16 bits of flags. */
const ENTRY_FIXED_BYTES = 40 + HASH_BYTES + 2;
const ASSUME_VALID = 0x8000;
const EXTENDED = 0x4000;
const STAGE = 0x3000;
const NAME_LENGTH = 0x0fff;
const SKIP_WORKTREE = 0x4000;
/** Doubted also by its stamps: git zeroes such an entry's stat data, and no file on the disk has inode 0 (test/workspace/index-file.test.ts passes without this flag; it stays for a git that fills them in). */
const INTENT_TO_ADD = 0x2000;
const REGULAR_FILE = 0o100000;
const FILE_TYPE = 0o170000;

/** The CoP folders under `copsPath` (relative to the work tree's top, with / ) that the index vouches for. */
function indexedCops({ bytes, writtenSec, writtenNsec }: IndexFile, copsPath: string): Map<string, IndexedCop> | undefined {
  if (bytes.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  // A DataView's reads cost less than Buffer's readUInt32BE before the loop is optimised, and it runs once.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const version = view.getUint32(4);
  if (version < 2 || version > 4) return undefined;
  const count = view.getUint32(8);
  const prefix = Buffer.from(`${copsPath}/`);
  // Each CoP's data files as the look would list them, digested as soon as its entries end (the
  // index is sorted by path, so a folder's entries come together). Paths stay bytes: 60,000 of them.
  const digests = new Map<string, { names: string; stamps: string }>();
  const cop = { id: Buffer.alloc(0), names: new PathList(), stamps: [] as number[], doubted: true };
  const finishCop = () => {
    if (!cop.doubted) digests.set(cop.id.toString('utf8'), { names: cop.names.digest(), stamps: stampsDigest(new Float64Array(cop.stamps)) });
  };
  // Version 4 gives each path as how much of the one before it keeps, and what follows (prefix compression).
  let held: Buffer = Buffer.alloc(4096);
  let heldLength = 0;
  let at = HEADER_BYTES;
  for (let n = 0; n < count; n++) {
    const start = at;
    if (start + ENTRY_FIXED_BYTES > bytes.length) return undefined;
    const flags = view.getUint16(start + ENTRY_FIXED_BYTES - 2);
    const hasExtended = (flags & EXTENDED) !== 0;
    if (hasExtended && version === 2) return undefined;
    const extended = hasExtended ? view.getUint16(start + ENTRY_FIXED_BYTES) : 0;
    at = start + ENTRY_FIXED_BYTES + (hasExtended ? 2 : 0);
    // The path is source[from, to).
    let source = bytes;
    let from = at;
    let to: number;
    if (version === 4) {
      const drop = readVarint(bytes, at);
      const end = bytes.indexOf(0, drop.next);
      if (end < 0 || drop.value > heldLength) return undefined;
      const keep = heldLength - drop.value;
      heldLength = keep + end - drop.next;
      if (heldLength > held.length) held = Buffer.concat([held.subarray(0, keep), Buffer.alloc(heldLength)]);
      bytes.copy(held, keep, drop.next, end);
      at = end + 1;
      source = held;
      from = 0;
      to = heldLength;
    } else {
      const length = flags & NAME_LENGTH;
      to = length < NAME_LENGTH ? at + length : bytes.indexOf(0, at + NAME_LENGTH);
      if (to < 0 || to >= bytes.length || bytes[to] !== 0) return undefined;
      // Padded with 1 to 8 NULs to a multiple of 8 bytes.
      at = start + ((to - start + 8) & ~7);
    }
    if (to - from <= prefix.length || !holds(source, from, prefix)) continue;
    const mode = view.getUint32(start + 24);
    // A sparse index's folder entry: the files under it are not listed.
    if ((mode & FILE_TYPE) === FOLDER) return undefined;
    const idStart = from + prefix.length;
    const idEnd = slashIn(source, idStart, to);
    if (idEnd <= idStart || !isDataPath(source, idEnd + 1, to)) continue;
    if (idEnd - idStart !== cop.id.length || !holds(source, idStart, cop.id)) {
      finishCop();
      cop.id = Buffer.from(source.subarray(idStart, idEnd));
      cop.names.clear();
      cop.stamps = [];
      cop.doubted = false;
    }
    if (cop.doubted) continue;
    // Both read for every entry: a clone's last files share the index's second, and a read first
    // met there, after V8 has optimised the loop, sent it back to the interpreter to the end.
    const mtimeSec = view.getUint32(start + 8);
    const mtimeNsec = view.getUint32(start + 12);
    const racy = mtimeSec > writtenSec || (mtimeSec === writtenSec && mtimeNsec >= writtenNsec);
    if (racy || flags & (ASSUME_VALID | STAGE) || extended & (SKIP_WORKTREE | INTENT_TO_ADD) || (mode & FILE_TYPE) !== REGULAR_FILE) cop.doubted = true;
    else {
      // The look's path: cops/<id>/…, whatever folder above the data root holds it.
      pushIndexStamp(cop.stamps, view, start);
      cop.names.add(source, idStart - COPS_DIR.length - 1, to);
    }
  }
  finishCop();
  const trees = copTrees(bytes, at, copsPath);
  if (trees === undefined) return undefined;
  const vouched = new Map<string, IndexedCop>();
  for (const [id, tree] of trees) {
    const digest = digests.get(id);
    if (digest) vouched.set(id, { tree, ...digest });
  }
  return vouched;
}

const SLASH = 0x2f;

/** Where the first slash in source[from, to) is, or -1 (Buffer's indexOf costs more for 40 bytes). */
function slashIn(source: Buffer, from: number, to: number): number {
  for (let i = from; i < to; i++) if (source[i] === SLASH) return i;
  return -1;
}

/** Whether `source` holds `part` at `at`. */
function holds(source: Buffer, at: number, part: Buffer): boolean {
  for (let i = 0; i < part.length; i++) if (source[at + i] !== part[i]) return false;
  return true;
}

type IndexFile = NonNullable<ReturnType<typeof readIndex>>;

const FOLDER = 0o040000;

/**
 * Paths as bytes, one per line, and their digest as textHash gives it of the same lines as text.
 * The bytes are copied one by one (Buffer's copy costs more for 40 bytes) after room for the
 * digest's header.
 */
class PathList {
  private bytes = Buffer.alloc(1 << 16);
  private end = HEADER_ROOM;

  get length(): number {
    return this.end - HEADER_ROOM;
  }

  clear(): void {
    this.end = HEADER_ROOM;
  }

  add(source: Buffer, from: number, to: number): void {
    if (this.end + (to - from) + 1 > this.bytes.length) this.bytes = Buffer.concat([this.bytes.subarray(0, this.end)], 2 * (this.end + (to - from) + 1));
    const { bytes } = this;
    if (this.end > HEADER_ROOM) bytes[this.end++] = NEW_LINE;
    for (let i = from; i < to; i++) bytes[this.end++] = source[i]!;
  }

  digest(): string {
    const header = Buffer.from(`blob ${this.length}\0`);
    header.copy(this.bytes, HEADER_ROOM - header.length);
    return hash('sha1', this.bytes.subarray(HEADER_ROOM - header.length, this.end), 'hex');
  }
}

/** Room for textHash's header, `blob <length>\0`. */
const HEADER_ROOM = 32;
const NEW_LINE = 0x0a;

const CHARTER = Buffer.from('charter.yaml');
const YAML = Buffer.from('.yaml');
const RECORD_FOLDER_NAMES = RECORD_FOLDERS.map(({ folder }) => Buffer.from(`${folder}/`));

/** Whether source[from, to), a path in a CoP's folder, names a data file the look lists (discover.ts snapshotCop): its charter, or a record. */
function isDataPath(source: Buffer, from: number, to: number): boolean {
  if (to - from === CHARTER.length) return holds(source, from, CHARTER);
  if (to - from <= YAML.length || !holds(source, to - YAML.length, YAML)) return false;
  const slash = slashIn(source, from, to);
  if (slash < 0 || slashIn(source, slash + 1, to) >= 0) return false;
  return RECORD_FOLDER_NAMES.some((folder) => slash + 1 - from === folder.length && holds(source, from, folder));
}

/**
 * Appends the stamp (stamps.ts pushStamp: size, modification and change times in milliseconds,
 * inode, device) that the entry at `start` records, as Node's lstat would give it for the file git
 * wrote: Node makes a time's milliseconds from its seconds and nanoseconds the same way.
 */
function pushIndexStamp(numbers: number[], view: DataView, start: number): void {
  const mtimeMs = view.getUint32(start + 8) * 1e3 + view.getUint32(start + 12) / 1e6;
  const ctimeMs = view.getUint32(start) * 1e3 + view.getUint32(start + 4) / 1e6;
  numbers.push(view.getUint32(start + 36), mtimeMs, ctimeMs, view.getUint32(start + 20), view.getUint32(start + 16));
}

/** git's offset varint (varint.c decode_varint): 7 bits a byte, the high bit saying more follow, each continuation adding one. */
function readVarint(bytes: Buffer, at: number): { value: number; next: number } {
  let byte = bytes[at++] ?? 0;
  let value = byte & 0x7f;
  while (byte & 0x80) {
    byte = bytes[at++] ?? 0;
    value = (value + 1) * 128 + (byte & 0x7f);
  }
  return { value, next: at };
}

/**
 * The cache-tree's valid id for each folder directly under `copsPath`, from the index's extensions
 * (which start at `at`); undefined for an extension this reader cannot do without: a split index
 * (`link`), a sparse one (`sdir`), or an unknown one git marks as required (lower case).
 */
function copTrees(bytes: Buffer, at: number, copsPath: string): Map<string, string> | undefined {
  let trees = new Map<string, string>();
  while (at + 8 <= bytes.length) {
    const signature = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32BE(at + 4);
    const data = bytes.subarray(at + 8, at + 8 + size);
    if (data.length !== size) return undefined;
    if (signature === 'TREE') {
      const found = cacheTreeChildren(data, copsPath);
      if (found === undefined) return undefined;
      trees = found;
    } else if (signature === 'link' || signature === 'sdir' || !/^[A-Z]/.test(signature)) return undefined;
    at += 8 + size;
  }
  return at === bytes.length ? trees : undefined;
}

/**
 * The valid ids of the cache-tree's folders directly under `parentPath`. The cache-tree lists each
 * folder before its subfolders: its name, how many index entries it covers (-1 when invalidated: it
 * then has no id), how many subfolders follow, and its id.
 */
function cacheTreeChildren(data: Buffer, parentPath: string): Map<string, string> | undefined {
  const ids = new Map<string, string>();
  const open: { path: string; children: number }[] = [];
  let rooted = false;
  for (let at = 0; at < data.length; ) {
    const nul = data.indexOf(0, at);
    const lf = nul < 0 ? -1 : data.indexOf(0x0a, nul);
    if (lf < 0) return undefined;
    const name = data.toString('utf8', at, nul);
    const counts = /^(-?\d+) (\d+)$/.exec(data.toString('latin1', nul + 1, lf));
    if (!counts) return undefined;
    at = lf + 1;
    const valid = Number(counts[1]) >= 0;
    const id = valid ? data.toString('hex', at, at + HASH_BYTES) : undefined;
    if (valid) at += HASH_BYTES;
    while (open.length > 0 && open.at(-1)!.children === 0) open.pop();
    const parent = open.at(-1);
    if (parent) parent.children--;
    else if (rooted) return undefined; // a second root
    rooted = true;
    const path = parent === undefined ? '' : parent.path === '' ? name : `${parent.path}/${name}`;
    if (id !== undefined && parent?.path === parentPath) ids.set(name, id);
    open.push({ path, children: Number(counts[2]) });
  }
  return ids;
}
