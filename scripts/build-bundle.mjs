// Bundles the compiled CLI (dist/, tsc's output) into dist/bundle/, which bin/cop.js runs. Node
// loads an ES module graph file by file: finding, opening, reading and decoding each of the ~140
// modules a `cop check` loads costs more than compiling them (docs/performance.md). One module per
// command (each is still loaded only when it runs) and the chunks they share replace them. The
// packages in node_modules stay apart, loaded by Node as before. The worker threads' scripts are
// entries of their own, beside the chunks, where `new URL('./<name>-worker.js', import.meta.url)`
// finds them; the other files the code reads (schemas/, docs/, package.json) are two folders up
// from dist/bundle/ as from dist/<folder>/.
//
// Usage: node scripts/build-bundle.mjs (npm run build runs it after tsc)
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../dist/bundle/', import.meta.url);
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ['dist/cli.js', 'dist/lint/cop-worker.js', 'dist/workspace/parse-worker.js', 'dist/workspace/snapshot-worker.js'].map((file) => new URL(`../${file}`, import.meta.url).pathname),
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
