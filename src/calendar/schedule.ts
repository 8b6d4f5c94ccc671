/**
 * A charter's `format.schedule` as plain calendar facts: which local dates it meets on, the next
 * meeting on or after a day, and how it reads in words. Pure and zone-free: a meeting's date and
 * time are local to the schedule's time zone, so nothing here depends on the machine's zone
 * (turning local times into instants is the iCalendar writer's job, src/calendar/ics.ts).
 */
import { addDaysIso, addMonthsIso, type IsoDate } from '../core/dates.js';
import type { Charter, Format, Schedule } from '../model/schema-types.js';

export type Weekday = Schedule['weekday'];
type Cadence = Format['cadence'];
export type WeekOfMonth = NonNullable<Schedule['week']>;

export const WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEK_INDEX: Record<WeekOfMonth, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

/** A schedule with its defaults filled in from the charter. */
export interface ResolvedSchedule {
  frequency: Schedule['frequency'];
  interval: number;
  /** 1…4, or -1 for the last; monthly only. */
  week?: number;
  weekday: Weekday;
  /** `HH:MM`, local to `timeZone`. */
  time: string;
  durationMinutes: number;
  timeZone: string;
  /** The first day the schedule applies. */
  from: IsoDate;
  /** The last day it applies: the earlier of `until` and the dissolution date. */
  until?: IsoDate;
  exceptions: IsoDate[];
}

/** One scheduled meeting, in the schedule's local time. */
export interface Occurrence {
  date: IsoDate;
  /** `HH:MM` */
  start: string;
  /** `HH:MM`; may be past midnight for a late meeting (then the end is the next day). */
  end: string;
  timeZone: string;
}

export function resolveSchedule(charter: Charter): ResolvedSchedule | undefined {
  const schedule = charter.format.schedule;
  if (!schedule) return undefined;
  const ends = [schedule.until, charter.status === 'dissolved' ? charter.dissolved?.date : undefined].filter((d): d is IsoDate => !!d);
  const resolved: ResolvedSchedule = {
    frequency: schedule.frequency,
    interval: schedule.interval ?? 1,
    weekday: schedule.weekday,
    time: schedule.time,
    durationMinutes: schedule.duration_minutes ?? charter.format.duration_minutes,
    timeZone: schedule.time_zone,
    from: schedule.from ?? charter.activated ?? charter.created,
    exceptions: [...(schedule.exceptions ?? [])].sort(),
  };
  if (schedule.week) resolved.week = WEEK_INDEX[schedule.week];
  if (ends.length > 0) resolved.until = ends.sort()[0]!;
  return resolved;
}

/** 0 = Monday … 6 = Sunday, of a calendar date (computed in UTC, so no zone shifts it). */
export function weekdayIndex(date: IsoDate): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The `week`-th (1…4, or -1 for last) `weekday` of the month of `date`. */
function nthWeekdayOfMonth(date: IsoDate, weekday: Weekday, week: number): IsoDate {
  const target = WEEKDAYS.indexOf(weekday);
  if (week > 0) {
    const first = `${date.slice(0, 7)}-01`;
    return addDaysIso(first, ((target - weekdayIndex(first) + 7) % 7) + (week - 1) * 7);
  }
  const last = addDaysIso(addMonthsIso(`${date.slice(0, 7)}-01`, 1), -1);
  return addDaysIso(last, -((weekdayIndex(last) - target + 7) % 7));
}

/** The first meeting date of the series (exceptions included): the iCalendar DTSTART. */
export function firstDate(schedule: ResolvedSchedule): IsoDate {
  if (schedule.frequency === 'weekly') {
    return addDaysIso(schedule.from, (WEEKDAYS.indexOf(schedule.weekday) - weekdayIndex(schedule.from) + 7) % 7);
  }
  const here = nthWeekdayOfMonth(schedule.from, schedule.weekday, schedule.week ?? 1);
  return here >= schedule.from ? here : nthWeekdayOfMonth(addMonthsIso(`${schedule.from.slice(0, 7)}-01`, 1), schedule.weekday, schedule.week ?? 1);
}

/** Every scheduled date of the series from its start to `to` (both included), exceptions included. */
function* seriesDates(schedule: ResolvedSchedule, to: IsoDate): Generator<IsoDate> {
  const first = firstDate(schedule);
  const last = schedule.until !== undefined && schedule.until < to ? schedule.until : to;
  for (let i = 0; ; i++) {
    const date = schedule.frequency === 'weekly'
      ? addDaysIso(first, i * 7 * schedule.interval)
      : nthWeekdayOfMonth(addMonthsIso(`${first.slice(0, 7)}-01`, i * schedule.interval), schedule.weekday, schedule.week ?? 1);
    if (date > last) return;
    yield date;
  }
}

/** Whether the series has a meeting on `date` before exceptions are taken out. */
export function isScheduledDate(schedule: ResolvedSchedule, date: IsoDate): boolean {
  for (const d of seriesDates(schedule, date)) if (d === date) return true;
  return false;
}

function addMinutes(time: string, minutes: number): string {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes;
  const hours = Math.floor(total / 60) % 24;
  return `${String(hours).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function occurrence(schedule: ResolvedSchedule, date: IsoDate): Occurrence {
  return { date, start: schedule.time, end: addMinutes(schedule.time, schedule.durationMinutes), timeZone: schedule.timeZone };
}

/** The meetings from `from` to `to` (both included), cancelled dates left out. */
export function occurrences(schedule: ResolvedSchedule, from: IsoDate, to: IsoDate): Occurrence[] {
  const cancelled = new Set(schedule.exceptions);
  return [...seriesDates(schedule, to)].filter((d) => d >= from && !cancelled.has(d)).map((d) => occurrence(schedule, d));
}

/** The first meeting on or after `asOf` (a meeting later that day still counts), if the series has one. */
export function nextMeeting(schedule: ResolvedSchedule, asOf: IsoDate): Occurrence | undefined {
  // Every series meets at least once a year (interval ≤ 12 months), and at most 5 cancellations in a row are plausible:
  // look six years ahead before saying there is none.
  return occurrences(schedule, asOf, addMonthsIso(asOf, 72))[0];
}

/** The `cadence` a schedule's frequency amounts to, when it is one of the charter's cadences. */
export function cadenceOf(schedule: Pick<ResolvedSchedule, 'frequency' | 'interval'>): Cadence | undefined {
  if (schedule.frequency === 'weekly') return schedule.interval === 1 ? 'weekly' : schedule.interval === 2 ? 'fortnightly' : undefined;
  return ({ 1: 'monthly', 2: 'bimonthly', 3: 'quarterly' } as Record<number, Cadence>)[schedule.interval];
}

const ORDINALS: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `Every second Thursday of the month, 12:30–13:30 (Europe/Madrid)`. */
export function describeSchedule(schedule: ResolvedSchedule): string {
  const day = capital(schedule.weekday);
  const every = schedule.frequency === 'weekly'
    ? schedule.interval === 1 ? `Every ${day}` : `Every ${schedule.interval} weeks on ${day}`
    : `The ${ORDINALS[schedule.week ?? 1]} ${day} of ${schedule.interval === 1 ? 'every month' : `every ${schedule.interval} months`}`;
  const { start, end } = occurrence(schedule, schedule.from);
  return `${every}, ${start}–${end} (${schedule.timeZone})`;
}

/** `Thursday 10 December 2026, 12:30–13:30 (Europe/Madrid)`. */
export function describeOccurrence(meeting: Occurrence): string {
  const [year, month, day] = meeting.date.split('-').map(Number) as [number, number, number];
  const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${capital(WEEKDAYS[weekdayIndex(meeting.date)]!)} ${day} ${monthName} ${year}, ${meeting.start}–${meeting.end} (${meeting.timeZone})`;
}
