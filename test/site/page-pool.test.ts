/**
 * How many worker threads render a site's CoP pages (src/site/page-pool.ts pageWorkers): COP_WORKERS
 * counts this thread, as for `cop check`; unset, a small site is rendered in this thread and a
 * large one beside a worker. test/e2e/site-workers.test.ts runs the workers.
 */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { PAGE_WORKER_THRESHOLD, pageWorkers } from '../../src/site/page-pool.js';

const site = (meetings: number, cops = 10) => ({ cops: Array.from({ length: cops }, (_, i) => ({ meetings: { count: Math.floor(meetings / cops) + (i < meetings % cops ? 1 : 0) } })) }) as unknown as Parameters<typeof pageWorkers>[0];

describe('pageWorkers', () => {
  it('takes COP_WORKERS as the threads in all, this one included', () => {
    for (const [forced, workers] of [['0', 0], ['1', 0], ['2', 1], ['3', 2], ['40', 15]] as const) expect(pageWorkers(site(10), { COP_WORKERS: forced })).toBe(workers);
  });

  it('renders a site below the threshold in this thread, and one at it beside a worker per other core', () => {
    expect(pageWorkers(site(PAGE_WORKER_THRESHOLD - 1), {})).toBe(0);
    expect(pageWorkers(site(PAGE_WORKER_THRESHOLD), {})).toBe(Math.max(1, Math.min(availableParallelism(), 8) - 1));
    expect(pageWorkers(site(PAGE_WORKER_THRESHOLD), { COP_WORKERS: 'many' })).toBe(Math.max(1, Math.min(availableParallelism(), 8) - 1));
  });
});
