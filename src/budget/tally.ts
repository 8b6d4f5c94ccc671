/**
 * What the report reads of one CoP's meeting logs and outputs, added up by month of the report's
 * window: its tally, from which compute.ts computes the CoP's figures (in the thread that read
 * the CoP, for `cop report`). Pure.
 */
import { monthOf, monthsBetween, type IsoMonth } from '../core/dates.js';
import { isCancelled, participantCount, refreshmentsCost, slotOf } from '../model/meeting.js';
import { outputHours } from '../model/output.js';
import type { Charter, OutputKind } from '../model/schema-types.js';
import type { CopFolder } from '../workspace/workspace.js';
import type { Period } from './period.js';
import type { OutputTally } from './types.js';

/** One CoP's logs in one month, added up. */
export interface Bucket {
  meetings: number;
  cancelled: number;
  people: Set<string>;
  guests: Set<string>;
  attendanceMinutes: number;
  /** Meeting preparation and output hours: both charged to the CoP's budget. */
  preparation: number;
  /** The outputs dated in the month, and the part of `preparation` spent on them, by kind. */
  outputs: Map<OutputKind, OutputTally>;
  money: Map<string, number>;
  refreshmentsCost: number;
  refreshmentsParticipants: number;
}

/** The months the report needs (the period and its year to date), indexed. */
export interface Window {
  months: IsoMonth[];
  index: Map<IsoMonth, number>;
  periodStart: number;
  ytdStart: number;
  end: number;
}

/**
 * The attendance minutes of each attendee of a CoP's work-hours meetings in the window: a few
 * flat arrays, not an object per person, so they cross threads cheaply.
 */
export interface PeopleMinutes {
  ids: string[];
  /** Person `k`'s minutes in window month `i` are at `k × window months + i`. */
  months: number[];
  /** Person `k`'s minutes in the period; 0 when they attended none of its meetings there (a meeting lasts a minute at least). */
  period: number[];
}

export interface CopTally {
  /** By window month; undefined for a month with nothing logged. */
  buckets: (Bucket | undefined)[];
  /** The attendees of its work-hours meetings in the window. */
  people: PeopleMinutes;
  /** Its meeting logs dated in the period. */
  logsInPeriod: number;
}

export function windowOf(period: Period): Window {
  const first = period.ytdFrom < period.from ? period.ytdFrom : period.from;
  const months = monthsBetween(first, period.to);
  const index = new Map(months.map((month, i) => [month, i]));
  return { months, index, periodStart: index.get(period.from)!, ytdStart: index.get(period.ytdFrom)!, end: months.length - 1 };
}

/** The function that tallies a CoP over `window`. */
export function copTallier(window: Window): (cop: CopFolder & { charter: Charter }) => CopTally {
  return (cop) => {
    const people: PeopleMinutes = { ids: [], months: [], period: [] };
    const buckets = bucketOutputs(cop, window, bucketMeetings(cop, window, people));
    const logsInPeriod = cop.meetings.filter(({ data }) => (window.index.get(monthOf(data.date)) ?? -1) >= window.periodStart).length;
    return { buckets, people, logsInPeriod };
  };
}

/** The one pass over a CoP's meetings. */
function bucketMeetings(cop: CopFolder & { charter: Charter }, window: Window, people: PeopleMinutes): (Bucket | undefined)[] {
  const buckets: (Bucket | undefined)[] = new Array(window.months.length);
  const index = new Map<string, number>();
  for (const { data: meeting } of cop.meetings) {
    const i = window.index.get(monthOf(meeting.date));
    if (i === undefined) continue;
    const bucket = (buckets[i] ??= emptyBucket());
    // A cancelled meeting is logged but not held: it costs no attendance, but its preparation and
    // any costs already incurred still count.
    if (isCancelled(meeting)) bucket.cancelled += 1;
    else bucket.meetings += 1;
    for (const id of meeting.attendees) bucket.people.add(id);
    for (const guest of meeting.guests ?? []) bucket.guests.add(`${guest.name}\u0000${guest.organisation}`);
    if (slotOf(meeting, cop.charter) === 'work-hours') {
      bucket.attendanceMinutes += meeting.duration_minutes * meeting.attendees.length;
      for (const id of meeting.attendees) addMinutes(people, index, window, id, i, meeting.duration_minutes);
    }
    for (const prep of meeting.preparation ?? []) bucket.preparation += prep.hours;
    for (const cost of meeting.costs ?? []) bucket.money.set(cost.category, (bucket.money.get(cost.category) ?? 0) + cost.amount);
    // Per head is undefined without participants: a cancelled meeting's refreshments count as money only.
    const refreshments = isCancelled(meeting) ? 0 : refreshmentsCost(meeting);
    if (refreshments > 0) {
      bucket.refreshmentsCost += refreshments;
      bucket.refreshmentsParticipants += participantCount(meeting);
    }
  }
  return buckets;
}

/** Adds `minutes` to `person`'s in window month `monthIndex`; `index`: where each person is in `people`. */
function addMinutes(people: PeopleMinutes, index: Map<string, number>, window: Window, person: string, monthIndex: number, minutes: number): void {
  const length = window.months.length;
  let k = index.get(person);
  if (k === undefined) {
    index.set(person, (k = people.ids.length));
    people.ids.push(person);
    people.period.push(0);
    for (let i = 0; i < length; i++) people.months.push(0);
  }
  people.months[k * length + monthIndex]! += minutes;
  if (monthIndex >= window.periodStart) people.period[k]! += minutes;
}

/**
 * Adds a CoP's outputs to its buckets: their hours are preparation-and-output time in the month of
 * their date, their costs money; refreshments bought for an output have no participants to share
 * them, so they count as money only (as a cancelled meeting's do).
 */
function bucketOutputs(cop: CopFolder, window: Window, buckets: (Bucket | undefined)[]): (Bucket | undefined)[] {
  for (const { data: output } of cop.outputs) {
    const i = window.index.get(monthOf(output.date));
    if (i === undefined) continue;
    const bucket = (buckets[i] ??= emptyBucket());
    const hours = outputHours(output);
    bucket.preparation += hours;
    addTally(bucket.outputs, output.kind, { outputs: 1, hours });
    for (const cost of output.costs ?? []) bucket.money.set(cost.category, (bucket.money.get(cost.category) ?? 0) + cost.amount);
  }
  return buckets;
}

export function addTally(tallies: Map<OutputKind, OutputTally>, kind: OutputKind, add: OutputTally): void {
  const tally = tallies.get(kind) ?? { outputs: 0, hours: 0 };
  tallies.set(kind, { outputs: tally.outputs + add.outputs, hours: tally.hours + add.hours });
}

export function emptyBucket(): Bucket {
  return { meetings: 0, cancelled: 0, people: new Set(), guests: new Set(), attendanceMinutes: 0, preparation: 0, outputs: new Map(), money: new Map(), refreshmentsCost: 0, refreshmentsParticipants: 0 };
}
