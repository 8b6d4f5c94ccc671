/**
 * Who is inactive in a CoP: members who attended no meeting held in the policy's
 * `inactive_months`. Shared by rule `member-inactive`, `cop members prune` and `cop health`. Pure.
 */
import { addMonthsIso, type IsoDate } from '../core/dates.js';
import { activeSince, currentTerm } from './charter.js';
import { isCancelled } from './meeting.js';
import type { Alumnus, Charter, Meeting } from './schema-types.js';

/** A role that keeps an inactive member on the list: pruning them would break `coordinator-is-member`. */
export type HeldRole = 'coordinator' | 'deputy' | 'core group';

export interface InactiveMember {
  person: string;
  /** The last meeting held that they attended, if any. */
  lastAttended?: IsoDate;
  /** Set when the member holds a role: they are reported, but `cop members prune` keeps them. */
  role?: HeldRole;
}

export type Inactivity =
  /** Not judged: the CoP is not active, has been active for less than the window, or held no meeting in it (a CoP problem, for `cop health`). */
  | { judged: false; why: string; since: IsoDate }
  | { judged: true; since: IsoDate; inactive: InactiveMember[]; members: number };

/**
 * Members of an active CoP who attended no meeting held after `since` (= `asOf` minus `months`) up
 * to `asOf`. Cancelled meetings are never attended. Members are counted once each.
 */
export function inactiveMembers(charter: Charter, meetings: readonly Pick<Meeting, 'date' | 'attendees' | 'cancelled'>[], months: number, asOf: IsoDate): Inactivity {
  const since = addMonthsIso(asOf, -months);
  if (charter.status !== 'active') return { judged: false, why: `the CoP is ${charter.status}`, since };
  if (activeSince(charter) > since) return { judged: false, why: `the CoP has been active for less than ${months} months`, since };
  const held = meetings.filter((m) => !isCancelled(m) && m.date <= asOf);
  const inWindow = held.filter((m) => m.date > since);
  if (inWindow.length === 0) return { judged: false, why: `the CoP held no meeting after ${since}`, since };

  const attendedInWindow = new Set(inWindow.flatMap((m) => m.attendees));
  const roles = heldRoles(charter, asOf);
  const members = [...new Set(charter.members)];
  const absent = members.filter((id) => !attendedInWindow.has(id));
  const lastAttended = lastHeldAttended(held, new Set(absent));
  const inactive = absent.map((person): InactiveMember => {
    const last = lastAttended.get(person);
    const role = roles.get(person);
    return { person, ...(last === undefined ? {} : { lastAttended: last }), ...(role === undefined ? {} : { role }) };
  });
  return { judged: true, since, inactive, members: members.length };
}

/**
 * For each of `people`, the date of the last meeting in `held` (in log order) that they attended:
 * read from the end, and only until everyone is found (most members attend often).
 */
function lastHeldAttended(held: readonly Pick<Meeting, 'date' | 'attendees'>[], people: ReadonlySet<string>): Map<string, IsoDate> {
  const last = new Map<string, IsoDate>();
  for (let i = held.length - 1; i >= 0 && last.size < people.size; i--) {
    for (const id of held[i]!.attendees) if (people.has(id) && !last.has(id)) last.set(id, held[i]!.date);
  }
  return last;
}

/** The inactive members `cop members prune` moves to alumni: those who hold no role. */
export function prunable(inactivity: Inactivity): InactiveMember[] {
  return inactivity.judged ? inactivity.inactive.filter((m) => m.role === undefined) : [];
}

/** The `alumni` entry for a pruned member, leaving on `left`. */
export function alumnusEntry(member: InactiveMember, since: IsoDate, left: IsoDate): Alumnus {
  return { person: member.person, left, note: `attended no meeting held after ${since}; ${lastAttendedText(member)}` };
}

function heldRoles(charter: Charter, asOf: IsoDate): Map<string, HeldRole> {
  const roles = new Map<string, HeldRole>();
  for (const id of charter.core_group ?? []) roles.set(id, 'core group');
  if (charter.coordinator.deputy) roles.set(charter.coordinator.deputy, 'deputy');
  const term = currentTerm(charter, asOf);
  if (term) roles.set(term.person, 'coordinator');
  return roles;
}

/** When an inactive member last attended: "last attended 2026-04-23" or "never attended". */
export function lastAttendedText(member: InactiveMember): string {
  return member.lastAttended ? `last attended ${member.lastAttended}` : 'never attended';
}

/** What `cop members prune` would do to one CoP: also its `--format json` output. */
export interface PrunePlan {
  schema_version: 1;
  cop: string;
  file: string;
  asOf: IsoDate;
  months: number;
  /** Meetings held after this day (to `asOf`) count as attendance. */
  since: IsoDate;
  /** Present when the CoP is not judged, saying why; nothing is pruned then. */
  notJudged?: string;
  members: number;
  /** Inactive members who hold no role: moved to `alumni` with --write. */
  prune: InactiveMember[];
  /** Inactive members kept because they hold a role (coordinator, deputy, core group). */
  kept: InactiveMember[];
  /** Members left after pruning, and the policy's minimum. */
  remaining: number;
  minMembers: number;
  /** The `alumni` entries --write adds. */
  alumni: Alumnus[];
  written: boolean;
  /** Present when --write was refused: what `cop check` would report after pruning (nothing was written). */
  refused?: string[];
}

export function planPrune(cop: { id: string; charterFile: string; charter: Charter; meetings: readonly { data: Meeting }[] }, months: number, minMembers: number, asOf: IsoDate): PrunePlan {
  const inactivity = inactiveMembers(cop.charter, cop.meetings.map((m) => m.data), months, asOf);
  const prune = prunable(inactivity);
  const members = new Set(cop.charter.members).size;
  return {
    schema_version: 1,
    cop: cop.id,
    file: cop.charterFile,
    asOf,
    months,
    since: inactivity.since,
    ...(inactivity.judged ? {} : { notJudged: inactivity.why }),
    members,
    prune,
    kept: inactivity.judged ? inactivity.inactive.filter((m) => m.role !== undefined) : [],
    remaining: members - prune.length,
    minMembers,
    alumni: prune.map((member) => alumnusEntry(member, inactivity.since, asOf)),
    written: false,
  };
}
