/** Temporary git repositories holding a data root, for `cop diff`, `cop codeowners`, `--changed-since` and git's index tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config, Person } from '../../src/model/schema-types.js';
import { writeRoot } from './cli.js';
import type { CopSpec } from './workspace.js';

type Spec = { cops?: Record<string, CopSpec>; people?: Person[]; config?: Config };

export interface TestRepo {
  /** The repository's top level. */
  dir: string;
  /** The data root: the top level, or a subfolder of it. */
  root: string;
  git(...args: string[]): string;
  /** Writes (overwrites) the files of a spec into the data root. */
  write(spec: Spec): void;
  remove(path: string): void;
  /** Stages everything and commits; returns the commit id. */
  commit(message: string): string;
}

/** A repository on branch `main` whose first commit holds `spec`; `subfolder` puts the data root below the top level. */
export function gitRepo(spec: Spec, subfolder = ''): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'cop-git-'));
  const root = subfolder ? join(dir, subfolder) : dir;
  mkdirSync(root, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.com');
  git('config', 'commit.gpgsign', 'false');
  const repo: TestRepo = {
    dir,
    root,
    git,
    write: (s) => void writeRoot(s, root),
    remove: (path) => rmSync(join(root, path), { recursive: true, force: true }),
    commit: (message) => {
      git('add', '--all');
      git('commit', '--quiet', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
  };
  repo.write(spec);
  repo.commit('initial data');
  return repo;
}

/** The text of each meeting log in committedCops' repository (then a comment naming the file). */
export const COMMITTED_MEETING = 'date: 2026-10-14\ntitle: Lambda\n';

/** When committedCops' aws files were last changed (k8s's a year before). */
export const COMMITTED_AWS_MTIME = new Date('2025-01-01T00:00:00Z');

/** The path of CoP aws's meeting log of 2026-10-`day` in committedCops' repository. */
export const awsMeetingFile = (day: string) => `cops/aws/meetings/2026-10-${day}.yaml`;

/**
 * A repository whose data root is `sub` (or the top), for what git knows of the CoPs' folders: CoP
 * aws (a charter, three meeting logs, a README) and k8s (one log), committed, their files dated
 * before the index was written (k8s's a year earlier). `init`: options for `git init`.
 */
export function committedCops(sub = '', init: string[] = []) {
  const top = mkdtempSync(join(tmpdir(), 'cop-git-cops-'));
  const root = join(top, sub);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
  mkdirSync(join(root, 'cops/aws/meetings'), { recursive: true });
  mkdirSync(join(root, 'cops/k8s/meetings'), { recursive: true });
  execFileSync('git', ['init', '-q', ...init], { cwd: top });
  const files = ['cops/aws/charter.yaml', 'cops/aws/README.md', ...['01', '02', '03'].map(awsMeetingFile), 'cops/k8s/meetings/2026-10-01.yaml'];
  const older = new Date('2024-01-01T00:00:00Z');
  for (const path of files) writeFileSync(join(root, path), `${COMMITTED_MEETING}# ${path}\n`);
  for (const path of files) utimesSync(join(root, path), path.includes('k8s') ? older : COMMITTED_AWS_MTIME, path.includes('k8s') ? older : COMMITTED_AWS_MTIME);
  writeFileSync(join(root, 'people.yaml'), 'people: []\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'data');
  const treeOf = (id: string) => git('rev-parse', `HEAD:./cops/${id}`).trim();
  return { top, root, git, treeOf };
}
