/**
 * `cop check` checking whole CoPs in worker threads (src/lint/cop-worker.ts) against the same in
 * this thread (COP_WORKERS=0), through the built CLI (workers load dist/lint/cop-worker.js: this
 * needs `npm run build`): byte for byte the same output in every format. test/lint/cop-pool.test.ts
 * compares the in-thread check with the ordinary load.
 */
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/render/diagnostics/json.js';
import { runCli } from '../helpers/cli.js';
import { AS_OF, plantedOrganisation } from '../helpers/planted-organisation.js';

describe('checking whole CoPs in worker threads', () => {
  // Four CoPs of about 100 files: a batch is one CoP, so every thread checks some and the CoPs must come back in order.
  const root = plantedOrganisation(100);
  const run = (workers: string, format: string) => runCli(['check', '--root', root, '--as-of', AS_OF, '--format', format], { env: { COP_WORKERS: workers } });

  // COP_WORKERS counts this thread: 2 is one worker beside it, 3 two.
  for (const format of ['json', 'stylish', 'sarif', 'github']) {
    it(`prints the same ${format} output with one worker beside this thread as in this thread alone`, () => {
      const single = run('0', format);
      const pooled = run('2', format);
      expect(single.status).toBe(1);
      expect(single.stderr).toBe('');
      expect(pooled).toEqual(single);
    });
  }

  it('prints the same with two workers beside this thread', () => {
    expect(run('3', 'json')).toEqual(run('1', 'json'));
  });

  it('reports the planted findings from the workers', () => {
    const report = JSON.parse(run('2', 'json').stdout) as JsonReport;
    const rules = new Set(report.diagnostics.map((d) => d.ruleId));
    for (const rule of ['yaml-syntax', 'duplicate-key', 'schema', 'unknown-file', 'charter-exists', 'person-exists', 'meeting-recording', 'unused-suppression']) expect(rules).toContain(rule);
    expect(report.summary.suppressed).toBe(1);
    expect(report.summary.files).toBeGreaterThan(400);
  });
});
