// `npm run pack`: the tarball to install cop from while it is not on the npm registry (README,
// "Using it in your organisation"). It holds what `npm pack` would (package.json's `files`), with
// a manifest for users: no `scripts` (npm 11 warns about a `prepare` it would never run from a
// tarball, and scripts/ is not shipped) and no devDependencies. Prints the tarball's path.
// Usage: node scripts/pack.mjs [DESTINATION]   (default: the current folder)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const destination = resolve(process.argv[2] ?? '.');
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
if (!existsSync(join(repo, 'dist', 'cli.js'))) {
  console.error('cops-as-code: dist/ is not built: run `npm ci` (or `npm run build`) first.');
  process.exit(1);
}
const stage = mkdtempSync(join(tmpdir(), 'cops-as-code-pack-'));
try {
  for (const entry of [...manifest.files, 'README.md', 'LICENSE']) cpSync(join(repo, entry), join(stage, entry), { recursive: true });
  const { scripts: _scripts, devDependencies: _dev, ...published } = manifest;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(published, null, 2)}\n`);
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], { cwd: stage, encoding: 'utf8' }).trim().split('\n').at(-1);
  console.log(join(destination, name));
} finally {
  rmSync(stage, { recursive: true, force: true });
}
