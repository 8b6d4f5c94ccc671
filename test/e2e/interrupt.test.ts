/** Ctrl-C (SIGINT) or SIGTERM while cop holds temporary files: they are removed, and the exit code says which signal. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

// A process in the middle of a write: a temporary file and a temporary folder registered as write.ts registers them.
const HOLDER = `
import { mkdirSync, writeFileSync } from 'node:fs';
import { trackTemporary } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'dist/workspace/write.js')).href)};
const [file, folder] = process.argv.slice(2);
writeFileSync(file, 'half a charter');
trackTemporary(file);
mkdirSync(folder);
writeFileSync(folder + '/charter.yaml', 'id: half\\n');
trackTemporary(folder);
process.stdout.write('ready\\n');
setInterval(() => {}, 1000);
`;

function interrupted(signal: NodeJS.Signals): Promise<{ code: number | null; file: string; folder: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cop-interrupt-'));
  const script = join(dir, 'holder.mjs');
  writeFileSync(script, HOLDER);
  const file = join(dir, '.charter.yaml.1.abcd.tmp');
  const folder = join(dir, '.new-cop.1.abcd.tmp');
  const child = spawn(process.execPath, [script, file, folder]);
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) child.kill(signal);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, file, folder }));
  });
}

describe('an interrupted write', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s removes the temporary file and folder and exits %i', async (signal, exitCode) => {
    const { code, file, folder } = await interrupted(signal);
    expect(code).toBe(exitCode);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(folder)).toBe(false);
  }, 30_000);
});
