/**
 * The README, the docs and the help are read where the package is installed, which holds no
 * DESIGN.md and no src/: they never send a reader there for something they need (#23).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

const pages = (dir: string): string[] =>
  readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pages(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []));

describe('references a reader of the installed package can follow', () => {
  it('no page cites DESIGN.md, which is not in the repository', () => {
    for (const page of ['README.md', ...pages('docs')]) expect(readFileSync(join(REPO_ROOT, page), 'utf8'), page).not.toContain('DESIGN.md');
  });

  it('no JSON shape is documented only by a source file', () => {
    for (const page of pages('docs/commands')) expect(readFileSync(join(REPO_ROOT, page), 'utf8'), page).not.toMatch(/documented (field by field )?in \[?`src\//);
  });

  it('no --help points at a source file', async () => {
    const commands = ['init', 'new', 'log', 'output', 'check', 'ls', 'show', 'report', 'health', 'review', 'due', 'diff', 'activate', 'dissolve', 'calendar', 'site', 'export', 'readme', 'codeowners', 'rules'];
    for (const command of commands) expect((await runInProcess([command, '--help'], REPO_ROOT)).stdout, command).not.toMatch(/\bsrc\//);
  });
});
