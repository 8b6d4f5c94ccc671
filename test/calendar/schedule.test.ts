import { describe, expect, it } from 'vitest';
import { cadenceOf, describeOccurrence, describeSchedule, firstDate, nextMeeting, occurrences, resolveSchedule } from '../../src/calendar/schedule.js';
import type { Charter, Schedule } from '../../src/model/schema-types.js';
import { charter } from '../helpers/workspace.js';

function resolved(schedule: Schedule, extra: Partial<Charter> = {}) {
  const base = charter('aws', extra);
  return resolveSchedule({ ...base, format: { ...base.format, schedule } })!;
}

const SECOND_THURSDAY: Schedule = { frequency: 'monthly', week: 'second', weekday: 'thursday', time: '12:30', time_zone: 'Europe/Madrid' };

describe('schedule maths', () => {
  it('fills in the defaults from the charter: activation date, duration, interval 1', () => {
    expect(resolved(SECOND_THURSDAY)).toMatchObject({ from: '2026-01-10', durationMinutes: 60, interval: 1, week: 2, exceptions: [] });
    expect(resolveSchedule(charter('aws'))).toBeUndefined();
  });

  it('starts on the first scheduled day on or after `from`', () => {
    // The second Thursday of January 2026 is the 8th, before activation on the 10th: February's is the 12th.
    expect(firstDate(resolved(SECOND_THURSDAY))).toBe('2026-02-12');
    expect(firstDate(resolved({ ...SECOND_THURSDAY, from: '2026-01-08' }))).toBe('2026-01-08');
    expect(firstDate(resolved({ frequency: 'weekly', weekday: 'monday', time: '09:00', time_zone: 'UTC', from: '2026-03-04' }))).toBe('2026-03-09');
  });

  it('finds the last weekday of a month, in months of four and five such weekdays', () => {
    const last = resolved({ ...SECOND_THURSDAY, week: 'last', weekday: 'friday', from: '2026-01-01' });
    expect(occurrences(last, '2026-01-01', '2026-05-31').map((o) => o.date)).toEqual(['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29']);
  });

  it('counts every N months from the first meeting', () => {
    const quarterly = resolved({ ...SECOND_THURSDAY, interval: 3, from: '2026-02-01' });
    expect(occurrences(quarterly, '2026-01-01', '2026-12-31').map((o) => o.date)).toEqual(['2026-02-12', '2026-05-14', '2026-08-13', '2026-11-12']);
  });

  it('gives the next meeting on or after a day, skipping cancelled ones', () => {
    const schedule = resolved({ ...SECOND_THURSDAY, exceptions: ['2026-12-10'] });
    expect(nextMeeting(schedule, '2026-11-12')).toEqual({ date: '2026-11-12', start: '12:30', end: '13:30', timeZone: 'Europe/Madrid' });
    expect(nextMeeting(schedule, '2026-11-13')?.date).toBe('2027-01-14');
  });

  it('has no next meeting once the CoP is dissolved', () => {
    const schedule = resolved(SECOND_THURSDAY, { status: 'dissolved', dissolved: { date: '2026-06-30', reason: 'not-strategic', decided_by: 'p1' } });
    expect(nextMeeting(schedule, '2026-06-12')).toBeUndefined();
    expect(nextMeeting(schedule, '2026-06-01')?.date).toBe('2026-06-11');
  });

  it('ends a late meeting past midnight on the clock', () => {
    expect(occurrences(resolved({ ...SECOND_THURSDAY, time: '23:30', from: '2026-02-01' }), '2026-02-01', '2026-02-28')[0]).toMatchObject({ start: '23:30', end: '00:30' });
  });

  it('names the cadence a schedule amounts to', () => {
    expect(cadenceOf({ frequency: 'weekly', interval: 1 })).toBe('weekly');
    expect(cadenceOf({ frequency: 'weekly', interval: 2 })).toBe('fortnightly');
    expect(cadenceOf({ frequency: 'weekly', interval: 3 })).toBeUndefined();
    expect(cadenceOf({ frequency: 'monthly', interval: 3 })).toBe('quarterly');
    expect(cadenceOf({ frequency: 'monthly', interval: 6 })).toBeUndefined();
  });

  it('reads in words', () => {
    expect(describeSchedule(resolved(SECOND_THURSDAY))).toBe('The second Thursday of every month, 12:30–13:30 (Europe/Madrid)');
    expect(describeSchedule(resolved({ frequency: 'weekly', interval: 2, weekday: 'monday', time: '09:00', time_zone: 'UTC', duration_minutes: 45 }))).toBe('Every 2 weeks on Monday, 09:00–09:45 (UTC)');
    expect(describeOccurrence({ date: '2026-12-10', start: '12:30', end: '13:30', timeZone: 'Europe/Madrid' })).toBe('Thursday 10 December 2026, 12:30–13:30 (Europe/Madrid)');
  });
});
