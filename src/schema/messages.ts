/** Turns ajv's errors into sentences that name the field and what was expected. */
import { RESERVED_COP_ID } from '../calendar/reserved.js';
import { calendarDateProblem } from '../core/dates.js';
import { didYouMean } from '../core/suggest.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { suggest } from '../core/suggest.js';

export type PathSegment = string | number;

export interface SchemaIssue {
  /** Where in the document: keys and list indexes from the root. */
  path: PathSegment[];
  /** Whether the finding is about the key at `path` rather than its value (an unknown field). */
  atKey: boolean;
  message: string;
}

export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `goals[1].review_by`, or `the file` for the root. */
export function describePath(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the file';
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
  return `\`${text}\``;
}

function found(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

// Patterns are named by the shared definition they come from, so the message says what a valid value looks like.
const PATTERN_HINTS: [RegExp, string][] = [
  [/\$defs\/slug\//, 'a lowercase id of letters, digits and single hyphens, not a name Windows reserves (con, prn, aux, nul, com1-9, lpt1-9), e.g. `platform-engineering`'],
  [/\$defs\/personId\//, 'a person id of lowercase letters, digits, dots and hyphens, e.g. `seren.howarth`'],
  [/\$defs\/date\//, 'a date written YYYY-MM-DD'],
  [/github/, 'a GitHub handle without the @'],
  [/currency/, 'a three-letter currency code such as GBP'],
  [/category/, 'a lowercase word such as `refreshments`'],
  [/\/time$/, 'a time of day written HH:MM on the 24-hour clock, e.g. `18:30`'],
  [/\$defs\/month\/|\/(from|to|month)$/, 'a month written YYYY-MM'],
  [/url|recording/i, 'a web address starting with http:// or https://'],
];

// Why a number has the maximum it has, named by the shared definition it comes from.
const LIMIT_HINTS: [RegExp, string][] = [
  [/\$defs\/hours\//, 'hours are per meeting or per month, and a 31-day month has 744'],
  [/\$defs\/(money|yearHours)\//, 'a figure this large is taken for a typo'],
];

// What a `not` in the schemas refuses, said as the rule it enforces; keyed by the title of the definition holding it.
const NOT_RULES: Record<string, string> = {
  Hours: 'must be 0, or at least 0.01',
  YearHours: 'must be 0, or at least 0.01',
  Money: 'must be 0, or at least 0.01',
  CopId: `${RESERVED_COP_ID}, and name the folder after it`,
};

export function schemaIssueMessage(error: ErrorObject): SchemaIssue {
  const path = pointerToPath(error.instancePath);
  const field = describePath(path);
  const params = error.params as Record<string, unknown>;
  const issue = (message: string, at: PathSegment[] = path, atKey = false): SchemaIssue => ({ path: at, atKey, message });
  switch (error.keyword) {
    case 'required':
      return issue(`${path.length ? field : 'The file'} is missing the required field \`${String(params.missingProperty)}\`.`);
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const name = String(params.additionalProperty);
      const hint = allowed.length ? `${didYouMean(name, allowed)} Allowed here: ${allowed.join(', ')}.` : '';
      return issue(`Unknown field \`${name}\`${path.length ? ` in ${field}` : ''}.${hint}`, [...path, name], true);
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ');
      return issue(`${capitalise(field)} must be ${expected} (found ${found(error.data)}).`);
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const near = typeof error.data === 'string' ? suggest(error.data, allowed) : [];
      const hint = near.length ? ` Did you mean \`${near[0]}\`?` : '';
      return issue(`${capitalise(field)} must be one of: ${allowed.join(', ')} (found ${found(error.data)}).${hint}`);
    }
    case 'format':
      return issue(
        params.format === 'date'
          ? `${capitalise(field)} must be a real calendar date written YYYY-MM-DD (found ${found(error.data)}${typeof error.data === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(error.data) ? `: ${calendarDateProblem(error.data) ?? 'not a date'}` : ''}).`
          : `${capitalise(field)} must be a valid ${String(params.format).toUpperCase()} (found ${found(error.data)}).`,
      );
    case 'pattern': {
      const hint = PATTERN_HINTS.find(([re]) => re.test(error.schemaPath) || re.test(error.instancePath))?.[1];
      return issue(`${capitalise(field)} must be ${hint ?? `text matching ${String(params.pattern)}`} (found ${found(error.data)}).`);
    }
    case 'minItems':
      return issue(`${capitalise(field)} must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}.`);
    case 'maxItems':
      if (params.limit === 0) {
        const why = error.schemaPath.includes('/then/') ? ' for a cancelled meeting' : '';
        return issue(`${capitalise(field)} must be empty${why} (found ${(error.data as unknown[]).length} item${(error.data as unknown[]).length === 1 ? '' : 's'}).`);
      }
      return issue(`${capitalise(field)} must list at most ${String(params.limit)} items.`);
    case 'uniqueItems':
      return issue(`${capitalise(field)} lists the same value twice (items ${String(params.j)} and ${String(params.i)}).`);
    case 'minLength':
      return issue(`${capitalise(field)} must not be empty.`);
    case 'maxLength':
      return issue(`${capitalise(field)} must be at most ${String(params.limit)} characters long.`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const hint = error.keyword === 'maximum' ? LIMIT_HINTS.find(([re]) => re.test(error.schemaPath))?.[1] : undefined;
      return issue(`${capitalise(field)} must be ${String(params.comparison)} ${String(params.limit)} (found ${found(error.data)})${hint ? `: ${hint}` : ''}.`);
    }
    case 'not': {
      const rule = NOT_RULES[String(error.parentSchema?.title)];
      return issue(`${capitalise(field)} ${rule ?? 'has a value not allowed here'} (found ${found(error.data)}).`);
    }
    case 'false schema':
      return issue(`${capitalise(field)} is not allowed here.`, path, true);
    default:
      return issue(`${capitalise(field)} ${error.message ?? 'is invalid'}.`);
  }
}

function capitalise(text: string): string {
  return text.startsWith('`') ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
