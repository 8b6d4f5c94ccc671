/**
 * The worker-thread parse path against the in-thread one, through the built CLI (workers load
 * dist/workspace/parse-worker.js, so this needs `npm run build`). COP_WORKERS forces the path.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/model/schema-types.js';
import type { JsonReport } from '../../src/render/diagnostics/json.js';
import { WORKER_THRESHOLD, workerCount } from '../../src/workspace/parse-pool.js';
import { runCli, writeRoot } from '../helpers/cli.js';
import { charter, meeting, people } from '../helpers/workspace.js';

/** `count` meetings a day apart from 2026-02-01, some of them with findings (no recording). */
function meetings(count: number): Meeting[] {
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(2026, 1, 1 + i)).toISOString().slice(0, 10);
    return meeting(date, i % 17 === 0 ? { recording: undefined } : {});
  });
}

describe('parsing in worker threads (COP_WORKERS)', () => {
  // 3 × 90 meetings + 3 charters + people.yaml: more than one batch of 200, so both workers run
  // and the batches must come back in order.
  const root = writeRoot({
    people: people(),
    cops: {
      aws: { charter: charter('aws'), meetings: meetings(90) },
      gcp: { charter: charter('gcp'), meetings: meetings(90) },
      mobile: { charter: charter('mobile'), meetings: meetings(90) },
    },
  });
  writeFileSync(join(root, 'cops/gcp/meetings/2026-03-01.yaml'), 'date: 2026-03-01\ntitle: [broken\n');
  writeFileSync(join(root, 'cops/mobile/meetings/2026-02-02.yaml'), 'date: 2026-02-02\ndate: 2026-02-03\n');

  const run = (workers: string, format: string) =>
    runCli(['check', '--root', root, '--as-of', '2026-11-20', '--format', format], { env: { COP_WORKERS: workers } });

  for (const format of ['json', 'stylish']) {
    it(`prints the same ${format} output with 2 workers as in one thread`, () => {
      const single = run('0', format);
      const pooled = run('2', format);
      expect(single.status).toBe(1);
      expect(single.stderr).toBe('');
      expect(pooled).toEqual(single);
    });
  }

  it('reports the broken files and the rest of the findings', () => {
    const report = JSON.parse(run('2', 'json').stdout) as JsonReport;
    // 3 charters + people.yaml + 270 meetings.
    expect(report.summary).toEqual({ errors: 2, warnings: 18, files: 274 });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.file, d.ruleId])).toEqual([
      ['cops/gcp/meetings/2026-03-01.yaml', 'yaml-syntax'],
      ['cops/mobile/meetings/2026-02-02.yaml', 'duplicate-key'],
    ]);
    expect(errors[1]!.line).toBe(2);
    // Every 17th meeting (i = 0, 17, 34, 51, 68, 85) has no recording: 6 per CoP. Neither broken
    // file is one of them, so all 18 warnings still come through.
    const warned = report.diagnostics.filter((d) => d.ruleId === 'meeting-recording').map((d) => d.file);
    expect(warned).toHaveLength(18);
    // i = 0 is 2026-02-01; i = 85 is 2026-04-27 (Feb 28 days + Mar 31 days = 59 → Apr 1, + 26).
    expect(warned.filter((f) => f.startsWith('cops/mobile/'))).toEqual(['2026-02-01', '2026-02-18', '2026-03-07', '2026-03-24', '2026-04-10', '2026-04-27'].map((d) => `cops/mobile/meetings/${d}.yaml`));
  });
});

describe('workerCount', () => {
  it('parses in this thread below the measured threshold, in workers from it, and COP_WORKERS overrides', () => {
    expect(workerCount(WORKER_THRESHOLD - 1, {})).toBe(0);
    expect(workerCount(WORKER_THRESHOLD, {})).toBeGreaterThan(0);
    expect(workerCount(5, { COP_WORKERS: '2' })).toBe(2);
    expect(workerCount(WORKER_THRESHOLD * 2, { COP_WORKERS: '0' })).toBe(0);
  });
});
