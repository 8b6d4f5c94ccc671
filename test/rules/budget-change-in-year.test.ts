import { describe, expect, it } from 'vitest';
import { budgetChangeInYear } from '../../src/rules/budget-change-in-year.js';
import type { Config } from '../../src/model/schema-types.js';
import { runRule } from '../helpers/rule-tester.js';
import { workspace } from '../helpers/workspace.js';

const check = (changes: NonNullable<NonNullable<Config['budgets']>[number]['changes']>) =>
  runRule(budgetChangeInYear, workspace({ config: { budgets: [{ year: 2025, hours: 300, money: 1400 }, { year: 2026, hours: 320, money: 1600, changes }] } }));

describe('budget-change-in-year', () => {
  it.each([
    ['the first day of its year', '2026-01-01'],
    ['a day within its year', '2026-07-15'],
    ['the last day of its year', '2026-12-31'],
  ])('accepts a change dated %s', (_, from) => {
    expect(check([{ from, hours: 400 }])).toEqual([]);
  });

  it.each([
    ['the year before', '2025-12-01', '2025'],
    ['the year after', '2027-01-01', '2027'],
  ])('flags a change dated in %s, at its `from`', (_, from, year) => {
    const findings = check([{ from: '2026-03-01', money: 1800 }, { from, hours: 400 }]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'cop.config.yaml', path: ['budgets', 1, 'changes', 1, 'from'] });
    expect(findings[0]!.message).toContain(`outside the 2026 budget it changes: date it within 2026, or move it to the ${year} budget`);
  });

  it('is silent without budgets', () => {
    expect(runRule(budgetChangeInYear, workspace())).toEqual([]);
  });
});
