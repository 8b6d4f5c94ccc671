/**
 * RFC 5545 calendars of the CoPs' schedules: one recurring event per CoP, in its own time zone
 * (DTSTART;TZID plus a VTIMEZONE from timezones-ical-library), so every subscriber's calendar
 * keeps the local time across daylight-saving changes. Every line goes through the iCalendar
 * writer (src/output/icalendar.ts), which escapes the names and texts from the charters. Pure:
 * the same charters and stamp day give the same text (the site relies on byte-identical output).
 */
import { DateTime } from 'luxon';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import type { IsoDate } from '../core/dates.js';
import type { Charter } from '../model/schema-types.js';
import { component, icsDocument, property, textProperty, type ContentLine } from '../output/icalendar.js';
import { COMBINED_CALENDAR_ID } from './reserved.js';
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

const ICAL_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** The stable UID of a CoP's series: re-importing or re-subscribing updates the event instead of adding a second one. */
export function eventUid(copId: string, organisation: string | undefined): string {
  return `cop-${copId}-meetings@${uidDomain(organisation)}`;
}

/** The zone's VTIMEZONE lines and the TZID it declares (a link such as `US/Eastern` resolves to `America/New_York`). */
function vtimezone(timeZone: string): { tzid: string; lines: ContentLine[] } | undefined {
  if (!knownZones().has(timeZone)) return undefined;
  const answer = tzlib_get_ical_block(timeZone);
  if (!Array.isArray(answer) || !answer[0] || !answer[1]) return undefined;
  return { tzid: answer[1].replace(/^TZID=/, ''), lines: answer[0].trim().split(/\r?\n/) };
}

let zones: Set<string> | undefined;
const knownZones = () => (zones ??= new Set(tzlib_get_timezones() as string[]));

/** Cops whose charter has a `format.schedule`, in the order given. */
export function scheduledCops<T extends { charter?: Charter }>(cops: readonly T[]): (T & { charter: Charter })[] {
  return cops.filter((cop): cop is T & { charter: Charter } => cop.charter?.format.schedule !== undefined);
}

interface Series {
  /** The TZID the event's times are written in. */
  tzid: string;
  lines: ContentLine[];
}

const LOCAL_TIME = "yyyyMMdd'T'HHmmss";
const UTC_TIME = "yyyyMMdd'T'HHmmss'Z'";

function series(cop: ScheduledCop, schedule: ResolvedSchedule, options: CalendarOptions): Series {
  // A zone the VTIMEZONE provider lacks still gets a TZID with its IANA name, which most calendar programs resolve.
  const tzid = vtimezone(schedule.timeZone)?.tzid ?? schedule.timeZone;
  const at = (date: IsoDate, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: schedule.timeZone });
  const start = at(firstDate(schedule), schedule.time);
  const { charter } = cop;
  const details = [
    charter.scope.subject,
    charter.format.channel ? `Channel: ${charter.format.channel}` : undefined,
    charter.format.recordings ? `Recordings: ${charter.format.recordings}` : undefined,
    `Charter: ${cop.charterFile}`,
  ];
  const rule = [
    `FREQ=${schedule.frequency === 'weekly' ? 'WEEKLY' : 'MONTHLY'}`,
    `INTERVAL=${schedule.interval}`,
    // RFC 5545: with a TZID start, UNTIL is a UTC instant; the end of the last day keeps a meeting on it.
    ...(schedule.until !== undefined ? [`UNTIL=${at(schedule.until, '23:59:59').toUTC().toFormat(UTC_TIME)}`] : []),
    `BYDAY=${ICAL_DAYS[WEEKDAYS.indexOf(schedule.weekday)]!}`,
    ...(schedule.week !== undefined ? [`BYSETPOS=${schedule.week}`] : []),
  ];
  const lines = component('VEVENT', [
    textProperty('UID', eventUid(cop.id, options.organisation)),
    property('SEQUENCE', 0),
    property('DTSTAMP', DateTime.fromISO(`${options.stamp}T00:00:00`, { zone: 'UTC' }).toFormat(UTC_TIME)),
    property('DTSTART', start.toFormat(LOCAL_TIME), { TZID: tzid }),
    property('DTEND', start.plus({ minutes: schedule.durationMinutes }).toFormat(LOCAL_TIME), { TZID: tzid }),
    property('RRULE', rule.join(';')),
    // An empty EXDATE is invalid: none is written without exceptions.
    ...(schedule.exceptions.length > 0 ? [property('EXDATE', schedule.exceptions.map((date) => at(date, schedule.time).toFormat(LOCAL_TIME)).join(','), { TZID: tzid })] : []),
    textProperty('SUMMARY', `${charter.name} CoP`),
    ...(charter.format.channel ? [textProperty('LOCATION', charter.format.channel)] : []),
    textProperty('DESCRIPTION', details.filter((line): line is string => !!line).join('\n')),
  ]);
  return { tzid, lines };
}

/** A calendar named `name` holding the events, with the VTIMEZONE of each zone they use, once. */
function calendarText(name: string, description: string, events: readonly Series[]): string {
  const zoneLines = [...new Set(events.map((event) => event.tzid))].flatMap((tzid) => vtimezone(tzid)?.lines ?? []);
  return icsDocument(
    component('VCALENDAR', [
      property('VERSION', '2.0'),
      property('PRODID', '-//cops-as-code//cop calendar//EN'),
      textProperty('NAME', name),
      textProperty('X-WR-CALNAME', name),
      textProperty('X-WR-CALDESC', description),
      ...zoneLines,
      ...events.flatMap((event) => event.lines),
    ]),
  );
}

/** One CoP's calendar; undefined when its charter has no schedule. */
export function copCalendar(cop: ScheduledCop, options: CalendarOptions): string | undefined {
  const schedule = resolveSchedule(cop.charter);
  if (!schedule) return undefined;
  const owner = options.organisation ? `${options.organisation}: ` : '';
  return calendarText(`${owner}${cop.charter.name} CoP`, `Meetings of the ${cop.charter.name} community of practice.`, [series(cop, schedule, options)]);
}

/** One calendar with every scheduled CoP's meetings (CoPs without a schedule are left out). */
export function combinedCalendar(cops: readonly ScheduledCop[], options: CalendarOptions): string {
  const owner = options.organisation ? `${options.organisation}: ` : '';
  const events = cops.flatMap((cop) => {
    const schedule = resolveSchedule(cop.charter);
    return schedule ? [series(cop, schedule, options)] : [];
  });
  return calendarText(`${owner}communities of practice`, 'Meetings of every community of practice.', events);
}

export interface CalendarFile {
  /** `<id>.ics` for one CoP, `all.ics` for the combined calendar (a name the charter schema refuses as a CoP id). */
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
  files.push({ name: `${COMBINED_CALENDAR_ID}.ics`, text: combinedCalendar(cops, options) });
  return files;
}
