/**
 * Issue #26: start-up is most of a small repository's `cop check`, so a run loads only the modules
 * it uses. The built bin runs with a module hook that lists every ES module it loads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../helpers/cli.js';

/** The packages (node_modules/<name>) a run of `cop <args>` on the bundled organisation loads, and its exit code. */
function packagesLoaded(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; packages: Set<string> } {
  const dir = mkdtempSync(join(tmpdir(), 'cop-modules-'));
  const log = join(dir, 'loaded.txt');
  writeFileSync(log, '');
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(log)}, url + '\\n');\n  return next(url, context);\n}\n`,
  );
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: undefined, ...env },
    encoding: 'utf8',
  });
  const packages = readFileSync(log, 'utf8')
    .split('\n')
    .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(url)?.[1])
    .filter((name): name is string => name !== undefined);
  return { status: run.status, packages: new Set(packages) };
}

/** The text layout (measuring and wrapping text for a terminal) and colour. */
const TEXT_LAYOUT = ['wrap-ansi', 'string-width'];
const COLOUR = 'chalk';
/** The Markdown layer (src/output/markdown.ts): about a hundred modules. */
const MARKDOWN = 'mdast-util-to-markdown';

describe('what a run loads', () => {
  it('a clean cop check printing to a pipe loads no text layout and no colour', () => {
    const { status, packages } = packagesLoaded(['check', '--as-of', '2026-11-20']);
    expect(status).toBe(0);
    expect(packages.has('commander')).toBe(true);
    for (const name of [...TEXT_LAYOUT, COLOUR]) expect(packages.has(name), name).toBe(false);
  }, 30_000);

  it('cop check loads it when a finding must wrap to the terminal', () => {
    // A year on, the bundled organisation has long warnings; 60 columns cannot hold them.
    const { status, packages } = packagesLoaded(['check', '--as-of', '2027-09-01'], { COLUMNS: '60' });
    expect(status).toBe(0);
    for (const name of [...TEXT_LAYOUT, COLOUR]) expect(packages.has(name), name).toBe(true);
  }, 30_000);

  it.each([
    ['report', ['report', '--year', '2026'], ['table', 'json', 'csv']],
    ['health', ['health', '--as-of', '2026-11-20'], ['table', 'json']],
  ])('cop %s loads the Markdown layer only for its Markdown format', (_, args, others) => {
    for (const format of others) {
      const { status, packages } = packagesLoaded([...args, '--format', format]);
      expect(status).toBe(0);
      expect(packages.has(MARKDOWN), format).toBe(false);
    }
    const { status, packages } = packagesLoaded([...args, '--format', 'markdown']);
    expect(status).toBe(0);
    expect(packages.has(MARKDOWN)).toBe(true);
  }, 60_000);

  it('a clean cop check loads colour when asked for it', () => {
    const { status, packages } = packagesLoaded(['check', '--as-of', '2026-11-20'], { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(status).toBe(0);
    expect(packages.has(COLOUR)).toBe(true);
  }, 30_000);
});
