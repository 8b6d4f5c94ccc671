/**
 * A CoP's meeting log as the site shows it, in two steps: each meeting as a row with its attendees
 * as ids (meetingRow), then the ids resolved to people (withAttendees). At 500 CoPs `cop site`
 * sends the rows to the worker thread that renders the page (src/site/page-pool.ts): a third of
 * the size of the resolved log, whose attendees repeat each person's name and handle. Pure, and
 * light to load (a worker imports it).
 */
import { isCancelled, participantCount, slotOf } from '../model/meeting.js';
import type { Charter, Meeting } from '../model/schema-types.js';
import type { Loaded } from '../workspace/workspace.js';
import type { CopPageSummary, CopPageView, MeetingRow, MeetingView, PersonRef } from './types.js';

/** A logged meeting as the view shows it, its attendees as ids; `minParticipants` is the policy's. */
export function meetingRow({ file, data: m }: Loaded<Meeting>, charter: Charter, minParticipants: number): MeetingRow {
  const participants = participantCount(m);
  return {
    file,
    date: m.date,
    title: m.title,
    format: m.format,
    durationMinutes: m.duration_minutes,
    slot: slotOf(m, charter),
    attendees: m.attendees,
    guests: (m.guests ?? []).map((g) => ({ ...g })),
    participants,
    reached: !isCancelled(m) && participants >= minParticipants,
    cancelled: isCancelled(m),
    cancelReason: isCancelled(m) ? (m.reason ?? null) : null,
    preparationHours: (m.preparation ?? []).reduce((sum, p) => sum + p.hours, 0),
    money: (m.costs ?? []).reduce((sum, c) => sum + c.amount, 0),
    recording: m.recording ?? null,
    topics: [...(m.topics ?? [])],
  };
}

/** The row with its attendees resolved (in their place among the fields). */
export function withAttendees(row: MeetingRow, ref: (id: string) => PersonRef): MeetingView {
  return { ...row, attendees: row.attendees.map(ref) };
}

/** A CoP's whole page view: its summary, and its log (rows, newest first) resolved by `ref`. The log's place among the fields is the API's (`cops/<id>.json`): after the months. */
export function pageWithLog({ healthText, calendar, value, ...head }: CopPageSummary, rows: readonly MeetingRow[], ref: (id: string) => PersonRef): CopPageView {
  return { ...head, log: rows.map((row) => withAttendees(row, ref)), healthText, calendar, value };
}

/** Resolves a person id as src/view/build.ts personRef does, from every person of people.yaml as a PersonRef (what a worker thread is sent). */
export function refResolver(people: readonly PersonRef[]): (id: string) => PersonRef {
  const known = new Map(people.map((person) => [person.id, person]));
  return (id) => known.get(id) ?? { id, name: id, github: null };
}
