/**
 * Scripted answers: a `--from` mapping and command-line flags merged (flags win) into partial
 * answers, then completed from defaults, listing whatever is still missing. Pure.
 */
import type { IsoDate } from '../core/dates.js';
import type { ResolvedPolicy } from '../model/policy.js';
import type { Charter, Goal, Person } from '../model/schema-types.js';
import { goalReviewDefault, nameFromId, newCopDefaults, type NewCopAnswers } from './charter.js';
import { meetingDefaults, type MeetingAnswers } from './meeting.js';
import { outputDefaults, type OutputAnswers } from './output.js';
import { parseAll, parseCost, parseGoal, parseGuest, parseOutputHours, parsePreparation, type Parsed } from './syntax.js';

type Raw = Record<string, unknown>;

export interface PartialResult<T> {
  partial: Partial<T>;
  problems: string[];
}

const NEW_KEYS = [
  'id', 'name', 'subject', 'in', 'out', 'rationale', 'sponsor', 'coordinator', 'rotation_months', 'members', 'goals',
  'formats', 'cadence', 'duration_minutes', 'slot', 'hours_per_month', 'refreshments_per_head', 'membership', 'created', 'new_people',
] as const;

const OUTPUT_KEYS = ['date', 'title', 'kind', 'audience', 'authors', 'goals', 'hours', 'url', 'meeting', 'handoff_to', 'costs', 'notes'] as const;

const LOG_KEYS = ['date', 'title', 'format', 'duration_minutes', 'slot', 'attendees', 'guests', 'preparation', 'costs', 'recording', 'topics', 'notes', 'cancelled', 'reason'] as const;

/** A list given as a YAML list or a comma-separated string. */
function strings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  return String(value).split(',').map((v) => v.trim()).filter(Boolean);
}

function num(value: unknown): number | null {
  if (value === null || value === 'none') return null;
  return typeof value === 'number' ? value : Number(String(value).trim());
}

/** Merges flags over the file: a flag given (not undefined) wins. */
function merge(file: Raw, flags: Raw, keys: readonly string[], problems: string[], from: string): Raw {
  for (const key of Object.keys(file)) if (!keys.includes(key)) problems.push(`${from}: unknown answer \`${key}\` (known: ${keys.join(', ')}).`);
  const merged: Raw = {};
  for (const key of keys) {
    const value = flags[key] !== undefined && !(Array.isArray(flags[key]) && (flags[key] as unknown[]).length === 0) ? flags[key] : file[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** Items given as objects (from a file) or as one-line syntax strings (flags, or a file). */
function items<T>(value: unknown, parse: (text: string) => Parsed<T>, problems: string[]): T[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: T[] = [];
  for (const item of list) {
    if (item !== null && typeof item === 'object') out.push(item as T);
    else {
      const parsed = parseAll([String(item)], parse);
      if (parsed.ok) out.push(...parsed.value);
      else problems.push(parsed.problem);
    }
  }
  return out;
}

export function newCopInput(file: Raw, flags: Raw, created: IsoDate, from = '--from'): PartialResult<NewCopAnswers> {
  const problems: string[] = [];
  const raw = merge(file, flags, NEW_KEYS, problems, from);
  const partial: Partial<NewCopAnswers> = {};
  for (const key of ['id', 'name', 'subject', 'rationale', 'sponsor', 'coordinator', 'cadence', 'slot', 'membership', 'created'] as const) {
    if (raw[key] !== undefined) (partial as Raw)[key] = String(raw[key]).trim();
  }
  for (const key of ['in', 'out'] as const) if (raw[key] !== undefined) partial[key] = Array.isArray(raw[key]) ? strings(raw[key]) : [String(raw[key]).trim()];
  if (raw.members !== undefined) partial.members = strings(raw.members);
  if (raw.formats !== undefined) partial.formats = strings(raw.formats) as NewCopAnswers['formats'];
  for (const key of ['rotation_months', 'duration_minutes', 'hours_per_month', 'refreshments_per_head'] as const) {
    if (raw[key] !== undefined) (partial as Raw)[key] = num(raw[key]);
  }
  partial.created = partial.created ?? created;
  const reviewBy = typeof flags.review_by === 'string' ? flags.review_by : goalReviewDefault(partial.created);
  if (raw.goals !== undefined) {
    partial.goals = items<Goal>(raw.goals, (text) => parseGoal(text, reviewBy), problems).map((g) => ({ ...g, review_by: g.review_by ?? reviewBy }));
  }
  if (raw.new_people !== undefined) partial.new_people = (Array.isArray(raw.new_people) ? raw.new_people : []) as Person[];
  return { partial, problems };
}

/** Fills what has a default; lists what is missing (by flag name). */
export function completeNewCop(partial: Partial<NewCopAnswers>, policy: ResolvedPolicy, created: IsoDate): { answers: NewCopAnswers; missing: string[] } {
  const required: [keyof NewCopAnswers, string][] = [
    ['id', 'the id (`cop new <id>`)'],
    ['in', 'what is in scope (--in, repeatable)'],
    ['rationale', 'why the organisation should invest (--rationale)'],
    ['sponsor', 'the sponsor (--sponsor)'],
    ['members', 'the founding members (--members a,b,c,d,e)'],
    ['goals', 'at least one goal (--goal type:audience+audience:description)'],
  ];
  const missing = required.filter(([key]) => partial[key] === undefined || (Array.isArray(partial[key]) && (partial[key] as unknown[]).length === 0)).map(([, what]) => `missing ${what}`);
  const id = partial.id ?? '';
  const name = partial.name ?? nameFromId(id);
  const answers: NewCopAnswers = {
    ...newCopDefaults(policy, created),
    id,
    name,
    subject: partial.subject ?? name,
    in: [],
    rationale: '',
    sponsor: '',
    members: [],
    goals: [],
    ...partial,
    coordinator: partial.coordinator ?? partial.members?.[0] ?? '',
  } as NewCopAnswers;
  return { answers, missing };
}

export function meetingInput(file: Raw, flags: Raw, from = '--from'): PartialResult<MeetingAnswers> {
  const problems: string[] = [];
  const raw = merge(file, flags, LOG_KEYS, problems, from);
  const partial: Partial<MeetingAnswers> = {};
  for (const key of ['date', 'title', 'format', 'slot', 'recording', 'notes', 'reason'] as const) if (raw[key] !== undefined) (partial as Raw)[key] = String(raw[key]).trim();
  if (raw.cancelled !== undefined) partial.cancelled = raw.cancelled === true || raw.cancelled === 'true';
  if (raw.duration_minutes !== undefined) partial.duration_minutes = num(raw.duration_minutes) ?? Number.NaN;
  if (raw.attendees !== undefined) partial.attendees = strings(raw.attendees);
  if (raw.topics !== undefined) partial.topics = Array.isArray(raw.topics) ? strings(raw.topics) : [String(raw.topics)];
  if (raw.guests !== undefined) partial.guests = items(raw.guests, parseGuest, problems);
  if (raw.preparation !== undefined) partial.preparation = items(raw.preparation, parsePreparation, problems);
  if (raw.costs !== undefined) partial.costs = items(raw.costs, parseCost, problems);
  return { partial, problems };
}

export function completeMeeting(partial: Partial<MeetingAnswers>, charter: Charter, asOf: IsoDate): { answers: MeetingAnswers; missing: string[] } {
  const missing: string[] = [];
  if (!partial.title) missing.push('missing the title (--title)');
  if (partial.cancelled) {
    if (!partial.reason) missing.push('missing the reason it was cancelled (--reason)');
  } else if (!partial.attendees?.length && !partial.guests?.length) missing.push('missing the attendees (--attendees a,b,c)');
  const answers: MeetingAnswers = { ...meetingDefaults(charter, asOf), title: '', attendees: [], ...partial };
  return { answers, missing };
}

export function outputInput(file: Raw, flags: Raw, from = '--from'): PartialResult<OutputAnswers> {
  const problems: string[] = [];
  const raw = merge(file, flags, OUTPUT_KEYS, problems, from);
  const partial: Partial<OutputAnswers> = {};
  for (const key of ['date', 'title', 'kind', 'audience', 'url', 'meeting', 'handoff_to', 'notes'] as const) if (raw[key] !== undefined) (partial as Raw)[key] = String(raw[key]).trim();
  if (raw.authors !== undefined) partial.authors = strings(raw.authors);
  if (raw.goals !== undefined) partial.goals = strings(raw.goals);
  if (raw.hours !== undefined) partial.hours = items(raw.hours, parseOutputHours, problems);
  if (raw.costs !== undefined) partial.costs = items(raw.costs, parseCost, problems);
  return { partial, problems };
}

export function completeOutput(partial: Partial<OutputAnswers>, asOf: IsoDate): { answers: OutputAnswers; missing: string[] } {
  const missing: string[] = [];
  if (!partial.title) missing.push('missing the title (--title)');
  if (!partial.authors?.length) missing.push('missing the authors (--author id, repeatable)');
  const answers: OutputAnswers = { ...outputDefaults(asOf), title: '', authors: [], ...partial };
  return { answers, missing };
}
