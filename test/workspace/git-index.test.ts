/** What git says of the CoPs' folders: a tree id only for a folder the work tree holds exactly as HEAD does. */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanCopTrees } from '../../src/workspace/git-index.js';

const MEETING = 'date: 2026-10-14\ntitle: Lambda\n';

/** A repository whose data root is `sub` (or the top), holding meeting logs of CoPs aws (three) and k8s (one), committed. */
function repository(sub = '') {
  const top = mkdtempSync(join(tmpdir(), 'cop-git-index-'));
  const root = join(top, sub);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
  mkdirSync(join(root, 'cops/aws/meetings'), { recursive: true });
  mkdirSync(join(root, 'cops/k8s/meetings'), { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: top });
  for (const day of ['01', '02', '03']) writeFileSync(join(root, `cops/aws/meetings/2026-10-${day}.yaml`), `${MEETING}# ${day}\n`);
  writeFileSync(join(root, 'cops/k8s/meetings/2026-10-01.yaml'), MEETING);
  writeFileSync(join(root, 'people.yaml'), 'people: []\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'data');
  const treeOf = (id: string) => git('rev-parse', `HEAD:./cops/${id}`).trim();
  return { top, root, git, treeOf };
}
const file = (day: string) => `cops/aws/meetings/2026-10-${day}.yaml`;

describe('cleanCopTrees', () => {
  it('gives each CoP folder the work tree holds as HEAD does the tree id HEAD holds for it', async () => {
    const { root, treeOf } = repository();
    expect(await cleanCopTrees(root)).toEqual(new Map([['aws', treeOf('aws')], ['k8s', treeOf('k8s')]]));
  });

  it.each<[string, (r: ReturnType<typeof repository>) => void]>([
    ['a modified file', ({ root }) => appendFileSync(join(root, file('01')), '# edited\n')],
    ['an untracked file', ({ root }) => writeFileSync(join(root, file('04')), MEETING)],
    ['an ignored file', ({ root }) => {
      writeFileSync(join(root, '.gitignore'), '*.draft.yaml\n');
      writeFileSync(join(root, 'cops/aws/meetings/2026-10-04.draft.yaml'), MEETING);
    }],
    ['a change staged but not committed', ({ root, git }) => {
      appendFileSync(join(root, file('01')), '# staged\n');
      git('add', file('01'));
    }],
    ['a renamed file', ({ git }) => git('mv', file('02'), file('05'))],
    ['a deleted file', ({ git }) => git('rm', '-q', file('02'))],
    ['a file git is told to assume unchanged', ({ git }) => git('update-index', '--assume-unchanged', file('02'))],
    ['a file git is told to skip', ({ git }) => git('update-index', '--skip-worktree', file('03'))],
  ])('gives no id to a folder with %s', async (_, change) => {
    const repo = repository();
    change(repo);
    expect(await cleanCopTrees(repo.root)).toEqual(new Map([['k8s', repo.treeOf('k8s')]]));
  });

  it('names the CoPs of a data root in a subfolder of the repository', async () => {
    const repo = repository('data/org');
    appendFileSync(join(repo.root, file('03')), '# edited\n');
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
