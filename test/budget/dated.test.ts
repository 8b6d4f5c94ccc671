import { describe, expect, it } from 'vitest';
import { computeReport, runsOut } from '../../src/budget/compute.js';
import { hoursPerMonthIn, yearlyBudgetThrough, yearlyFiguresIn } from '../../src/budget/in-force.js';
import { resolvePeriod } from '../../src/budget/period.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';

// alpha is active all year (activated 2026-01-10 by the helper): 10 h a month, raised to 16 h from July.
const raisedInJuly = () =>
  workspace({
    config: {
      budgets: [{ year: 2026, hours: 240, money: 1200, changes: [{ from: '2026-07-01', hours: 480, note: 'Doubled by the CTO' }] }],
    },
    cops: {
      alpha: {
        charter: charter('alpha', { budget: { hours_per_month: 10, changes: [{ from: '2026-07-01', hours_per_month: 16 }] } }),
        meetings: [meeting('2026-08-12', { preparation: [{ person: 'p2', hours: 3 }] })],
      },
    },
  });

const reportAsOf = (month: string, asOf: string) => computeReport(raisedInJuly(), { period: resolvePeriod({ month }, asOf) });

describe('dated budgets', () => {
  it('uses the figure in force in each month', () => {
    const budget = { hours_per_month: 10, changes: [{ from: '2026-07-15', hours_per_month: 16 }, { from: '2026-03-01', hours_per_month: 12 }] };
    expect(hoursPerMonthIn(budget, '2026-02')).toBe(10);
    expect(hoursPerMonthIn(budget, '2026-03')).toBe(12);
    // A change dated mid-month applies to the whole of its month.
    expect(hoursPerMonthIn(budget, '2026-07')).toBe(16);
    expect(hoursPerMonthIn(undefined, '2026-07')).toBe(0);
  });

  it('gives a budget raised in July a year-to-date budget of six months at the old figure plus the months at the new', () => {
    const alpha = reportAsOf('2026-09', '2026-10-05').cops[0]!;
    // January–June at 10 h, July–September at 16 h.
    expect(alpha.yearToDate.preparation.budget).toBe(6 * 10 + 3 * 16);
    expect(alpha.yearToDate.preparationAverage.budget).toBe((6 * 10 + 3 * 16) / 9);
    expect(alpha.months[0]!.preparation.budget).toBe(16);
    expect(alpha.budget.hoursPerMonth).toBe(16);
    // Before the change the old figure holds, also year to date.
    const june = reportAsOf('2026-06', '2026-07-05').cops[0]!;
    expect(june.yearToDate.preparation.budget).toBe(60);
    expect(june.budget.hoursPerMonth).toBe(10);
  });

  it('uses each month of a period at its own figure', () => {
    const report = computeReport(raisedInJuly(), { period: resolvePeriod({ from: '2026-05', to: '2026-08' }, '2026-10-05') });
    const alpha = report.cops[0]!;
    expect(alpha.months.map((m) => m.preparation.budget)).toEqual([10, 10, 16, 16]);
    expect(alpha.period.preparation.budget).toBe(52);
  });

  it('gives the organisation a yearly budget of a twelfth of the figures in force in each month', () => {
    const yearly = { year: 2026, hours: 240, money: 1200, changes: [{ from: '2026-07-01', hours: 480 }] };
    expect(yearlyFiguresIn(yearly, '2026-06')).toEqual({ hours: 240, money: 1200 });
    expect(yearlyFiguresIn(yearly, '2026-07')).toEqual({ hours: 480, money: 1200 });
    // Six months at 240/12 = 20 and six at 480/12 = 40.
    expect(yearlyBudgetThrough(yearly, 12)).toEqual({ hours: 360, money: 1200 });
    const org = reportAsOf('2026-09', '2026-10-05').organisation;
    expect(org.budget).toEqual({ hours: 360, money: 1200 });
    // Pro rata to September: 6 × 20 + 3 × 40.
    expect(org.proRata.hours.budget).toBe(240);
    expect(org.proRata.money.budget).toBe(900);
  });
});

describe('remaining and year-end forecast', () => {
  it('gives each CoP its year budget, what remains and the forecast at the year-to-date rate', () => {
    const alpha = reportAsOf('2026-09', '2026-10-05').cops[0]!;
    // Year budget: 6 × 10 + 6 × 16 = 156 h; 3 h used by September; 3 h over 9 months × 12 = 4 h.
    expect(alpha.yearEnd.activeMonths).toBe(12);
    expect(alpha.yearEnd.preparation.budget).toBe(156);
    expect(alpha.yearEnd.preparation.remaining).toBe(153);
    expect(alpha.yearEnd.preparation.forecast).toMatchObject({ actual: 4, budget: 156, over: false });
    expect(alpha.yearEnd.preparation.runsOut).toBeNull();
    expect(alpha.yearEnd.money.forecast).toBe(0);
  });

  it('gives the organisation what remains of the yearly budget', () => {
    const org = reportAsOf('2026-09', '2026-10-05').organisation;
    // 3 h of preparation (the lunch meeting costs no work time) against 360 h; no money spent of 1200.
    expect(org.remaining).toEqual({ hours: 357, money: 1200 });
    expect(org.runsOut).toEqual({ hours: null, money: null });
  });

  it('finds the month a budget runs out at the current rate', () => {
    // 10 spent, 2 a month, 15 budget: October 12, November 14, December 16.
    expect(runsOut(10, 2, 15, '2026-09', '2026-12')).toBe('2026-12');
    expect(runsOut(16, 2, 15, '2026-09', '2026-12')).toBe('2026-09');
    expect(runsOut(10, 1, 15, '2026-09', '2026-12')).toBeNull();
    expect(runsOut(10, 0, 15, '2026-09', '2026-12')).toBeNull();
    // Past the year 9999 the month is no date to compare as text: it lasts the year (found by test/agreement).
    expect(runsOut(1, 1.2, 180000, '2026-10', '2026-12')).toBeNull();
  });
});
