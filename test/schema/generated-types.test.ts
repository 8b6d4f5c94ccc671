import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

describe('src/model/schema-types.ts', () => {
  it('is what scripts/gen-types.mjs generates from schemas/ (run `npm run gen:types` if this fails)', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'gen-types.mjs'), '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
