import { describe, expect, it } from 'vitest';
import { coordinatorRotation } from '../../src/rules/coordinator-rotation.js';
import type { Charter, Config } from '../../src/model/schema-types.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const FILE = 'cops/aws/charter.yaml';
type Coordinator = Charter['coordinator'];
const check = (coordinator: Coordinator, options: { asOf?: string; config?: Config; status?: Charter['status'] } = {}) =>
  runRule(
    coordinatorRotation,
    workspace({ cops: { aws: { charter: charter('aws', { coordinator, ...(options.status ? { status: options.status } : {}) }) } }, config: options.config }),
    options.asOf,
  );

describe('coordinator-rotation', () => {
  it('accepts a term younger than the rotation period', () => {
    expect(check({ rotation_months: 3, terms: [{ person: 'p2', from: '2026-10-01' }] })).toEqual([]);
  });

  it('does not warn on the day the rotation falls due (exactly 3 months)', () => {
    expect(check({ rotation_months: 3, terms: [{ person: 'p2', from: '2026-08-20' }] }, { asOf: '2026-11-20' })).toEqual([]);
  });

  it('warns one day after the rotation fell due, at the term\'s `from`', () => {
    const findings = check({ rotation_months: 3, terms: [{ person: 'p2', from: '2026-08-20' }] }, { asOf: '2026-11-21' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: ['coordinator', 'terms', 0, 'from'] });
    expect(findings[0]!.message).toMatch(/`p2` has coordinated since 2026-08-20/);
    expect(findings[0]!.message).toMatch(/every 3 months/);
    expect(findings[0]!.message).toMatch(/due on 2026-11-20/);
  });

  it('points at the current term, not the first one', () => {
    const findings = check({
      rotation_months: 2,
      terms: [
        { person: 'p3', from: '2026-01-01', until: '2026-06-30' },
        { person: 'p2', from: '2026-07-01' },
      ],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.path).toEqual(['coordinator', 'terms', 1, 'from']);
    expect(findings[0]!.message).toMatch(/due on 2026-09-01/);
  });

  it('never warns a fixed leader (rotation_months: null), however old the term', () => {
    expect(check({ rotation_months: null, appointed_by: 'p1', terms: [{ person: 'p2', from: '2020-01-01' }] })).toEqual([]);
  });

  it('uses the policy rotation when the charter gives none', () => {
    const terms: Coordinator['terms'] = [{ person: 'p2', from: '2026-07-01' }];
    // Default policy: rotating every 3 months, so due 2026-10-01.
    const findings = check({ terms });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/every 3 months, so a new term was due on 2026-10-01/);
    // A longer policy rotation: not yet due.
    expect(check({ terms }, { config: { policy: { rotation_months: 6 } } })).toEqual([]);
  });

  it('treats an absent rotation as a fixed leader when the policy appoints leaders', () => {
    expect(check({ terms: [{ person: 'p2', from: '2020-01-01' }] }, { config: { policy: { leader: 'appointed' } } })).toEqual([]);
  });

  it('lets the charter\'s rotation override the policy\'s', () => {
    const findings = check({ rotation_months: 1, terms: [{ person: 'p2', from: '2026-10-01' }] }, { config: { policy: { rotation_months: 12 } } });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/every 1 months/);
  });

  it('warns when no term covers the as-of day (all ended), at `coordinator.terms`', () => {
    const findings = check({ rotation_months: 3, terms: [{ person: 'p2', from: '2026-01-01', until: '2026-06-30' }] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: ['coordinator', 'terms'] });
    expect(findings[0]!.message).toMatch(/No coordinator term covers 2026-11-20/);
  });

  it('warns when the only term starts in the future', () => {
    const findings = check({ rotation_months: 3, terms: [{ person: 'p2', from: '2026-12-01' }] });
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/No coordinator term covers/)]);
  });

  it('judges only active CoPs', () => {
    const old: Coordinator = { rotation_months: 3, terms: [{ person: 'p2', from: '2020-01-01' }] };
    expect(check(old, { status: 'proposed' })).toEqual([]);
    expect(check(old)).toHaveLength(1);
  });
});
