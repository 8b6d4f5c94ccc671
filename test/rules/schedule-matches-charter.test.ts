import { describe, expect, it } from 'vitest';
import { scheduleMatchesCharter } from '../../src/rules/schedule-matches-charter.js';
import type { Charter, Format, Schedule } from '../../src/model/schema-types.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const MONTHLY: Schedule = { frequency: 'monthly', week: 'second', weekday: 'thursday', time: '12:30', time_zone: 'Europe/Madrid' };

function findings(schedule: Schedule, format: Partial<Format> = {}, extra: Partial<Charter> = {}) {
  const base = charter('aws', extra);
  return runRule(scheduleMatchesCharter, workspace({ cops: { aws: { charter: { ...base, format: { ...base.format, ...format, schedule } } } } }));
}

describe('schedule-matches-charter', () => {
  const valid: [string, Schedule, Partial<Format>][] = [
    ['monthly on the second Thursday, monthly cadence', MONTHLY, { cadence: 'monthly' }],
    ['weekly', { frequency: 'weekly', weekday: 'monday', time: '09:00', time_zone: 'UTC' }, { cadence: 'weekly' }],
    ['every 2 weeks is fortnightly', { frequency: 'weekly', interval: 2, weekday: 'monday', time: '09:00', time_zone: 'UTC' }, { cadence: 'fortnightly' }],
    ['every 2 months is bimonthly', { ...MONTHLY, interval: 2 }, { cadence: 'bimonthly' }],
    ['every 3 months is quarterly', { ...MONTHLY, interval: 3 }, { cadence: 'quarterly' }],
    ['the same duration written twice', { ...MONTHLY, duration_minutes: 60 }, { duration_minutes: 60 }],
    // The charter's CoP was activated 2026-01-10; the second Thursday of March 2026 is the 12th.
    ['a cancelled scheduled date', { ...MONTHLY, exceptions: ['2026-03-12', '2026-12-10'] }, {}],
  ];
  it.each(valid)('accepts %s', (_, schedule, format) => {
    expect(findings(schedule, format)).toEqual([]);
  });

  const invalid: [string, Schedule, Partial<Format>, (string | number)[], RegExp][] = [
    ['weekly against a monthly cadence', { frequency: 'weekly', weekday: 'monday', time: '09:00', time_zone: 'UTC' }, { cadence: 'monthly' }, ['format', 'schedule', 'frequency'], /meets every week \(weekly\), but `format.cadence` says monthly/],
    ['every 3 weeks, which no cadence names', { frequency: 'weekly', interval: 3, weekday: 'monday', time: '09:00', time_zone: 'UTC' }, { cadence: 'fortnightly' }, ['format', 'schedule', 'interval'], /meets every 3 weeks, but `format.cadence` says fortnightly/],
    ['every 2 months against monthly', { ...MONTHLY, interval: 2 }, { cadence: 'monthly' }, ['format', 'schedule', 'interval'], /every 2 months \(bimonthly\)/],
    ['a different duration', { ...MONTHLY, duration_minutes: 90 }, { duration_minutes: 60 }, ['format', 'schedule', 'duration_minutes'], /says 90 minutes, but `format.duration_minutes` says 60/],
    ['a cancelled date that is not a meeting day', { ...MONTHLY, exceptions: ['2026-03-12', '2026-03-19'] }, {}, ['format', 'schedule', 'exceptions', 1], /2026-03-19 is not a scheduled meeting day/],
    ['a cancelled date before the schedule starts', { ...MONTHLY, from: '2026-04-01', exceptions: ['2026-03-12'] }, {}, ['format', 'schedule', 'exceptions', 0], /2026-03-12 is not a scheduled meeting day/],
    ['an end before the start', { ...MONTHLY, from: '2026-04-01', until: '2026-03-01' }, {}, ['format', 'schedule', 'until'], /ends \(2026-03-01\) before it starts \(2026-04-01\)/],
  ];
  it.each(invalid)('reports %s', (_, schedule, format, path, message) => {
    const [finding, ...rest] = findings(schedule, format);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ file: 'cops/aws/charter.yaml', path });
    expect(finding!.message).toMatch(message);
  });

  it('reports a cancelled date after the CoP was dissolved', () => {
    const dissolved = { status: 'dissolved' as const, dissolved: { date: '2026-05-01', reason: 'not-strategic' as const, decided_by: 'p1' } };
    const [finding] = findings({ ...MONTHLY, exceptions: ['2026-06-11'] }, {}, dissolved);
    expect(finding!.message).toMatch(/2026-06-11 is not a scheduled meeting day/);
  });
});
