/** What git says of the CoPs' folders: a tree id only for a folder the work tree holds exactly as HEAD does. */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotCop } from '../../src/workspace/discover.js';
import { cleanCopTrees, copTrees } from '../../src/workspace/git-index.js';
import { stampsDigest } from '../../src/workspace/stamps.js';
import { textHash } from '../../src/workspace/texts.js';
import { awsMeetingFile, COMMITTED_MEETING, committedCops } from '../helpers/git.js';


describe('cleanCopTrees', () => {
  it('gives each CoP folder the work tree holds as HEAD does the tree id HEAD holds for it', async () => {
    const { root, treeOf } = committedCops();
    expect(await cleanCopTrees(root)).toEqual(new Map([['aws', treeOf('aws')], ['k8s', treeOf('k8s')]]));
  });

  it.each<[string, (r: ReturnType<typeof committedCops>) => void]>([
    ['a modified file', ({ root }) => appendFileSync(join(root, awsMeetingFile('01')), '# edited\n')],
    ['an untracked file', ({ root }) => writeFileSync(join(root, awsMeetingFile('04')), COMMITTED_MEETING)],
    ['an ignored file', ({ root }) => {
      writeFileSync(join(root, '.gitignore'), '*.draft.yaml\n');
      writeFileSync(join(root, 'cops/aws/meetings/2026-10-04.draft.yaml'), COMMITTED_MEETING);
    }],
    ['a change staged but not committed', ({ root, git }) => {
      appendFileSync(join(root, awsMeetingFile('01')), '# staged\n');
      git('add', awsMeetingFile('01'));
    }],
    ['a renamed file', ({ git }) => git('mv', awsMeetingFile('02'), awsMeetingFile('05'))],
    ['a deleted file', ({ git }) => git('rm', '-q', awsMeetingFile('02'))],
    ['a file git is told to assume unchanged', ({ git }) => git('update-index', '--assume-unchanged', awsMeetingFile('02'))],
    ['a file git is told to skip', ({ git }) => git('update-index', '--skip-worktree', awsMeetingFile('03'))],
  ])('gives no id to a folder with %s', async (_, change) => {
    const repo = committedCops();
    change(repo);
    expect(await cleanCopTrees(repo.root)).toEqual(new Map([['k8s', repo.treeOf('k8s')]]));
  });

  it('names the CoPs of a data root in a subfolder of the repository', async () => {
    const repo = committedCops('data/org');
    appendFileSync(join(repo.root, awsMeetingFile('03')), '# edited\n');
    expect(await cleanCopTrees(repo.root)).toEqual(new Map([['k8s', repo.treeOf('k8s')]]));
  });

  it('gives nothing outside a git work tree, or before the first commit', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cop-no-git-'));
    mkdirSync(join(root, 'cops/aws'), { recursive: true });
    expect((await cleanCopTrees(root)).size).toBe(0);
    execFileSync('git', ['init', '-q'], { cwd: root });
    expect((await cleanCopTrees(root)).size).toBe(0);
  });
});

describe('copTrees', () => {
  /** The CoPs as the look finds them on the disk. */
  const lookedAt = (root: string) =>
    ['aws', 'k8s'].map((id) => {
      const snapshot = snapshotCop(join(root, 'cops'), id)!;
      return { id, names: textHash(snapshot.paths), stamps: stampsDigest(snapshot.stamps), files: snapshot.paths.split('\n').length };
    });

  it('takes the tree ids from git\'s index, or from the index as a helper thread read it', async () => {
    const { root, treeOf } = committedCops();
    const cops = lookedAt(root);
    expect(await copTrees(root, cops)).toEqual(new Map([['aws', treeOf('aws')], ['k8s', treeOf('k8s')]]));
    const [aws] = cops;
    const read = { cops: new Map([['aws', { tree: 'f'.repeat(40), names: aws!.names, stamps: aws!.stamps }]]) };
    expect(await copTrees(root, cops, read)).toEqual(new Map([['aws', 'f'.repeat(40)]]));
  });
});
