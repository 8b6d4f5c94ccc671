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
import { awsMeetingFile, COMMITTED_AWS_MTIME, COMMITTED_MEETING, committedCops } from '../helpers/git.js';


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
    const { root, treeOf } = committedCops();
    const indexed = readIndexedCops(root, {})!;
    expect([...indexed.keys()].sort()).toEqual(['aws', 'k8s']);
    for (const id of ['aws', 'k8s']) expect(indexed.get(id)).toEqual({ tree: treeOf(id), ...looked(root, id) });
  });

  it('reads an index of version 3 and 4 (paths compressed against the one before) as one of version 2', () => {
    const { root, git } = committedCops();
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

  it.each<[string, (r: ReturnType<typeof committedCops>) => void]>([
    ['a modified file', ({ root }) => appendFileSync(join(root, awsMeetingFile('01')), '# edited\n')],
    ['a file of the same size with other content', ({ root }) => writeFileSync(join(root, awsMeetingFile('01')), readFileSync(join(root, awsMeetingFile('01')), 'utf8').replace('Lambda', 'Lambdb'))],
    ['an untracked file', ({ root }) => writeFileSync(join(root, awsMeetingFile('04')), COMMITTED_MEETING)],
    ['a change staged but not committed', ({ root, git }) => {
      appendFileSync(join(root, awsMeetingFile('01')), '# staged\n');
      git('add', awsMeetingFile('01'));
    }],
    ['a renamed file', ({ git }) => git('mv', awsMeetingFile('02'), awsMeetingFile('05'))],
    ['a deleted file', ({ git }) => git('rm', '-q', awsMeetingFile('02'))],
    // git write-tree makes the folder's tree id valid again: the flags alone leave it out.
    ['a file git is told to assume unchanged', ({ git }) => {
      git('update-index', '--assume-unchanged', awsMeetingFile('02'));
      git('write-tree');
    }],
    ['a file git is told to skip', ({ git }) => {
      git('update-index', '--skip-worktree', awsMeetingFile('03'));
      git('write-tree');
    }],
    ['a file to be added (intent to add)', ({ root, git }) => {
      writeFileSync(join(root, awsMeetingFile('04')), COMMITTED_MEETING);
      git('add', '-N', awsMeetingFile('04'));
      git('write-tree');
    }],
    // Written in the same second as the index: a later change in that second would leave the same stat data.
    ['a racily clean file', ({ root }) => utimesSync(join(root, '.git/index'), COMMITTED_AWS_MTIME, COMMITTED_AWS_MTIME)],
  ])('does not vouch for a folder with %s', (_, change) => {
    const repo = committedCops();
    change(repo);
    expect(vouched(repo.root)).toEqual(new Map([['k8s', repo.treeOf('k8s')]]));
  });

  it('leaves out what is not a data file: a README changed beside the data files does not matter', () => {
    const { root, treeOf } = committedCops();
    appendFileSync(join(root, 'cops/aws/README.md'), 'edited\n');
    expect(vouched(root)).toEqual(new Map([['aws', treeOf('aws')], ['k8s', treeOf('k8s')]]));
  });

  it('names the CoPs of a data root in a subfolder of the repository', () => {
    const repo = committedCops('data/org');
    appendFileSync(join(repo.root, awsMeetingFile('03')), '# edited\n');
    expect(vouched(repo.root)).toEqual(new Map([['k8s', repo.treeOf('k8s')]]));
  });

  it('gives undefined, for git to answer, outside a work tree, before the first commit, in a linked worktree, a split index, a SHA-256 repository, or with git sent elsewhere', () => {
    const bare = mkdtempSync(join(tmpdir(), 'cop-no-git-'));
    mkdirSync(join(bare, 'cops/aws'), { recursive: true });
    expect(readIndexedCops(bare, {})).toBeUndefined();
    execFileSync('git', ['init', '-q'], { cwd: bare });
    expect(readIndexedCops(bare, {})).toBeUndefined();

    const { root, top, git } = committedCops();
    expect(readIndexedCops(root, { GIT_INDEX_FILE: join(top, 'other-index') })).toBeUndefined();
    expect(readIndexedCops(root, { GIT_DIR: join(top, '.git') })).toBeUndefined();
    const linked = join(top, '..', `${lstatSync(top).ino}-linked`);
    git('worktree', 'add', '-q', linked);
    expect(readIndexedCops(linked, {})).toBeUndefined();
    git('update-index', '--split-index');
    expect(readIndexedCops(root, {})).toBeUndefined();

    const sha256 = committedCops('', ['--object-format=sha256']);
    expect(readIndexedCops(sha256.root, {})).toBeUndefined();
  });

  it('gives undefined, without waiting, when a FIFO stands in place of the index or of the config', () => {
    for (const name of ['index', 'config']) {
      const { top, root } = committedCops();
      rmSync(join(top, '.git', name));
      execFileSync('mkfifo', [join(top, '.git', name)]);
      // Opened as a file, a FIFO with no writer would block this test until it timed out.
      expect(readIndexedCops(root, {})).toBeUndefined();
    }
  });
});
