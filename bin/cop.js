#!/usr/bin/env node
// `cop --version` (`-v`), and `cop --help` (`-h`) when the output is not a terminal, answer before
// the CLI is loaded: scripts run them often, and they should start as fast as node itself. The
// help was rendered by the build (scripts/build-help.mjs). Everything else goes through
// dist/bundle/cli.js, the CLI bundled by scripts/build-bundle.mjs.
const args = process.argv.slice(2);
const only = args.length === 1 ? args[0] : undefined;
const { readFileSync } = await import('node:fs');
const prebuilt = (url) => {
  try {
    return readFileSync(url, 'utf8');
  } catch {
    return undefined; // not built yet: the CLI answers
  }
};
let answer;
if (only === '--version' || only === '-v') {
  answer = `${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`;
} else if ((only === '--help' || only === '-h') && !process.stdout.isTTY) {
  answer = prebuilt(new URL('../dist/help.txt', import.meta.url));
}
if (answer !== undefined) {
  process.stdout.on('error', () => {}); // a reader that stops early (`| head`) is not an error
  process.stdout.write(answer);
} else {
  const { main } = await import('../dist/bundle/cli.js');
  process.exitCode = await main(process.argv);
}
