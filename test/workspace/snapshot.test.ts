/**
 * discover.ts snapshotCop, what `cop check --cache` looks at before it lists a CoP's folder the
 * full way: wherever it gives a snapshot, the walk (listCop) lists the same files in the same
 * order, finds nothing about them, and each file's stamp is what stampAt says; for anything the
 * walk would look at more closely, it gives none.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataRootLister, snapshotCop, snapshotFiles } from '../../src/workspace/discover.js';
import { readScope, stampAt } from '../../src/workspace/read.js';
import { HELPER_INDEX_MIN_FILES, helperLook, lookAtCops, startLookHelpersEarly, type LookRequest } from '../../src/workspace/snapshots.js';
import { readIndexedCops } from '../../src/workspace/index-file.js';
import { sizeLinesOf, stampsDigest, stampsDigestOfLines } from '../../src/workspace/stamps.js';
import { textHash } from '../../src/workspace/texts.js';
import { sizeLines, stampLines } from '../../src/workspace/check-cache.js';

const MEETINGS = ['2026-01-07.yaml', '2026-01-14.yaml', '2026-02-04-2.yaml'];

/** Each CoP's folder: the paths under it (a trailing slash makes a folder), and whether a snapshot is expected. */
const CASES: { id: string; paths: string[]; snapshot: boolean }[] = [
  { id: 'plain', paths: ['charter.yaml', 'README.md', ...MEETINGS.map((m) => `meetings/${m}`), 'outputs/2026-01-08-talk.yaml', 'reviews/'], snapshot: true },
  { id: 'hidden', paths: ['charter.yaml', '.DS_Store', 'meetings/.draft.yaml', 'meetings/.keep', 'meetings/2026-01-07.yaml'], snapshot: true },
  { id: 'no-charter', paths: ['meetings/2026-01-07.yaml'], snapshot: true },
  { id: 'empty', paths: [], snapshot: true },
  { id: 'empty-folders', paths: ['charter.yaml', 'meetings/', 'outputs/', 'reviews/'], snapshot: true },
  { id: 'unknown-file', paths: ['charter.yaml', 'notes.txt'], snapshot: false },
  { id: 'unknown-folder', paths: ['charter.yaml', 'meeting/2026-01-07.yaml'], snapshot: false },
  { id: 'yml', paths: ['charter.yaml', 'meetings/2026-01-07.yml'], snapshot: false },
  { id: 'folder-in-meetings', paths: ['charter.yaml', 'meetings/old/2026-01-07.yaml'], snapshot: false },
  { id: 'yaml-folder', paths: ['charter.yaml', 'meetings/2026-01-07.yaml/'], snapshot: false },
  { id: 'meetings-file', paths: ['charter.yaml', 'meetings'], snapshot: false },
  { id: 'charter-folder', paths: ['charter.yaml/'], snapshot: false },
];

function organisation(): string {
  const root = mkdtempSync(join(tmpdir(), 'cop-snapshot-'));
  for (const { id, paths } of CASES) {
    mkdirSync(join(root, 'cops', id), { recursive: true });
    for (const path of paths) {
      const at = join(root, 'cops', id, path);
      if (path.endsWith('/')) mkdirSync(at, { recursive: true });
      else {
        mkdirSync(dirname(at), { recursive: true });
        writeFileSync(at, `# ${id}/${path}\n`);
      }
    }
  }
  // Links, inside the root and out of it, and a FIFO: the walk follows or refuses them.
  mkdirSync(join(root, 'cops/links/meetings'), { recursive: true });
  writeFileSync(join(root, 'cops/links/charter.yaml'), 'id: links\n');
  symlinkSync(join(root, 'cops/links/charter.yaml'), join(root, 'cops/links/meetings/2026-01-07.yaml'));
  mkdirSync(join(root, 'cops/link-out/meetings'), { recursive: true });
  symlinkSync(tmpdir(), join(root, 'cops/link-out/meetings/2026-01-07.yaml'));
  mkdirSync(join(root, 'cops/fifo/meetings'), { recursive: true });
  execFileSync('mkfifo', [join(root, 'cops/fifo/meetings/2026-01-07.yaml')]);
  mkdirSync(join(root, 'cops/linked-charter'), { recursive: true });
  symlinkSync(join(root, 'cops/links/charter.yaml'), join(root, 'cops/linked-charter/charter.yaml'));
  return root;
}

const LINKED = ['links', 'link-out', 'fifo', 'linked-charter'];

describe('snapshotCop', () => {
  const root = organisation();
  const scope = readScope(root);

  it.each([...CASES.map(({ id, snapshot }) => [id, snapshot] as const), ...LINKED.map((id) => [id, false] as const)])('%s: a snapshot %s, and where there is one, the walk lists the same files with their stamps and finds nothing', (id, expected) => {
    const lister = dataRootLister(root, []);
    const listed = lister.listCop(id);
    const findings = lister.finish().diagnostics.filter((d) => d.file.startsWith(`cops/${id}/`));
    const snapshot = snapshotCop(lister.copsDir, id);
    expect(snapshot !== undefined).toBe(expected);
    if (!snapshot) return;
    expect(findings).toEqual([]);
    expect(snapshotFiles(snapshot)).toEqual(listed);
    expect(snapshot.paths).toBe(listed.map((f) => f.file).join('\n'));
    const stamps = listed.map((f) => stampAt(scope, f.file));
    expect(stampsDigest(snapshot.stamps)).toBe(stampsDigestOfLines(stampLines(stamps)));
    expect(sizeLinesOf(snapshot.stamps)).toBe(sizeLines(stamps));
  });

  it('lists what the walk finds fault with in the folders it gives no snapshot of', () => {
    const lister = dataRootLister(root, []);
    for (const id of lister.copIds) lister.listCop(id);
    const faulted = new Set(lister.finish().diagnostics.map((d) => d.file.split('/')[1]));
    for (const id of ['unknown-file', 'unknown-folder', 'yml', 'folder-in-meetings', 'meetings-file', 'link-out']) expect(faulted).toContain(id);
  });

  it('looks at every folder (snapshots.ts): the snapshot with its digests, or only the digests when the stamps are the ones expected, or the digests with its sizes\' when the cache expected other stamps', async () => {
    const { copsDir, copIds } = dataRootLister(root, []);
    const snapshots = copIds.map((id) => snapshotCop(copsDir, id));
    const digests = snapshots.map((s) => s && { count: snapshotFiles(s).length, names: textHash(s.paths), stamps: stampsDigest(s.stamps) });
    expect(await lookAtCops(copsDir, copIds, [], { env: { COP_WORKERS: '0' } })).toEqual({ looked: snapshots.map((snapshot, i) => snapshot && { ...digests[i], snapshot }) });
    // Expected stamps for every other folder.
    const expected = digests.map((d, i) => (i % 2 ? d?.stamps : undefined));
    const look = await lookAtCops(copsDir, copIds, expected, { env: { COP_WORKERS: '0' } });
    expect(look.looked).toEqual(snapshots.map((snapshot, i) => snapshot && (i % 2 ? digests[i] : { ...digests[i], snapshot })));
    // Other stamps expected (a fresh clone): no snapshot is kept, the digest of the files' sizes is.
    const cloned = await lookAtCops(copsDir, copIds, copIds.map(() => 'n-other-stamps'), { env: { COP_WORKERS: '0' } });
    expect(cloned.looked).toEqual(snapshots.map((snapshot, i) => snapshot && { ...digests[i], sizes: textHash(sizeLines(snapshotFiles(snapshot).map((f) => stampAt(scope, f.file)))) }));
    // In vitest the helpers' compiled module is not beside this source: they fail to start, and this thread takes their CoPs.
    expect(await lookAtCops(copsDir, copIds, expected, { env: { COP_WORKERS: '3' }, indexOf: root })).toEqual(look);
    // Helpers started early that failed before a look took them: the look does not wait for them.
    startLookHelpersEarly(root, { COP_WORKERS: '3' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await lookAtCops(copsDir, copIds, expected, { env: { COP_WORKERS: '3' } })).toEqual(look);
  });
});

describe('a helper\'s look (helperLook)', () => {
  // Two CoPs of a git repository, each with more than half the files a helper must see changed before it reads the index.
  const perCop = Math.ceil(HELPER_INDEX_MIN_FILES * 0.6);
  const root = mkdtempSync(join(tmpdir(), 'cop-helper-index-'));
  const ids = ['aws', 'k8s'];
  const committed = new Date('2025-01-01T00:00:00Z');
  for (const id of ids) {
    mkdirSync(join(root, 'cops', id, 'meetings'), { recursive: true });
    for (let n = 0; n < perCop; n++) {
      const file = join(root, 'cops', id, 'meetings', `2026-${String(n).padStart(4, '0')}.yaml`);
      writeFileSync(file, `date: 2026-10-14\n# ${n}\n`);
      // Older than the index: not racily clean, so the index vouches for them.
      utimesSync(file, committed, committed);
    }
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: root });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'data');
  const copsDir = join(root, 'cops');
  const request = (expected: (string | undefined)[], indexOf?: string): LookRequest => ({ copsDir, ids, expected, next: new Int32Array(new SharedArrayBuffer(4)), ...(indexOf ? { indexOf } : {}) });
  const digests = ids.map((id) => stampsDigest(snapshotCop(copsDir, id)!.stamps));

  it('reads git\'s index once the folders it found changed hold HELPER_INDEX_MIN_FILES files, and only then', () => {
    const indexed = readIndexedCops(root);
    expect(indexed?.size).toBe(2);
    const changed = helperLook(request([], root));
    expect(changed.looked.map(([at]) => at)).toEqual([0, 1]);
    expect(changed.index).toEqual({ cops: indexed });
    // Other stamps expected (a fresh clone with the cache restored): read too.
    expect(helperLook(request(['n-other', 'n-other'], root)).index).toEqual({ cops: indexed });
    // Not asked to, or too few files changed (one CoP), or none: no index.
    expect(helperLook(request([])).index).toBeUndefined();
    expect(helperLook(request([digests[0]], root)).index).toBeUndefined();
    expect(helperLook(request(digests, root))).toEqual({ looked: ids.map((_, at) => [at, expect.not.objectContaining({ snapshot: expect.anything() })]) });
  });
});
