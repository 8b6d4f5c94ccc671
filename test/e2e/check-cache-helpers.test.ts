/**
 * `cop check --cache` starts the look's helper threads before its modules load (check.command.ts,
 * workspace/snapshots.ts startLookHelpersEarly), through the built CLI (the helpers load
 * dist/workspace/snapshot-worker.js: this needs `npm run build`): the warm run's findings equal a
 * run without the cache, whether a look takes the helpers or none does.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { AS_OF, plantedOrganisation } from '../helpers/planted-organisation.js';

describe('the look helpers started early', () => {
  const root = plantedOrganisation(20);
  const check = (env: NodeJS.ProcessEnv, ...flags: string[]) => runCli(['check', '--root', root, '--as-of', AS_OF, '--format', 'json', ...flags], { env, timeoutMs: 60_000 });

  it('gives the findings of a run without the cache, cold and warm, with one, two or no helpers', () => {
    const plain = check({});
    expect(plain.status).toBe(1);
    for (const workers of ['2', '3', '0']) {
      const cache = join(mkdtempSync(join(tmpdir(), 'cop-early-')), 'cache');
      // COP_WORKERS counts this thread: 2 starts one helper early, 3 two, 0 none.
      expect(check({ COP_WORKERS: workers }, '--cache-location', cache)).toEqual(plain);
      expect(check({ COP_WORKERS: workers }, '--cache-location', cache)).toEqual(plain);
    }
  });

  it('ends when no look takes the helpers (a --root that is no data root)', () => {
    const result = runCli(['check', '--cache', '--root', tmpdir()], { env: { COP_WORKERS: '3' }, timeoutMs: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/not a CoP data root/);
  });
});
