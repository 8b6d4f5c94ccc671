import { describe, expect, it } from 'vitest';
import { scheduleTimeZone } from '../../src/rules/schedule-time-zone.js';
import type { Schedule } from '../../src/model/schema-types.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

function findings(timeZone: string | undefined) {
  const base = charter('aws');
  const schedule: Schedule | undefined = timeZone === undefined ? undefined : { frequency: 'monthly', week: 'second', weekday: 'thursday', time: '12:30', time_zone: timeZone };
  const format = schedule ? { ...base.format, schedule } : base.format;
  return runRule(scheduleTimeZone, workspace({ cops: { aws: { charter: { ...base, format } } } }));
}

describe('schedule-time-zone', () => {
  it.each(['Europe/Madrid', 'America/New_York', 'Asia/Kolkata', 'UTC', 'Etc/GMT+1'])('accepts %s', (zone) => {
    expect(findings(zone)).toEqual([]);
  });

  it('says nothing about a charter without a schedule', () => {
    expect(findings(undefined)).toEqual([]);
  });

  const invalid: [string, RegExp][] = [
    ['Europe/Madird', /`Europe\/Madird` is not an IANA time zone\. Did you mean `Europe\/Madrid`/],
    ['Mars/Olympus_Mons', /not an IANA time zone\. Use a name such as `Europe\/Madrid`/],
    ['+01:00', /not an IANA time zone/],
    ['europe/madrid', /Write the time zone as `Europe\/Madrid`/],
  ];
  it.each(invalid)('reports %s at format.schedule.time_zone', (zone, message) => {
    const [finding, ...rest] = findings(zone);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ file: 'cops/aws/charter.yaml', path: ['format', 'schedule', 'time_zone'] });
    expect(finding!.message).toMatch(message);
  });
});
