import { describe, expect, it } from 'vitest';
import { refreshmentsPerHead } from '../../src/rules/refreshments-per-head.js';
import type { Charter, Config, Meeting } from '../../src/model/schema-types.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const FILE = 'cops/aws/meetings/2026-10-14.yaml';
const snacks = (amount: number) => [{ category: 'refreshments' as const, amount }];
const check = (m: Partial<Meeting>, c: Partial<Charter> = {}, config?: Config) =>
  runRule(refreshmentsPerHead, workspace({ cops: { aws: { charter: charter('aws', c), meetings: [meeting('2026-10-14', m)] } }, config }));

describe('refreshments-per-head', () => {
  it('accepts a meeting without costs', () => {
    expect(check({})).toEqual([]);
  });

  it('accepts exactly the cap per head (30 for 5 at a cap of 6)', () => {
    expect(check({ costs: snacks(30) })).toEqual([]);
  });

  it('warns above the cap, at the refreshments amount', () => {
    const findings = check({ costs: snacks(31) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: ['costs', 0, 'amount'] });
    expect(findings[0]!.message).toMatch(/6\.20 per head \(31 for 5\), over the cap of 6/);
  });

  it('ignores other cost categories and points at the refreshments entry', () => {
    expect(check({ costs: [{ category: 'licence', amount: 1000 }] })).toEqual([]);
    const findings = check({ costs: [{ category: 'licence', amount: 1000 }, ...snacks(40)] });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.path).toEqual(['costs', 1, 'amount']);
  });

  it('does not warn about a cancelled meeting: with no participants there is no per-head figure', () => {
    expect(check({ cancelled: true, reason: 'Venue flooded', attendees: [], costs: snacks(30) })).toEqual([]);
  });

  it('sums several refreshments entries', () => {
    // 20 + 20 = 40 for 5 = 8 per head.
    const findings = check({ costs: [...snacks(20), ...snacks(20)] });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/8\.00 per head \(40 for 5\)/);
  });

  it('counts guests as heads', () => {
    // 3 attendees + 2 guests = 5 heads; 30 / 5 = 6, at the cap. Without the guests it would be 10.
    const guests = [
      { name: 'Ann Other', organisation: 'Acme' },
      { name: 'Bo Guest', organisation: 'Acme' },
    ];
    expect(check({ attendees: ['p1', 'p2', 'p3'], guests, costs: snacks(30) })).toEqual([]);
    expect(check({ attendees: ['p1', 'p2', 'p3'], costs: snacks(30) })).toHaveLength(1);
  });

  it('lets the charter\'s cap override the policy\'s', () => {
    // 40 for 5 = 8 per head: over the policy's 6, within the charter's 10.
    expect(check({ costs: snacks(40) }, { budget: { hours_per_month: 2, refreshments_per_head: 10 } })).toEqual([]);
    const findings = check({ costs: snacks(40) }, { budget: { hours_per_month: 2, refreshments_per_head: 7 } }, { policy: { refreshments_per_head: 20 } });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/over the cap of 7/);
  });

  it('uses the policy\'s cap when the charter sets none', () => {
    const noCap: Partial<Charter> = { budget: { hours_per_month: 2 } };
    expect(check({ costs: snacks(40) }, noCap, { policy: { refreshments_per_head: 8 } })).toEqual([]);
    const findings = check({ costs: snacks(45) }, noCap, { policy: { refreshments_per_head: 8 } });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/9\.00 per head \(45 for 5\), over the cap of 8/);
    // And the seed default (6) without any config.
    expect(check({ costs: snacks(31) }, { budget: undefined })).toHaveLength(1);
  });

  it('reports refreshments for a meeting with no participants', () => {
    const findings = check({ attendees: [], costs: snacks(10) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: ['costs', 0, 'amount'] });
    expect(findings[0]!.message).toMatch(/Refreshments cost 10 but the meeting lists no participants/);
  });

  it('ignores a zero refreshments cost even with no participants', () => {
    expect(check({ attendees: [], costs: snacks(0) })).toEqual([]);
  });
});
