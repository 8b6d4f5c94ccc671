/**
 * Runs `cop <args>` inside the test process (the real commander program and handlers, without
 * starting node): much cheaper than bin/cop.js on a loaded machine. Output is not coloured and
 * stdin is not a terminal, as in CI.
 */
import { main } from '../../src/cli.js';
import type { CliResult } from './cli.js';
import { memoryIo } from './org-copy.js';

export async function runInProcess(args: string[], cwd: string): Promise<CliResult> {
  const io = memoryIo(cwd, false);
  const status = await main(['node', 'cop', ...args], io);
  return { status, stdout: io.out.join(''), stderr: io.err.join('') };
}
