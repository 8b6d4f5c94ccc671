/** What git's index says of the files under a folder: an id only for a tracked file the work tree holds unmodified. */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unmodifiedBlobIds } from '../../src/workspace/git-index.js';
import { textHash } from '../../src/workspace/texts.js';

const MEETING = 'date: 2026-10-14\ntitle: Lambda\n';

/** A repository whose data root is `sub` (or the top), holding three meeting logs of CoP aws, committed. */
function repository(sub = '') {
  const top = mkdtempSync(join(tmpdir(), 'cop-git-index-'));
  const root = join(top, sub);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: top, encoding: 'utf8' });
  git('init', '-q');
  mkdirSync(join(root, 'cops/aws/meetings'), { recursive: true });
  for (const day of ['01', '02', '03']) writeFileSync(join(root, `cops/aws/meetings/2026-10-${day}.yaml`), `${MEETING}# ${day}\n`);
  writeFileSync(join(root, 'people.yaml'), 'people: []\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'data');
  return { top, root, git };
}
const file = (day: string) => `cops/aws/meetings/2026-10-${day}.yaml`;

describe('unmodifiedBlobIds', () => {
  it('gives each tracked, unmodified file under the pathspec its blob id, which is the hash of its text', async () => {
    const { root } = repository();
    const ids = await unmodifiedBlobIds(root, 'cops');
    expect([...ids.keys()].sort()).toEqual([file('01'), file('02'), file('03')]);
    expect(ids.get(file('02'))).toBe(textHash(`${MEETING}# 02\n`));
  });

  it('gives no id to a modified or untracked file, nor to one marked assume-unchanged or skip-worktree', async () => {
    const { root, git } = repository();
    appendFileSync(join(root, file('01')), '# edited\n');
    writeFileSync(join(root, file('04')), MEETING);
    git('update-index', '--assume-unchanged', file('02'));
    git('update-index', '--skip-worktree', file('03'));
    expect([...(await unmodifiedBlobIds(root, 'cops')).keys()]).toEqual([]);
  });

  it('gives a staged, uncommitted file the id of what is staged, and a renamed file its new path', async () => {
    const { root, git } = repository();
    appendFileSync(join(root, file('01')), '# staged\n');
    git('add', file('01'));
    git('mv', file('02'), file('05'));
    const ids = await unmodifiedBlobIds(root, 'cops');
    expect([...ids.keys()].sort()).toEqual([file('01'), file('03'), file('05')]);
    expect(ids.get(file('01'))).toBe(textHash(`${MEETING}# 01\n# staged\n`));
  });

  it('gives paths relative to a data root in a subfolder of the repository', async () => {
    const { root } = repository('data/org');
    appendFileSync(join(root, file('03')), '# edited\n');
    expect([...(await unmodifiedBlobIds(root, 'cops')).keys()].sort()).toEqual([file('01'), file('02')]);
  });

  it('gives nothing outside a git work tree', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cop-no-git-'));
    mkdirSync(join(root, 'cops'));
    expect((await unmodifiedBlobIds(root, 'cops')).size).toBe(0);
  });
});
