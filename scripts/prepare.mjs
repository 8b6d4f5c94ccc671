// `prepare`: generates the schema validators and builds dist/ when a clone is installed or packed (npm runs `prepare` then; so does
// pre-commit's node hook, which installs a clone and takes `npm pack`'s stdout as the tarball's
// name). The compiler's output goes to stderr, never stdout; .npmrc keeps npm's own script banner
// off stdout too. Without typescript (devDependencies not installed) an existing build is kept.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  if (existsSync('dist/bundle/cli.js')) process.exit(0);
  console.error('cops-as-code: cannot build dist/: typescript is not installed. Run `npm install` with devDependencies first.');
  process.exit(1);
}
// The standalone schema validators are generated first: tsc compiles them with the rest of src/;
// its output is bundled for bin/cop.js (scripts/build-bundle.mjs). The help text for pipes is
// rendered last, from the fresh build.
for (const args of [['scripts/build-validators.mjs'], [tsc, '-p', 'tsconfig.build.json'], ['scripts/build-bundle.mjs'], ['scripts/build-help.mjs']]) {
  const step = spawnSync(process.execPath, args, { stdio: ['ignore', 2, 2] });
  if (step.status !== 0) process.exit(step.status ?? 1);
}
