import { describe, expect, it } from 'vitest';
import { calendarDateProblem, calendarMonthProblem } from '../../src/core/dates.js';

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
  });
});
