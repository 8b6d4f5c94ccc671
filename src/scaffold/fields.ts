/**
 * Field checks shared by the prompts (validated as typed) and the scripted mode (validated all
 * at once): each returns a reason a person can act on, or undefined when the value is fine.
 */
import { RESERVED_COP_ID, RESERVED_COP_IDS } from '../calendar/reserved.js';
import { calendarDateProblem } from '../core/dates.js';
import { didYouMean } from '../core/suggest.js';
import type { Person } from '../model/schema-types.js';
import { PLACEHOLDER } from '../rules/no-placeholder.js';

export type Problem = string | undefined;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PERSON_ID = /^[a-z0-9]+([-.][a-z0-9]+)*$/;

/** A CoP id: a lowercase slug (it becomes a folder name, so no `/`, `..` or absolute path). */
export function checkCopId(id: string, existing: readonly string[] = []): Problem {
  if (id === '') return 'The id is empty: give a lowercase slug such as `machine-learning`.';
  if (id.includes('/') || id.includes('\\') || id.includes('..')) return `\`${id}\` is a path, not an id: use a lowercase slug such as \`machine-learning\` (no \`/\`, \`\\\` or \`..\`).`;
  if (!SLUG.test(id)) return `\`${id}\` is not a lowercase slug: use letters a-z, digits and single hyphens, e.g. \`machine-learning\`.`;
  if (id.length > 64) return `\`${id}\` is longer than 64 characters.`;
  if (RESERVED_COP_IDS.includes(id)) return `\`${id}\` ${RESERVED_COP_ID}.`;
  if (existing.includes(id)) return `A CoP \`${id}\` exists already (cops/${id}): choose another id.`;
  return undefined;
}

export function checkPersonId(id: string): Problem {
  if (!PERSON_ID.test(id)) return `\`${id}\` is not a person id: lowercase letters and digits, separated by single dots or hyphens, e.g. \`ada.lovelace\`.`;
  if (id.length > 64) return `\`${id}\` is longer than 64 characters.`;
  return undefined;
}

export function checkKnownPerson(id: string, people: ReadonlyMap<string, Person>, role: string): Problem {
  if (id === '') return `No ${role}: name a person from people.yaml.`;
  if (!people.has(id)) return `\`${id}\` (${role}) is not in people.yaml: add them there first, or pick someone listed.${didYouMean(id, people.keys())}`;
  return undefined;
}

export function checkMembers(ids: readonly string[], people: ReadonlyMap<string, Person>, min: number): Problem {
  const unknown = ids.filter((id) => !people.has(id));
  if (unknown.length) return `Not in people.yaml: ${unknown.map((id) => `\`${id}\`${didYouMean(id, people.keys(), 1).replace(/^ Did you mean (.*)\?$/, ' (did you mean $1?)')}`).join(', ')}.`;
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length) return `Listed twice: ${[...new Set(dupes)].map((id) => `\`${id}\``).join(', ')}.`;
  if (ids.length < min) return `${ids.length} member${ids.length === 1 ? '' : 's'}: a CoP needs at least ${min} interested people to be created.`;
  return undefined;
}

export function checkText(text: string, what: string): Problem {
  if (text.trim() === '') return `${what} is empty.`;
  if (PLACEHOLDER.test(text)) return `${what} holds placeholder text: write the real thing (the sponsor reads it).`;
  return undefined;
}

export function checkDate(text: string, what: string): Problem {
  const problem = calendarDateProblem(text);
  return problem === undefined ? undefined : `${what} \`${text}\`: ${problem}.`;
}

/** A whole number in [min, max]. */
export function checkInteger(text: string, what: string, min: number, max: number): Problem {
  if (!/^\d+$/.test(text.trim())) return `${what} \`${text}\` is not a whole number.`;
  const n = Number(text);
  return n < min || n > max ? `${what} must be between ${min} and ${max}.` : undefined;
}

/** A number zero or more (hours, money). */
export function checkAmount(text: string, what: string): Problem {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return `${what} \`${text}\` is not a number (zero or more, e.g. 2 or 4.5).`;
  return undefined;
}

export function checkUrl(text: string): Problem {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : `\`${text}\` is not an http(s) link.`;
  } catch {
    return `\`${text}\` is not a link (expected https://…).`;
  }
}

/** A list typed on one line: items separated by `;` (commas may appear inside an item). */
export function splitList(text: string): string[] {
  return text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Person ids typed on one line, separated by commas or spaces. */
export function splitIds(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
