/**
 * RFC 5545 calendars of the CoPs' schedules, written by ical-generator: one recurring event per
 * CoP, in its own time zone (DTSTART;TZID plus a VTIMEZONE from timezones-ical-library), so every
 * subscriber's calendar keeps the local time across daylight-saving changes. Pure: the same
 * charters and stamp day give the same text (the site relies on byte-identical output).
 */
import ical, { ICalEventRepeatingFreq, ICalWeekday, type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import type { IsoDate } from '../core/dates.js';
import type { Charter } from '../model/schema-types.js';
import { firstDate, resolveSchedule, WEEKDAYS, type ResolvedSchedule } from './schedule.js';
import { uidDomain } from './uid.js';

export interface ScheduledCop {
  id: string;
  charter: Charter;
  /** Relative to the data root, for the event's description. */
  charterFile: string;
}

export interface CalendarOptions {
  /** The organisation's name (cop.config.yaml `organisation`): calendar names and UIDs carry it. */
  organisation?: string;
  /** The day written as DTSTAMP (`--as-of`), so output does not change from one second to the next. */
  stamp: IsoDate;
}

const ICAL_DAYS: readonly ICalWeekday[] = [ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR, ICalWeekday.SA, ICalWeekday.SU];

/** The stable UID of a CoP's series: re-importing or re-subscribing updates the event instead of adding a second one. */
export function eventUid(copId: string, organisation: string | undefined): string {
  return `cop-${copId}-meetings@${uidDomain(organisation)}`;
}

/** The zone's VTIMEZONE and the TZID it declares (a link such as `US/Eastern` resolves to `America/New_York`). */
function vtimezone(timeZone: string): { tzid: string; block: string } | undefined {
  if (!knownZones().has(timeZone)) return undefined;
  const answer = tzlib_get_ical_block(timeZone);
  if (!Array.isArray(answer) || !answer[0] || !answer[1]) return undefined;
  return { tzid: answer[1].replace(/^TZID=/, ''), block: answer[0] };
}

let zones: Set<string> | undefined;
const knownZones = () => (zones ??= new Set(tzlib_get_timezones() as string[]));

/** Cops whose charter has a `format.schedule`, in the order given. */
export function scheduledCops<T extends { charter?: Charter }>(cops: readonly T[]): (T & { charter: Charter })[] {
  return cops.filter((cop): cop is T & { charter: Charter } => cop.charter?.format.schedule !== undefined);
}

function newCalendar(name: string, description: string): ICalCalendar {
  return ical({
    name,
    description,
    prodId: { company: 'cops-as-code', product: 'cop calendar', language: 'EN' },
    timezone: { name: null, generator: (tz) => vtimezone(tz)?.block ?? null },
  });
}

function addSeries(calendar: ICalCalendar, cop: ScheduledCop, schedule: ResolvedSchedule, options: CalendarOptions): void {
  const zone = vtimezone(schedule.timeZone);
  // A zone the VTIMEZONE provider lacks still gets a TZID with its IANA name, which most calendar programs resolve.
  const tzid = zone?.tzid ?? schedule.timeZone;
  const at = (date: IsoDate, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: schedule.timeZone });
  const start = at(firstDate(schedule), schedule.time);
  const { charter } = cop;
  const details = [
    charter.scope.subject,
    charter.format.channel ? `Channel: ${charter.format.channel}` : undefined,
    charter.format.recordings ? `Recordings: ${charter.format.recordings}` : undefined,
    `Charter: ${cop.charterFile}`,
  ];
  calendar.createEvent({
    id: eventUid(cop.id, options.organisation),
    stamp: DateTime.fromISO(`${options.stamp}T00:00:00`, { zone: 'UTC' }),
    start,
    end: start.plus({ minutes: schedule.durationMinutes }),
    timezone: tzid,
    summary: `${charter.name} CoP`,
    description: details.filter((line): line is string => !!line).join('\n'),
    location: charter.format.channel ?? null,
    repeating: {
      freq: schedule.frequency === 'weekly' ? ICalEventRepeatingFreq.WEEKLY : ICalEventRepeatingFreq.MONTHLY,
      interval: schedule.interval,
      byDay: [ICAL_DAYS[WEEKDAYS.indexOf(schedule.weekday)]!],
      ...(schedule.week !== undefined ? { bySetPos: [schedule.week] } : {}),
      // RFC 5545: with a TZID start, UNTIL is a UTC instant; the end of the last day keeps a meeting on it.
      ...(schedule.until !== undefined ? { until: at(schedule.until, '23:59:59').toUTC() } : {}),
      // ical-generator writes an empty EXDATE for an empty list, which parsers reject.
      ...(schedule.exceptions.length > 0 ? { exclude: schedule.exceptions.map((date) => at(date, schedule.time)) } : {}),
    },
  });
}

/** One CoP's calendar; undefined when its charter has no schedule. */
export function copCalendar(cop: ScheduledCop, options: CalendarOptions): string | undefined {
  const schedule = resolveSchedule(cop.charter);
  if (!schedule) return undefined;
  const owner = options.organisation ? `${options.organisation}: ` : '';
  const calendar = newCalendar(`${owner}${cop.charter.name} CoP`, `Meetings of the ${cop.charter.name} community of practice.`);
  addSeries(calendar, cop, schedule, options);
  return calendar.toString();
}

/** One calendar with every scheduled CoP's meetings (CoPs without a schedule are left out). */
export function combinedCalendar(cops: readonly ScheduledCop[], options: CalendarOptions): string {
  const owner = options.organisation ? `${options.organisation}: ` : '';
  const calendar = newCalendar(`${owner}communities of practice`, 'Meetings of every community of practice.');
  for (const cop of cops) {
    const schedule = resolveSchedule(cop.charter);
    if (schedule) addSeries(calendar, cop, schedule, options);
  }
  return calendar.toString();
}

export interface CalendarFile {
  /** `<id>.ics` for one CoP, `all.ics` for the combined calendar. */
  name: string;
  /** Absent for the combined calendar. */
  copId?: string;
  text: string;
}

/**
 * The files `cop calendar --out DIR` and `cop site` write: one per scheduled CoP (among `cops`,
 * in their order) and `all.ics` with all of them.
 */
export function calendarFiles(cops: readonly ScheduledCop[], options: CalendarOptions): CalendarFile[] {
  const files: CalendarFile[] = [];
  for (const cop of cops) {
    const text = copCalendar(cop, options);
    if (text !== undefined) files.push({ name: `${cop.id}.ics`, copId: cop.id, text });
  }
  files.push({ name: 'all.ics', text: combinedCalendar(cops, options) });
  return files;
}
