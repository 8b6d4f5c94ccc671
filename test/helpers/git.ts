/** Temporary git repositories holding a data root, for `cop diff`, `cop codeowners` and `--changed-since` tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
