// Bundles the compiled CLI (dist/, tsc's output) into dist/bundle/, which bin/cop.js runs. Node
// loads an ES module graph file by file: finding, opening, reading and decoding each of the ~140
// modules a `cop check` loads costs more than compiling them (docs/performance.md). One module per
// command (each is still loaded only when it runs) and the chunks they share replace them. The
// packages in node_modules stay apart, loaded by Node as before. The worker threads' scripts (every
// dist/**/*-worker.js) are entries of their own, beside the chunks, where
// `new URL('./<name>-worker.js', import.meta.url)` finds them (test/e2e/bundle.test.ts holds every
// such URL in src/ to a file here); the other files the code reads (schemas/, docs/, package.json)
// are two folders up from dist/bundle/ as from dist/<folder>/.
//
// Usage: node scripts/build-bundle.mjs (npm run build runs it after tsc)
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
const outdir = new URL('bundle/', dist);
rmSync(outdir, { recursive: true, force: true });
const workers = readdirSync(dist, { recursive: true }).filter((file) => file.endsWith('-worker.js'));
await build({
  entryPoints: ['cli.js', ...workers].map((file) => new URL(file, dist).pathname),
  outdir: outdir.pathname,
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
