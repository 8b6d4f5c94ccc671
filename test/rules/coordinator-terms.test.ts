import { describe, expect, it } from 'vitest';
import { coordinatorTerms } from '../../src/rules/coordinator-terms.js';
import type { Charter } from '../../src/model/schema-types.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const FILE = 'cops/aws/charter.yaml';
const check = (terms: Charter['coordinator']['terms']) =>
  runRule(coordinatorTerms, workspace({ cops: { aws: { charter: charter('aws', { coordinator: { rotation_months: 3, terms } }) } } }));

describe('coordinator-terms', () => {
  it('accepts back-to-back terms with only the last open-ended', () => {
    expect(
      check([
        { person: 'p2', from: '2026-01-01', until: '2026-03-31' },
        { person: 'p3', from: '2026-04-01', until: '2026-06-30' },
        { person: 'p2', from: '2026-07-01' },
      ]),
    ).toEqual([]);
  });

  it('accepts a one-day term (until equals from)', () => {
    expect(check([{ person: 'p2', from: '2026-01-01', until: '2026-01-01' }])).toEqual([]);
  });

  it('reports a term that ends before it starts, at its `until`', () => {
    const findings = check([{ person: 'p2', from: '2026-05-01', until: '2026-04-30' }]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: ['coordinator', 'terms', 0, 'until'] });
    expect(findings[0]!.message).toMatch(/ends \(2026-04-30\) before it starts \(2026-05-01\)/);
  });

  it('reports an open-ended term that is not the last, at that term', () => {
    const findings = check([
      { person: 'p2', from: '2026-01-01' },
      { person: 'p3', from: '2026-04-01' },
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: ['coordinator', 'terms', 0] });
    expect(findings[0]!.message).toMatch(/Only the last coordinator term may be open-ended/);
    expect(findings[0]!.message).toMatch(/`p2`'s term an `until` date before 2026-04-01/);
  });

  it('reports overlapping terms at the later term\'s `from`', () => {
    const findings = check([
      { person: 'p2', from: '2026-01-01', until: '2026-04-15' },
      { person: 'p3', from: '2026-04-01' },
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: ['coordinator', 'terms', 1, 'from'] });
    expect(findings[0]!.message).toMatch(/starts 2026-04-01, on or before the previous term ends \(2026-04-15\)/);
  });

  it('counts a term starting on the day the previous one ends as an overlap', () => {
    expect(
      check([
        { person: 'p2', from: '2026-01-01', until: '2026-03-31' },
        { person: 'p3', from: '2026-03-31' },
      ]),
    ).toHaveLength(1);
  });

  it('reports terms listed newest first (out of order)', () => {
    const findings = check([
      { person: 'p3', from: '2026-07-01', until: '2026-09-30' },
      { person: 'p2', from: '2026-01-01', until: '2026-03-31' },
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.path).toEqual(['coordinator', 'terms', 1, 'from']);
  });

  it('checks dissolved CoPs too (their history must still make sense)', () => {
    const c = charter('aws', {
      status: 'dissolved',
      dissolved: { date: '2026-06-01', reason: 'not-strategic', decided_by: 'p1' },
      coordinator: { terms: [{ person: 'p2', from: '2026-05-01', until: '2026-04-01' }] },
    });
    expect(runRule(coordinatorTerms, workspace({ cops: { aws: { charter: c } } }))).toHaveLength(1);
  });
});
