/**
 * The fast first parse. Most data files are plain YAML with no findings, and the `yaml` package's
 * Document (kept for positions and its own diagnostics) costs most of a big run. So a file is
 * first read with js-yaml under a schema that resolves scalars exactly as `yaml` does with YAML 1.2
 * core (dates stay strings, `yes` stays a string, `0o17` is 15) and validated (plain block YAML,
 * nearly every file, is read by block-yaml.ts instead, to the same data); only when that
 * succeeds is its data used. Any doubt returns undefined, and parse.ts takes the slow, exact path:
 * js-yaml failed (a syntax error, a duplicate key), the schema found a problem (its position is
 * needed), or the text holds a construct where the two parsers could disagree or where `yaml`
 * applies a limit or a warning (anchors and aliases, tags, directives, several documents, explicit
 * keys, tabs, flow collections over several lines, very long lines, a byte-order mark).
 * test/workspace/fast-parse.test.ts checks both paths give identical results on awkward YAML.
 */
import jsyaml from 'js-yaml';
import type { Validate } from '../schema/validator.js';
import { readBlockYaml } from './block-yaml.js';
import type { DataFile, ParsedFile } from './data-file.js';
import { MAX_DEPTH } from './yaml-parse.js';

/** What a plain scalar that is not one of the forms below stays: a string (never a value a form constructs). */
const STRING = Symbol('string');

// The `yaml` package's YAML 1.2 core schema (yaml/dist/schema/core), in its order: same tests, same
// values. Each form's text starts with one of a few characters, so the first character picks the
// forms to try (the null form matches the empty text too).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const NUMBER_FORMS: [RegExp, (text: string) => number][] = [
  // int
  [/^0o[0-7]+$/, (text) => parseInt(text.substring(2), 8)],
  [/^[-+]?[0-9]+$/, (text) => parseInt(text, 10)],
  [/^0x[0-9a-fA-F]+$/, (text) => parseInt(text.substring(2), 16)],
  // float
  [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (text) => (text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (text) => parseFloat(text)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (text) => parseFloat(text)],
];

/** The value the core schema gives a plain scalar, or STRING. */
function coreValue(text: string): unknown {
  switch (text.charAt(0)) {
    case '':
    case '~':
    case 'n':
    case 'N':
      return NULL.test(text) ? null : STRING;
    case 't':
    case 'T':
    case 'f':
    case 'F':
      return BOOL.test(text) ? text[0] === 't' || text[0] === 'T' : STRING;
    case '+':
    case '-':
    case '.':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9': {
      const form = NUMBER_FORMS.find(([test]) => test.test(text));
      return form ? form[1](text) : STRING;
    }
    default:
      return STRING;
  }
}

/** A plain scalar's value under the core schema: the text itself for a string (exported for block-yaml's test). */
export const plainValue = (text: string): unknown => {
  const value = coreValue(text);
  return value === STRING ? text : value;
};

/**
 * One js-yaml type for every form: js-yaml offers each plain scalar (every key too) to each
 * implicit type in turn, so one type is one call per scalar where a type per tag was four. Its tag
 * is never read: the fast path takes no text with a tag. js-yaml constructs right after it
 * resolves, with the same text: the value is kept between the two.
 */
function coreScalars() {
  let lastText: string | undefined;
  let lastValue: unknown = STRING;
  const valueOf = (text: string) => {
    if (text !== lastText) {
      lastText = text;
      lastValue = coreValue(text);
    }
    return lastValue;
  };
  return new jsyaml.Type('tag:yaml.org,2002:core-scalar', {
    kind: 'scalar',
    resolve: (text: string | null) => text !== null && valueOf(text) !== STRING,
    construct: (text: string) => valueOf(text),
  });
}

/** The schema the fast path loads with (exported for its test). */
export const CORE_1_2 = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [coreScalars()] });

/** Lines longer than this go the slow way: `yaml` refuses implicit keys over 1024 characters. */
const MAX_LINE = 1000;
// Where the parsers might disagree, or `yaml` adds a warning or a limit: see the header. Each
// pattern can match only a text that holds one of the strings before it, so it runs only on such a
// text (most files hold none of them).
const DOUBTFUL: [needs: string[], pattern: RegExp][] = [
  [['\uFEFF'], /^\uFEFF/], // byte-order mark
  [['\t'], /\t/], // tabs (indentation rules differ)
  [['\r'], /\r(?!\n)/], // a lone carriage return
  [['&', '*', '!'], /(?:^|[\s[\]{},])[&*!][^\s]/], // an anchor, an alias or a tag (also a `*word*` in text: harmless, only slower)
  [['%'], /^%/m], // a directive
  [['---', '...'], /^(?:---|\.\.\.)(?:\s|$)/m], // document markers
  [['?'], /(?:^|[\s[{,])\?(?:\s|$)/], // an explicit key
  [[']', '}'], /[\]}]\s*:(?:\s|$)/], // a flow collection as a key
  // a comment glued to a quoted value or a flow collection (`yaml` refuses it)
  [['"#', "'#", ']#', '}#'], /(?:^|[\s[{,])(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*')#|[\]}]#/m],
  [["'"], /(?:^|[\s[{,])'(?:[^'\n]|'')*$/m], // a single-quoted value over several lines
];

/**
 * Two doubts whose character nearly every text holds (every file has colons, most a quoted title):
 * each pattern runs only on the lines where the character follows one that `after` accepts (or
 * starts the text), as a match needs. Neither pattern matches across a line feed, and a match
 * that reaches back over one (`^[\s-]*`, `[{,]\s*`) has a twin from the start of its line, so the
 * lines give the answer the whole text gives (test/workspace/fast-parse.test.ts holds them equal).
 */
export const DOUBTFUL_ON_LINES: [char: string, after: RegExp, pattern: RegExp][] = [
  [':', /[\s\-{,~lL]/, /(?:^[\s-]*|[{,]\s*)(?:~|[Nn]ull|NULL)?:(?:\s|$)/m], // an empty or null key (`yaml` makes it "", js-yaml "null")
  ['"', /[\s[{,]/, /(?:^|[\s[{,])"(?:[^"\\\n]|\\.)*$/m], // a double-quoted value over several lines (indentation rules differ)
];

/** Whether `pattern` matches one of the lines where `char` stands after a character `after` accepts, or at the start. */
export function matchesOnLinesWith(text: string, char: string, after: RegExp, pattern: RegExp): boolean {
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) {
    if (at > 0 && !after.test(text.charAt(at - 1))) continue;
    const end = text.indexOf('\n', at);
    const line = text.slice(text.lastIndexOf('\n', at) + 1, end === -1 ? text.length : end);
    if (pattern.test(line)) return true;
    if (end === -1) return false;
    at = end; // the rest of this line is judged
  }
  return false;
}

function plainEnough(text: string): boolean {
  if (DOUBTFUL.some(([needs, pattern]) => needs.some((part) => text.includes(part)) && pattern.test(text))) return false;
  if (DOUBTFUL_ON_LINES.some(([char, after, pattern]) => matchesOnLinesWith(text, char, after, pattern))) return false;
  if (hasLongLine(text)) return false;
  return !['[', ']', '{', '}'].some((bracket) => text.includes(bracket)) || flowClosesOnEachLine(text);
}

/** Whether a line is longer than MAX_LINE (indexOf finds the line ends faster than a loop over every character). */
function hasLongLine(text: string): boolean {
  if (text.length <= MAX_LINE) return false;
  for (let start = 0; ; ) {
    const end = text.indexOf('\n', start);
    if ((end === -1 ? text.length : end) - start > MAX_LINE) return true;
    if (end === -1) return false;
    start = end + 1;
  }
}

/** Whether every flow collection closes on the line it opens on. */
function flowClosesOnEachLine(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (depth !== 0) return false;
    } else if (c === 91 || c === 123) depth++; // [ {
    else if ((c === 93 || c === 125) && --depth < 0) return false; // ] }
  }
  return depth === 0;
}

/** The file's result when the fast path is sure of it (valid data, no findings); else undefined. */
export function fastParse({ file, kind }: DataFile, text: string, validate: Validate): ParsedFile | undefined {
  if (!plainEnough(text)) return undefined;
  // The common block YAML is read line by line (block-yaml.ts), the rest by js-yaml.
  let data = readBlockYaml(text, plainValue);
  if (data === undefined) {
    try {
      // A collection nested MAX_DEPTH levels deep (a node at depth MAX_DEPTH) throws: the exact path
      // reports it. So does a scalar at that depth, which the exact path reads: rarer, only slower.
      data = jsyaml.load(text, { schema: CORE_1_2, maxDepth: MAX_DEPTH });
    } catch {
      return undefined;
    }
  }
  if (data === undefined || data === null) return undefined;
  if (validate(kind, data).length > 0) return undefined;
  return { file, kind, data, diagnostics: [] };
}
