import { describe, expect, it } from 'vitest';
import { lastCompleteMonth, resolvePeriod } from '../../src/budget/period.js';

const asOf = '2026-11-20';

describe('resolvePeriod', () => {
  it('defaults to the last complete month, with year to date from January', () => {
    expect(resolvePeriod({}, asOf)).toEqual({ from: '2026-10', to: '2026-10', months: ['2026-10'], year: 2026, ytdFrom: '2026-01', asOf, partial: false });
  });

  it('takes last complete month across a year end and on the 1st', () => {
    expect(lastCompleteMonth('2027-01-01')).toBe('2026-12');
    expect(resolvePeriod({}, '2027-01-01')).toMatchObject({ from: '2026-12', year: 2026, ytdFrom: '2026-01' });
    expect(lastCompleteMonth('2028-03-01')).toBe('2028-02');
  });

  it('reports one month, and marks the month of the as-of date as partial', () => {
    expect(resolvePeriod({ month: '2026-06' }, asOf)).toMatchObject({ from: '2026-06', to: '2026-06', partial: false });
    expect(resolvePeriod({ month: '2026-11' }, asOf)).toMatchObject({ months: ['2026-11'], partial: true });
  });

  it('reports a range, with year to date in the year of its last month', () => {
    expect(resolvePeriod({ from: '2025-11', to: '2026-02' }, asOf)).toMatchObject({
      months: ['2025-11', '2025-12', '2026-01', '2026-02'],
      year: 2026,
      ytdFrom: '2026-01',
    });
    expect(resolvePeriod({ from: '2026-08' }, asOf).months).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(resolvePeriod({ to: '2026-03' }, asOf).months).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('reports a year up to its last complete month', () => {
    expect(resolvePeriod({ year: '2025' }, asOf).months).toHaveLength(12);
    expect(resolvePeriod({ year: '2026' }, asOf)).toMatchObject({ from: '2026-01', to: '2026-10' });
    expect(resolvePeriod({ year: true }, asOf)).toMatchObject({ from: '2026-01', to: '2026-10' });
    expect(resolvePeriod({ year: true }, '2027-01-05')).toMatchObject({ from: '2026-01', to: '2026-12' });
  });

  it('rejects bad, conflicting and future periods', () => {
    expect(() => resolvePeriod({ month: '2026-13' }, asOf)).toThrow(/--month 2026-13: there is no month 13: months run from 01 to 12/);
    expect(() => resolvePeriod({ month: '2026-12' }, asOf)).toThrow(/after the as-of date/);
    expect(() => resolvePeriod({ month: '2026-01', year: '2026' }, asOf)).toThrow(/choose one of/);
    expect(() => resolvePeriod({ from: '2026-05', to: '2026-04' }, asOf)).toThrow(/--from 2026-05 is after --to 2026-04/);
    expect(() => resolvePeriod({ year: '26' }, asOf)).toThrow(/expected a year/);
    expect(() => resolvePeriod({ year: '2027' }, '2027-01-05')).toThrow(/no month of 2027 is complete/);
  });
});
