import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso, addMonthsIso, addMonthsToMonth, calendarDateProblem, calendarMonthProblem, isIsoDate, isIsoMonth, monthsBetween, toIsoDate } from '../../src/core/dates.js';

describe('calendar dates', () => {
  it.each([
    ['2026-11-20', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['0050-03-01', true],
    ['9999-12-31', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0000-01-01', false],
    ['2026-1-01', false],
    ['2026-11-20T10:00', false],
    ['20261120', false],
  ])('isIsoDate(%s) is %s', (text, valid) => {
    expect(isIsoDate(text)).toBe(valid);
  });

  it.each([
    ['2026-02', true],
    ['2026-12', true],
    ['2026-13', false],
    ['2026-00', false],
    ['0000-01', false],
    ['2026-02-01', false],
  ])('isIsoMonth(%s) is %s', (text, valid) => {
    expect(isIsoMonth(text)).toBe(valid);
  });

  it('adds months and days without a time-zone shift, clamping to the end of a month', () => {
    expect(addMonthsIso('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2026-11-20', -11)).toBe('2025-12-20');
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonthsToMonth('2026-11', 3)).toBe('2027-02');
    expect(monthsBetween('2026-11', '2027-01')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(toIsoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('steps whole months by counting exactly as date-fns does', () => {
    const month = fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(month, fc.integer({ min: -240, max: 240 }), (m, n) => {
        expect(addMonthsToMonth(m, n)).toBe(addMonthsIso(`${m}-01`, n).slice(0, 7));
      }),
      { numRuns: 3000 },
    );
    expect(addMonthsToMonth('0001-01', -1)).toBe(addMonthsIso('0001-01-01', -1).slice(0, 7));
    expect(addMonthsToMonth('9999-12', 1)).toBe(addMonthsIso('9999-12-01', 1).slice(0, 7));
  });
});

describe('impossible dates', () => {
  it('says that a well-written date does not exist, and how long its month is', () => {
    expect(calendarDateProblem('2026-02-30')).toBe('that date does not exist: February 2026 has 28 days');
    expect(calendarDateProblem('2026-02-29')).toBe('that date does not exist: February 2026 has 28 days');
    expect(calendarDateProblem('2026-04-31')).toBe('that date does not exist: April 2026 has 30 days');
    expect(calendarDateProblem('2026-13-01')).toBe('there is no month 13: months run from 01 to 12');
    expect(calendarDateProblem('2026-01-00')).toBe('that date does not exist: January 2026 has 31 days');
  });

  it('accepts real dates (leap days included) and names a bad format as such', () => {
    expect(calendarDateProblem('2028-02-29')).toBeUndefined();
    expect(calendarDateProblem('2026-12-31')).toBeUndefined();
    expect(calendarDateProblem('2026-2-3')).toBe('expected a date written YYYY-MM-DD');
    expect(calendarDateProblem('30/02/2026')).toBe('expected a date written YYYY-MM-DD');
    expect(calendarMonthProblem('2026-00')).toBe('there is no month 00: months run from 01 to 12');
    expect(calendarMonthProblem('October')).toBe('expected a month written YYYY-MM');
    expect(calendarMonthProblem('2026-10')).toBeUndefined();
    expect(calendarDateProblem('0000-01-01')).toBe('there is no year 0000: years start at 0001');
  });
});
