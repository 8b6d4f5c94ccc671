// `npm run build`, last step: renders `cop --help` as a pipe or a script sees it (not a terminal,
// so commander's fixed 80 columns) into dist/help.txt. bin/cop.js prints that text without
// loading the CLI: `cop --help` then starts about as fast as node itself. On a terminal the CLI
// renders the help for the terminal's width instead. test/e2e/help-text.test.ts checks that the
// file is exactly what the CLI prints.
import { writeFileSync } from 'node:fs';

const { main } = await import('../dist/cli.js');
let text = '';
const io = { stdout: (s) => (text += s), stderr: (s) => process.stderr.write(s), env: {}, cwd: process.cwd(), stdoutIsTTY: false, stdinIsTTY: false, stderrIsTTY: false };
const code = await main(['node', 'cop', '--help'], io);
if (code !== 0 || text === '') {
  console.error('build-help: `cop --help` failed');
  process.exit(1);
}
writeFileSync(new URL('../dist/help.txt', import.meta.url), text);
