/**
 * `cop log`'s pure core: the answers a meeting log needs, their defaults from the charter, the
 * warnings `cop check` would give, where the file goes, and the meeting they make.
 */
import type { IsoDate } from '../core/dates.js';
import { refreshmentsCap } from '../model/charter.js';
import { refreshmentsProblem } from '../model/meeting.js';
import type { Charter, Cost, Guest, Meeting, Person, Preparation } from '../model/schema-types.js';
import { checkDate, checkInteger, checkKnownPerson, checkText, checkUrl, type Problem } from './fields.js';
import { unknownOf } from './charter.js';
import type { Enums } from './enums.js';

export interface MeetingAnswers {
  date: IsoDate;
  title: string;
  format: Meeting['format'];
  duration_minutes: number;
  slot: NonNullable<Meeting['slot']>;
  attendees: string[];
  guests: Guest[];
  preparation: Preparation[];
  costs: Cost[];
  /** Absent or empty: no recording (a warning). */
  recording?: string;
  topics: string[];
  notes?: string;
  /** The meeting was planned but did not take place: no attendees, guests or recording, and a reason. */
  cancelled?: boolean;
  /** Why it was cancelled (required with `cancelled`). */
  reason?: string;
}

/** Defaults from the charter: its first format, usual duration and slot. */
export function meetingDefaults(charter: Charter, asOf: IsoDate): Pick<MeetingAnswers, 'date' | 'format' | 'duration_minutes' | 'slot' | 'guests' | 'preparation' | 'costs' | 'topics'> {
  return {
    date: asOf,
    format: charter.format.formats[0]!,
    duration_minutes: charter.format.duration_minutes,
    slot: charter.format.slot,
    guests: [],
    preparation: [],
    costs: [],
    topics: [],
  };
}

/** Why no meeting can be logged for this CoP at all (a dissolved CoP), or undefined. */
export function copWarning(charter: Charter): Problem {
  if (charter.status === 'dissolved') {
    return `The CoP \`${charter.id}\` was dissolved${charter.dissolved?.date ? ` on ${charter.dissolved.date}` : ''}: it holds no more meetings, so only one held before that can be logged.`;
  }
  if (charter.status === 'proposed') return `The CoP \`${charter.id}\` is proposed, not yet approved: \`cop report\` counts none of its meetings until it is activated.`;
  return undefined;
}

/** A date the meeting cannot have: not a date, before the CoP was created, after it was dissolved, or after today. */
/** Whether `date` can be a record of the CoP: a date, within its life, not in the future (`what` is what to record once it has happened). */
export function dateProblem(date: string, charter: Charter, asOf: IsoDate, what = 'a meeting once it has happened'): Problem {
  const bad = checkDate(date, 'The date');
  if (bad) return bad;
  if (date < charter.created) return `${date} is before the CoP was created (${charter.created}).`;
  const dissolved = charter.dissolved?.date;
  if (dissolved && date > dissolved) return `${date} is after the CoP was dissolved (${dissolved}).`;
  if (date > asOf) return `${date} is in the future (today is ${asOf}): record ${what}.`;
  return undefined;
}

export interface MeetingContext {
  charter: Charter;
  people: ReadonlyMap<string, Person>;
  asOf: IsoDate;
  enums: Enums;
}

/** Every problem with a complete set of answers, each naming its field (scripted mode reports them all). */
export function meetingProblems(a: MeetingAnswers, ctx: MeetingContext): string[] {
  const problems: [string, Problem][] = [
    ['date', dateProblem(a.date, ctx.charter, ctx.asOf)],
    ['title', checkText(a.title, 'The title')],
    ['format', unknownOf([a.format], ctx.enums.formats, 'format')],
    ['duration', checkInteger(String(a.duration_minutes), 'The duration in minutes', 1, 1440)],
    ['slot', unknownOf([a.slot], ctx.enums.slots, 'slot')],
    ['prep', a.preparation.map((p) => checkKnownPerson(p.person, ctx.people, 'preparer') ?? (p.hours >= 0 ? undefined : 'Preparation hours must be zero or more.')).find(Boolean)],
    ['cost', a.costs.map((c) => (/^[a-z]+(-[a-z]+)*$/.test(c.category) ? (c.amount >= 0 ? undefined : 'A cost must be zero or more.') : `\`${c.category}\` is not a cost category (a lowercase word such as refreshments).`)).find(Boolean)],
    ...(a.cancelled ? cancelledProblems(a) : heldProblems(a, ctx)),
  ];
  return problems.filter((p): p is [string, string] => p[1] !== undefined).map(([field, problem]) => `${field}: ${problem}`);
}

function heldProblems(a: MeetingAnswers, ctx: MeetingContext): [string, Problem][] {
  return [
    ['attendees', a.attendees.length + a.guests.length === 0 ? 'Nobody attended: list the attendees.' : a.attendees.map((id) => checkKnownPerson(id, ctx.people, 'attendee')).find(Boolean)],
    ['attendees', duplicates(a.attendees)],
    ['guest', a.guests.map((g) => (g.name.trim() && g.organisation.trim() ? undefined : 'A guest needs a name and an organisation.')).find(Boolean)],
    ['recording', a.recording ? checkUrl(a.recording) : undefined],
    ['reason', a.reason?.trim() ? 'A reason is given only for a cancelled meeting: add --cancelled, or leave the reason out.' : undefined],
  ];
}

/** The schema's shape of a cancelled meeting: nobody attended, nothing was recorded, and a reason says why. */
function cancelledProblems(a: MeetingAnswers): [string, Problem][] {
  return [
    ['reason', checkText(a.reason ?? '', 'The reason a cancelled meeting did not take place')],
    ['attendees', a.attendees.length ? 'A cancelled meeting had no attendees: leave --attendees out.' : undefined],
    ['guest', a.guests.length ? 'A cancelled meeting had no guests: leave --guest out.' : undefined],
    ['recording', a.recording ? 'A cancelled meeting has no recording: leave --recording out.' : undefined],
  ];
}

function duplicates(ids: readonly string[]): Problem {
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  return dupes.length ? `Listed twice: ${[...new Set(dupes)].join(', ')}.` : undefined;
}

export function buildMeeting(a: MeetingAnswers): Meeting {
  const meeting: Meeting = {
    date: a.date,
    title: a.title.trim(),
    format: a.format,
    duration_minutes: a.duration_minutes,
    slot: a.slot,
    attendees: a.attendees,
  };
  if (a.guests.length) meeting.guests = a.guests;
  if (a.preparation.length) meeting.preparation = a.preparation;
  if (a.costs.length) meeting.costs = a.costs;
  if (a.recording) meeting.recording = a.recording;
  if (a.topics.length) meeting.topics = a.topics;
  if (a.notes?.trim()) meeting.notes = a.notes.trim();
  if (a.cancelled) {
    meeting.cancelled = true;
    meeting.reason = (a.reason ?? '').trim();
  }
  return meeting;
}

/** The warning `cop check` would give about the meeting's refreshments per head, or undefined. */
export function refreshmentsWarning(meeting: Pick<Meeting, 'attendees' | 'guests' | 'costs'>, charter: Charter, policyCap: number): string | undefined {
  return refreshmentsProblem(meeting, refreshmentsCap(charter, policyCap));
}

/** The file name for a meeting on `date`: YYYY-MM-DD.yaml, else the next free -2, -3 … */
export function meetingFileName(date: IsoDate, taken: ReadonlySet<string>): string {
  if (!taken.has(`${date}.yaml`)) return `${date}.yaml`;
  for (let n = 2; ; n++) if (!taken.has(`${date}-${n}.yaml`)) return `${date}-${n}.yaml`;
}
