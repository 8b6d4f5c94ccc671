/**
 * A small organisation for the report tests. Every figure the tests expect is worked out by hand
 * in the comments here and in the tests.
 *
 * - alpha: active since 2026-01-10, meets in work hours by default; 2 h/month preparation budget,
 *   refreshments cap 5 a head, a licence allowed at 120 a year.
 * - beta: created 2026-03-15, activated 2026-04-20 (mid-year), meets at lunch by default; 4 h/month.
 * - gamma: proposed on 2026-04-02, one log (not counted).
 * - delta: dissolved on 2026-03-01 (so active in 2026 in January and February only); 1 h/month.
 * People: ann (3 h a month agreed), bob, p1…p5 (policy default 4 h).
 */
import { resolvePeriod } from '../../src/budget/period.js';
import { computeReport, type ReportOptions } from '../../src/budget/compute.js';
import type { Report } from '../../src/budget/types.js';
import { charter, meeting, people, person, workspace } from '../helpers/workspace.js';

const workHours = { formats: ['round-table'] as ['round-table'], cadence: 'monthly' as const, duration_minutes: 60, slot: 'work-hours' as const };

export function fixture() {
  return workspace({
    config: { organisation: 'Test Org', currency: 'GBP', budgets: [{ year: 2026, hours: 120, money: 600 }] },
    people: [person('ann', { monthly_hours: 3 }), person('bob'), ...people(5)],
    cops: {
      alpha: {
        charter: charter('alpha', {
          format: workHours,
          budget: { hours_per_month: 2, refreshments_per_head: 5, other_costs: [{ category: 'licence', amount: 120, per: 'year' }] },
        }),
        meetings: [
          // March (the 31st): work hours, 1.5 h × 3 attendees = 4.5 h; 1 guest; refreshments 16 for 4 participants.
          meeting('2026-03-31', {
            duration_minutes: 90,
            attendees: ['ann', 'bob', 'p1'],
            guests: [{ name: 'Gia', organisation: 'Elsewhere Ltd' }],
            preparation: [{ person: 'p1', hours: 1.5 }],
            costs: [
              { category: 'refreshments', amount: 16 },
              { category: 'licence', amount: 120 },
            ],
          }),
          // April (the 1st): lunch, so no work hours; 30 of refreshments for 4 = 7.5 a head, over the cap of 5.
          meeting('2026-04-01', { slot: 'lunch', attendees: ['ann', 'bob', 'p2', 'p3'], preparation: [{ person: 'p2', hours: 3 }], costs: [{ category: 'refreshments', amount: 30 }] }),
          // April: work hours, 1 h × 2 = 2 h (ann 1, p1 1).
          meeting('2026-04-14', { attendees: ['ann', 'p1'] }),
        ],
      },
      beta: {
        charter: charter('beta', { created: '2026-03-15', activated: '2026-04-20', sponsor: 'p2', budget: { hours_per_month: 4 } }),
        // April (the 30th): work hours by the log's own slot, 2.5 h × 2 = 5 h (ann 2.5, p4 2.5). No log in May.
        meetings: [meeting('2026-04-30', { slot: 'work-hours', duration_minutes: 150, attendees: ['ann', 'p4'], preparation: [{ person: 'ann', hours: 1 }] })],
      },
      gamma: {
        charter: charter('gamma', { status: 'proposed', created: '2026-04-02', activated: undefined }),
        meetings: [meeting('2026-04-10', { slot: 'work-hours', costs: [{ category: 'refreshments', amount: 10 }] })],
      },
      delta: {
        charter: charter('delta', {
          status: 'dissolved',
          created: '2025-05-20',
          activated: '2025-06-01',
          format: workHours,
          budget: { hours_per_month: 1 },
          dissolved: { date: '2026-03-01', reason: 'topics-finished', decided_by: 'p2' },
        }),
        // February (the 28th): work hours, 1 h × 2 = 2 h; a venue the charter does not allow.
        meetings: [meeting('2026-02-28', { attendees: ['bob', 'p5'], preparation: [{ person: 'p5', hours: 0.5 }], costs: [{ category: 'venue', amount: 50 }] })],
      },
    },
  });
}

export function reportFor(month: string, asOf: string, options: Omit<ReportOptions, 'period'> = {}): Report {
  return computeReport(fixture(), { period: resolvePeriod({ month }, asOf), ...options });
}
