/**
 * bin/cop.js runs the bundle scripts/build-bundle.mjs makes (this needs `npm run build`): every
 * file the code names relative to its own module (a worker thread's script) must be in it, since
 * the bundle's chunks are where those names are resolved.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

const SRC = join(REPO_ROOT, 'src');
const BUNDLE = join(REPO_ROOT, 'dist', 'bundle');

/** Each `new URL('./<name>.js', import.meta.url)` in src/: the module-relative scripts the code starts. */
function moduleRelativeScripts(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(SRC, { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(file)) continue;
    for (const match of readFileSync(join(SRC, file), 'utf8').matchAll(/new URL\('\.\/([\w-]+\.js)', import\.meta\.url\)/g)) found.add(match[1]!);
  }
  return [...found].sort();
}

describe('the bundle', () => {
  it('holds every worker script the code starts, beside its chunks', () => {
    const scripts = moduleRelativeScripts();
    expect(scripts).toEqual(expect.arrayContaining(['cop-worker.js', 'page-worker.js', 'parse-worker.js', 'snapshot-worker.js']));
    for (const script of scripts) expect(existsSync(join(BUNDLE, script)), script).toBe(true);
  });
});
