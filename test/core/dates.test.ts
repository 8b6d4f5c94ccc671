import { describe, expect, it } from 'vitest';
import { addDaysIso, addMonthsIso, addMonthsToMonth, isIsoDate, isIsoMonth, monthsBetween, toIsoDate } from '../../src/core/dates.js';

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
});
