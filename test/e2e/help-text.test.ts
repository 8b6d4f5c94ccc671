/**
 * `cop --help` off a terminal is printed from dist/help.txt, rendered by the build
 * (scripts/build-help.mjs), without loading the CLI: it must be exactly what the CLI prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

describe('cop --help off a terminal', () => {
  it('prints the prebuilt text, and it is what the CLI renders', async () => {
    const cli = await runInProcess(['--help'], REPO_ROOT);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('Usage: cop [options] [command]');
    expect(readFileSync(join(REPO_ROOT, 'dist', 'help.txt'), 'utf8')).toBe(cli.stdout);
    for (const flag of ['--help', '-h']) {
      const bin = runCli([flag]);
      expect(bin.status).toBe(0);
      expect(bin.stdout).toBe(cli.stdout);
      expect(bin.stderr).toBe('');
    }
  });

  it('leaves everything else to the CLI: help for a command, or a flag with more arguments', () => {
    expect(runCli(['check', '--help']).stdout).toContain('Usage: cop check [options] [paths...]');
    expect(runCli(['help', 'check']).stdout).toContain('Usage: cop check [options] [paths...]');
  });
});
