/**
 * The calendars parsed back with a real iCalendar parser (ical.js): its expansion of the RRULE,
 * through the VTIMEZONE we wrote, must give the same dates as our own schedule maths and the same
 * local time on both sides of the March and October daylight-saving changes.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { combinedCalendar, copCalendar, eventUid } from '../../src/calendar/ics.js';
import { occurrences, resolveSchedule } from '../../src/calendar/schedule.js';
import type { Charter, Schedule } from '../../src/model/schema-types.js';
import { charter } from '../helpers/workspace.js';

function scheduled(id: string, schedule: Schedule, extra: Partial<Charter> = {}) {
  const base = charter(id, extra);
  return { id, charterFile: `cops/${id}/charter.yaml`, charter: { ...base, format: { ...base.format, channel: `#cop-${id}`, schedule } } };
}

interface Expanded {
  uid: string;
  summary: string;
  location: string;
  instants: Date[];
}

/** Parses an .ics text with ical.js and expands each event's recurrence up to `until`. */
function expand(text: string, until: string): Expanded[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const limit = ICAL.Time.fromDateTimeString(`${until}T23:59:59`);
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const iterator = event.iterator();
    const instants: Date[] = [];
    for (let next = iterator.next(); next && next.compare(limit) <= 0; next = iterator.next()) {
      if (instants.length > 500) throw new Error('runaway recurrence');
      instants.push(next.toJSDate());
    }
    return { uid: event.uid, summary: event.summary, location: event.location, instants };
  });
}

const local = (instant: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(instant)
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
};

const options = { organisation: 'Harbourline Digital', stamp: '2026-11-30' };

describe('cop calendar files, parsed back with ical.js', () => {
  const cases: { zone: string; schedule: Schedule; dstDays: string[] }[] = [
    // Weekly on Sundays: a meeting falls on each change day itself (29 March and 25 October 2026).
    { zone: 'Europe/Madrid', schedule: { frequency: 'weekly', weekday: 'sunday', time: '10:00', time_zone: 'Europe/Madrid', from: '2026-01-01' }, dstDays: ['2026-03-29', '2026-10-25'] },
    // New York changes on 8 March and 1 November 2026, both Sundays.
    { zone: 'America/New_York', schedule: { frequency: 'weekly', weekday: 'sunday', time: '09:00', time_zone: 'America/New_York', from: '2026-01-01' }, dstDays: ['2026-03-08', '2026-11-01'] },
    // Monthly, second Thursday over lunch: the March and October meetings sit either side of the changes.
    { zone: 'Europe/Madrid', schedule: { frequency: 'monthly', week: 'second', weekday: 'thursday', time: '12:30', time_zone: 'Europe/Madrid', from: '2026-01-01' }, dstDays: [] },
    { zone: 'America/New_York', schedule: { frequency: 'monthly', week: 'last', weekday: 'tuesday', time: '16:00', time_zone: 'America/New_York', from: '2026-01-01' }, dstDays: [] },
  ];

  for (const { zone, schedule, dstDays } of cases) {
    it(`keeps ${schedule.time} local in ${zone} all year (${schedule.frequency}${schedule.week ? `, ${schedule.week}` : ''} ${schedule.weekday})`, () => {
      const cop = scheduled('aws', schedule);
      const text = copCalendar(cop, options)!;
      const [event] = expand(text, '2026-12-31');
      const expected = occurrences(resolveSchedule(cop.charter)!, '2026-01-01', '2026-12-31');

      expect(event!.instants.map((i) => local(i, zone))).toEqual(expected.map((o) => ({ date: o.date, time: schedule.time })));
      // The UTC hour moves with daylight saving, so the local hour staying put is the time zone at work, not a floating time.
      const utcHours = new Set(event!.instants.map((i) => i.getUTCHours()));
      expect(utcHours.size).toBe(2);
      const dates = expected.map((o) => o.date);
      for (const day of dstDays) expect(dates).toContain(day);
      expect(dates.some((d) => d.startsWith('2026-03'))).toBe(true);
      expect(dates.some((d) => d.startsWith('2026-10'))).toBe(true);
    });
  }

  it('leaves out cancelled dates and stops at `until` and at the dissolution date', () => {
    const cop = scheduled('aws', {
      frequency: 'weekly', interval: 2, weekday: 'wednesday', time: '17:45', time_zone: 'Europe/Madrid', from: '2026-03-04', until: '2026-12-31',
      exceptions: ['2026-03-18'],
    }, { status: 'dissolved', dissolved: { date: '2026-05-13', reason: 'topics-finished', decided_by: 'p2' } });
    const [event] = expand(copCalendar(cop, options)!, '2027-12-31');
    expect(event!.instants.map((i) => local(i, 'Europe/Madrid').date)).toEqual(['2026-03-04', '2026-04-01', '2026-04-15', '2026-04-29', '2026-05-13']);
    expect(event!.instants.every((i) => local(i, 'Europe/Madrid').time === '17:45')).toBe(true);
  });

  it('writes a stable UID, the channel as location and the CoP name', () => {
    const cop = scheduled('data-engineering', { frequency: 'monthly', week: 'first', weekday: 'monday', time: '09:00', time_zone: 'America/New_York' });
    const text = copCalendar(cop, options)!;
    const [event] = expand(text, '2026-03-01');
    expect(event).toMatchObject({ uid: 'cop-data-engineering-meetings@harbourline-digital', location: '#cop-data-engineering', summary: 'DATA-ENGINEERING CoP' });
    expect(eventUid('data-engineering', 'Harbourline Digital')).toBe(event!.uid);
    // Byte-identical on a second run: nothing in it depends on the clock.
    expect(copCalendar(cop, options)).toBe(text);
    expect(text).toMatch(/^DTSTAMP:20261130T000000Z\r$/m);
  });

  it('resolves a zone link to the VTIMEZONE it names (US/Eastern is America/New_York)', () => {
    const cop = scheduled('aws', { frequency: 'weekly', weekday: 'monday', time: '08:00', time_zone: 'US/Eastern', from: '2026-03-02' });
    const text = copCalendar(cop, options)!;
    expect(text).toMatch(/^DTSTART;TZID=America\/New_York:20260302T080000\r$/m);
    const [event] = expand(text, '2026-03-16');
    expect(event!.instants.map((i) => local(i, 'America/New_York').time)).toEqual(['08:00', '08:00', '08:00']);
  });

  it('puts every scheduled CoP in the combined calendar, each with its own zone', () => {
    const madrid = scheduled('aws', { frequency: 'weekly', weekday: 'monday', time: '12:00', time_zone: 'Europe/Madrid', from: '2026-03-02' });
    const york = scheduled('mobile', { frequency: 'weekly', weekday: 'monday', time: '12:00', time_zone: 'America/New_York', from: '2026-03-02' });
    const none = { id: 'quiet', charterFile: 'cops/quiet/charter.yaml', charter: charter('quiet') };
    const text = combinedCalendar([madrid, york, none], options);
    const events = expand(text, '2026-03-31');
    expect(events.map((e) => e.uid)).toEqual(['cop-aws-meetings@harbourline-digital', 'cop-mobile-meetings@harbourline-digital']);
    expect(events[0]!.instants.map((i) => local(i, 'Europe/Madrid').time)).toEqual(Array(5).fill('12:00'));
    expect(events[1]!.instants.map((i) => local(i, 'America/New_York').time)).toEqual(Array(5).fill('12:00'));
    expect(text.match(/^BEGIN:VTIMEZONE\r$/gm)).toHaveLength(2);
    expect(copCalendar(none, options)).toBeUndefined();
  });
});
