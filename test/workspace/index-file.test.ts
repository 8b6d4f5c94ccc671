/**
 * git's index file read by cop (index-file.ts): a CoP folder's tree id, with its data files' paths
 * and stamps as the index's stat data gives them, equal to what the look finds on the disk (so the
 * CoP is known by its tree id) only while git would call the files unmodified.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotCop } from '../../src/workspace/discover.js';
import { readIndexedCops } from '../../src/workspace/index-file.js';
import { stampsDigest } from '../../src/workspace/stamps.js';
import { textHash } from '../../src/workspace/texts.js';

const MEETING = 'date: 2026-10-14\ntitle: Lambda\n';
const OLD = new Date('2025-01-01T00:00:00Z');
const OLDER = new Date('2024-01-01T00:00:00Z');

/** A repository whose data root is `sub` (or the top): CoP aws (a charter, three meeting logs, a README) and k8s (one log), committed, the files older than the index. */
function repository(sub = '', init: string[] = []) {
  const top = mkdtempSync(join(tmpdir(), 'cop-index-file-'));
  const root = join(top, sub);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
  mkdirSync(join(root, 'cops/aws/meetings'), { recursive: true });
  mkdirSync(join(root, 'cops/k8s/meetings'), { recursive: true });
  execFileSync('git', ['init', '-q', ...init], { cwd: top });
  const files = ['cops/aws/charter.yaml', 'cops/aws/README.md', ...['01', '02', '03'].map((day) => file(day)), 'cops/k8s/meetings/2026-10-01.yaml'];
  for (const path of files) writeFileSync(join(root, path), `${MEETING}# ${path}\n`);
  for (const path of files) utimesSync(join(root, path), path.includes('k8s') ? OLDER : OLD, path.includes('k8s') ? OLDER : OLD);
  writeFileSync(join(root, 'people.yaml'), 'people: []\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'data');
  const treeOf = (id: string) => git('rev-parse', `HEAD:./cops/${id}`).trim();
  return { top, root, git, treeOf };
}
const file = (day: string) => `cops/aws/meetings/2026-10-${day}.yaml`;

/** What the look finds of a CoP's folder on the disk, as the index's answer gives it. */
function looked(root: string, id: string) {
  const snapshot = snapshotCop(join(root, 'cops'), id)!;
  return { names: textHash(snapshot.paths), stamps: stampsDigest(snapshot.stamps) };
}
/** The CoPs the index vouches for the disk holds as their tree names them: its answer equals the look. */
function vouched(root: string, env: NodeJS.ProcessEnv = {}) {
  const indexed = readIndexedCops(root, env);
  if (indexed === undefined) return undefined;
  return new Map([...indexed].filter(([id, cop]) => cop.names === looked(root, id).names && cop.stamps === looked(root, id).stamps).map(([id, cop]) => [id, cop.tree]));
}

describe('readIndexedCops', () => {
  it("gives each CoP folder its tree id, and its data files' paths and stamps as the look finds them", () => {
    const { root, treeOf } = repository();
    const indexed = readIndexedCops(root, {})!;
    expect([...indexed.keys()].sort()).toEqual(['aws', 'k8s']);
    for (const id of ['aws', 'k8s']) expect(indexed.get(id)).toEqual({ tree: treeOf(id), ...looked(root, id) });
  });

  it('reads an index of version 3 and 4 (paths compressed against the one before) as one of version 2', () => {
    const { root, git } = repository();
    const v2 = readIndexedCops(root, {});
    git('update-index', '--index-version', '4');
    expect(readFileSync(join(root, '.git/index')).readUInt32BE(4)).toBe(4);
    expect(readIndexedCops(root, {})).toEqual(v2);
    // A file to be added (outside cops/) takes a flag only version 3 has room for.
    git('update-index', '--index-version', '2');
    writeFileSync(join(root, 'notes.md'), 'to do\n');
    git('add', '-N', 'notes.md');
    expect(readFileSync(join(root, '.git/index')).readUInt32BE(4)).toBe(3);
    expect(readIndexedCops(root, {})).toEqual(v2);
  });

  it.each<[string, (r: ReturnType<typeof repository>) => void]>([
    ['a modified file', ({ root }) => appendFileSync(join(root, file('01')), '# edited\n')],
    ['a file of the same size with other content', ({ root }) => writeFileSync(join(root, file('01')), readFileSync(join(root, file('01')), 'utf8').replace('Lambda', 'Lambdb'))],
    ['an untracked file', ({ root }) => writeFileSync(join(root, file('04')), MEETING)],
    ['a change staged but not committed', ({ root, git }) => {
      appendFileSync(join(root, file('01')), '# staged\n');
      git('add', file('01'));
    }],
    ['a renamed file', ({ git }) => git('mv', file('02'), file('05'))],
    ['a deleted file', ({ git }) => git('rm', '-q', file('02'))],
    // git write-tree makes the folder's tree id valid again: the flags alone leave it out.
    ['a file git is told to assume unchanged', ({ git }) => {
      git('update-index', '--assume-unchanged', file('02'));
      git('write-tree');
    }],
    ['a file git is told to skip', ({ git }) => {
      git('update-index', '--skip-worktree', file('03'));
      git('write-tree');
    }],
    ['a file to be added (intent to add)', ({ root, git }) => {
      writeFileSync(join(root, file('04')), MEETING);
      git('add', '-N', file('04'));
      git('write-tree');
    }],
    // Written in the same second as the index: a later change in that second would leave the same stat data.
    ['a racily clean file', ({ root }) => utimesSync(join(root, '.git/index'), OLD, OLD)],
  ])('does not vouch for a folder with %s', (_, change) => {
    const repo = repository();
    change(repo);
    expect(vouched(repo.root)).toEqual(new Map([['k8s', repo.treeOf('k8s')]]));
  });

  it('leaves out what is not a data file: a README changed beside the data files does not matter', () => {
    const { root, treeOf } = repository();
    appendFileSync(join(root, 'cops/aws/README.md'), 'edited\n');
    expect(vouched(root)).toEqual(new Map([['aws', treeOf('aws')], ['k8s', treeOf('k8s')]]));
  });

  it('names the CoPs of a data root in a subfolder of the repository', () => {
    const repo = repository('data/org');
    appendFileSync(join(repo.root, file('03')), '# edited\n');
    expect(vouched(repo.root)).toEqual(new Map([['k8s', repo.treeOf('k8s')]]));
  });

  it('gives undefined, for git to answer, outside a work tree, before the first commit, in a linked worktree, a split index, a SHA-256 repository, or with git sent elsewhere', () => {
    const bare = mkdtempSync(join(tmpdir(), 'cop-no-git-'));
    mkdirSync(join(bare, 'cops/aws'), { recursive: true });
    expect(readIndexedCops(bare, {})).toBeUndefined();
    execFileSync('git', ['init', '-q'], { cwd: bare });
    expect(readIndexedCops(bare, {})).toBeUndefined();

    const { root, top, git } = repository();
    expect(readIndexedCops(root, { GIT_INDEX_FILE: join(top, 'other-index') })).toBeUndefined();
    expect(readIndexedCops(root, { GIT_DIR: join(top, '.git') })).toBeUndefined();
    const linked = join(top, '..', `${lstatSync(top).ino}-linked`);
    git('worktree', 'add', '-q', linked);
    expect(readIndexedCops(linked, {})).toBeUndefined();
    git('update-index', '--split-index');
    expect(readIndexedCops(root, {})).toBeUndefined();

    const sha256 = repository('', ['--object-format=sha256']);
    expect(readIndexedCops(sha256.root, {})).toBeUndefined();
  });

  it('gives undefined, without waiting, when a FIFO stands in place of the index or of the config', () => {
    for (const name of ['index', 'config']) {
      const { top, root } = repository();
      rmSync(join(top, '.git', name));
      execFileSync('mkfifo', [join(top, '.git', name)]);
      // Opened as a file, a FIFO with no writer would block this test until it timed out.
      expect(readIndexedCops(root, {})).toBeUndefined();
    }
  });
});
