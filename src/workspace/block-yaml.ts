/**
 * The YAML nearly every data file is written in, read line by line: block mappings with plain
 * keys, block sequences, scalars on one line (plain, or quoted without escapes) and flow lists of
 * plain words on one line (`goals: [a, b]`), with comments and blank lines. A meeting log is
 * nothing else. js-yaml, ready for all of YAML, reads such a file two to three times slower, and
 * was the largest part of `cop check`'s CPU at 60,000 files (docs/performance.md, session 11).
 *
 * The answer must be exactly the one js-yaml gives under fast-parse.ts's schema (scalars resolved
 * by the same `coreValue`), so this reader refuses (undefined) anything else, and fast-parse.ts
 * asks js-yaml: any other flow collection, a block scalar, an anchor, alias or tag, an escape, a
 * scalar or a key over several lines, a key that is not a plain word, a repeated key, an empty
 * value, a line indented in a way it does not expect, a character outside plain printable text.
 * test/workspace/block-yaml.test.ts holds every answer equal to js-yaml's.
 */
import { groupBy } from '../core/group-by.js';

/** What a plain scalar resolves to: the core schema's value, or the text itself for a string (fast-parse.ts). */
export type ScalarValue = (text: string) => unknown;

/** Nesting deeper than this is left to js-yaml (and its depth limit); a data file needs about 4. */
const MAX_NESTING = 16;

// Tabs, carriage returns, a byte-order mark and anything js-yaml calls non-printable (or reads as a
// line break) are refused; so are surrogates, to keep the check one class.
const UNUSUAL = /[^\n\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]/;
/** First characters of a plain scalar YAML gives another meaning (indicators), or that start a quoted one. */
const INDICATOR = new Set([...'[]{},&*!|>\'"%@`#?:']);

/**
 * Keys met so far, by length and first character (see keyAt), for each way of resolving scalars
 * (a key is taken only if it resolves to itself); a few per bucket, so odd keys cannot grow it much.
 */
const keysMet = new WeakMap<ScalarValue, Map<number, string[]>>();
const KEYS_PER_BUCKET = 4;
/** Longer keys are not kept: a file of keys of every length would otherwise keep them all. */
const LONGEST_KEPT_KEY = 64;

class Refused extends Error {}
const refuse = (): never => {
  throw new Refused();
};

/** The data of `text` when it is a block mapping of the kind above; else undefined. */
export function readBlockYaml(text: string, scalar: ScalarValue): unknown {
  return readWith(text, scalar);
}

/** A key or scalar asked for by its path (its key's place with `atKey`). */
export interface PlaceAsked {
  path: readonly (string | number)[];
  atKey: boolean;
}

/**
 * Where each of `places` stands in `text`, as offsets [start, end): what the `yaml` library's node
 * range gives for it (src/workspace/locate.ts), found in one read of the text without loading that
 * library. Undefined unless `text` is read by this reader; an entry is undefined unless its path
 * ends at a key or a scalar outside a flow list: the caller then asks the library.
 */
export function scalarRangesAt(text: string, places: readonly PlaceAsked[], scalar: ScalarValue): ([number, number] | undefined)[] | undefined {
  const targets = new Targets(places);
  return readWith(text, scalar, targets) === undefined ? undefined : places.map((_, i) => targets.found[i]);
}

function readWith(text: string, scalar: ScalarValue, targets?: Targets): unknown {
  if (UNUSUAL.test(text)) return undefined;
  const reader = new BlockReader(text, scalar, targets);
  try {
    // A mapping at indent 0 ends only where the text does.
    return reader.start === -1 || reader.indent !== 0 ? undefined : reader.mapping(reader.start, 0, 1);
  } catch (error) {
    if (error instanceof Refused) return undefined;
    throw error;
  }
}

/**
 * The places asked for (scalarRangesAt), looked up by the text of their path, and where each was
 * found. A file with thousands of findings is read once, not once a finding.
 */
class Targets {
  readonly found: ([number, number] | undefined)[] = [];
  /** Indexes into `places` by their path's segments as text, joined by NUL (no key holds one). */
  private readonly byPath: Map<string, number[]>;
  private readonly depths: Set<number>;

  constructor(private readonly places: readonly PlaceAsked[]) {
    this.byPath = groupBy(places.keys(), (i) => places[i]!.path.join('\0'));
    this.depths = new Set(places.map(({ path }) => path.length));
  }

  /** Records `range` for each place at `trail` (keys and item indexes from the top) asked for at its key or not (`atKey`). */
  record(trail: readonly (string | number)[], atKey: boolean, range: () => [number, number]): void {
    if (!this.depths.has(trail.length)) return;
    for (const i of this.byPath.get(trail.join('\0')) ?? []) {
      const place = this.places[i]!;
      // As locate.ts walks: a key matches a segment by its text, an item only a number.
      if (place.atKey === atKey && trail.every((step, k) => (typeof step === 'number' ? step === place.path[k] : step === String(place.path[k])))) this.found[i] = range();
    }
  }
}

/**
 * Reads the text a line at a time, by offsets (no line is cut out). The line next to be read is
 * the next one neither blank nor a comment: `start` and `end` (its line feed, or the text's end)
 * and the `indent` of its content; `start` is -1 past the last.
 */
class BlockReader {
  start = 0;
  end = 0;
  indent = 0;
  private readonly knownKeys: Map<number, string[]>;
  /** With targets: the keys and item indexes from the top to the node being read. */
  private readonly trail: (string | number)[] = [];

  constructor(
    private readonly text: string,
    private readonly scalar: ScalarValue,
    private readonly targets?: Targets,
  ) {
    let known = keysMet.get(scalar);
    if (known === undefined) keysMet.set(scalar, (known = new Map()));
    this.knownKeys = known;
    this.moveTo(0);
  }

  /** To the first line at or after offset `from` that is neither blank nor a comment. */
  private moveTo(from: number): void {
    const text = this.text;
    while (from < text.length) {
      let end = text.indexOf('\n', from);
      if (end === -1) end = text.length;
      const at = skipSpaces(text, from, end);
      if (at < end && text.charCodeAt(at) !== HASH) {
        this.start = from;
        this.end = end;
        this.indent = at - from;
        return;
      }
      from = end + 1;
    }
    this.start = -1;
  }

  /** A block mapping whose first key is at offset `first` of the next line, and whose keys stand at `indent`. */
  mapping(first: number, indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_NESTING) refuse();
    const text = this.text;
    const data: Record<string, unknown> = {};
    for (let from = first; ; from = this.start + indent) {
      const end = this.end;
      const colon = keyEnd(text, from, end);
      const key = this.keyAt(from, colon);
      if (Object.hasOwn(data, key)) refuse();
      const rest = skipSpaces(text, colon + 1, end);
      if (this.targets !== undefined) {
        this.trail.push(key);
        this.targets.record(this.trail, true, () => [from, colon]);
      }
      if (rest === end || text.charCodeAt(rest) === HASH) {
        this.moveTo(end + 1);
        data[key] = this.nested(indent, depth);
      } else data[key] = this.inline(rest, indent);
      if (this.targets !== undefined) this.trail.pop();
      if (this.start === -1 || this.indent < indent) return data;
      if (this.indent > indent) refuse();
    }
  }

  /**
   * The key from `from` to `colon`. Data files use a few dozen keys: one seen before is matched in
   * place (by its length and first character) and given back as the string first cut, so neither a
   * new string nor a property name's hash is made for each of the half million keys at 60k files.
   */
  private keyAt(from: number, colon: number): string {
    const text = this.text;
    const bucket = (colon - from) * 128 + text.charCodeAt(from); // a key starts with an ASCII letter or _
    const seen = this.knownKeys.get(bucket);
    if (seen !== undefined) for (const key of seen) if (text.startsWith(key, from)) return key;
    const key = text.slice(from, colon);
    // A word YAML resolves to something else (`null`, `True`) would be another key in js-yaml's answer.
    if (key === '__proto__' || this.scalar(key) !== key) refuse();
    if (key.length > LONGEST_KEPT_KEY) return key;
    if (seen === undefined) this.knownKeys.set(bucket, [key]);
    else if (seen.length < KEYS_PER_BUCKET) seen.push(key);
    return key;
  }

  /** The value under a key that ends its line: a deeper block, or a sequence at the key's own indent. */
  private nested(indent: number, depth: number): unknown {
    if (this.start === -1 || this.indent < indent) return refuse(); // an empty value
    if (isItem(this.text, this.start + this.indent, this.end)) return this.sequence(this.indent, depth + 1);
    if (this.indent === indent) return refuse(); // an empty value
    return this.mapping(this.start + this.indent, this.indent, depth + 1);
  }

  /** A block sequence whose items' dashes stand at `indent`, the first on the next line. */
  private sequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_NESTING) refuse();
    const text = this.text;
    const items: unknown[] = [];
    for (;;) {
      const start = skipSpaces(text, this.start + indent + 1, this.end);
      // `-` alone, or `- - x`: a nested block on the item's line or below, left to js-yaml.
      if (start === this.end || text.charCodeAt(start) === HASH || isItem(text, start, this.end)) refuse();
      if (this.targets !== undefined) this.trail.push(items.length);
      items.push(startsMapping(text, start, this.end) ? this.mapping(start, start - this.start, depth + 1) : this.inline(start, indent));
      if (this.targets !== undefined) this.trail.pop();
      if (this.start === -1 || this.indent < indent) return items;
      if (this.indent > indent) refuse();
      // The key after a sequence at its key's indent: the mapping above goes on.
      if (!isItem(text, this.start + indent, this.end)) return items;
    }
  }

  /** The scalar at `start` to the end of its line (or a comment), which the next line may not continue. */
  private inline(start: number, indent: number): unknown {
    const value = scalarAt(this.text, start, this.end, this.scalar);
    if (this.targets !== undefined && !Array.isArray(value)) this.targets.record(this.trail, false, () => [start, scalarEnd(this.text, start, this.end)]);
    this.moveTo(this.end + 1);
    if (this.start !== -1 && this.indent > indent) refuse(); // a scalar over several lines, or a misplaced block
    return value;
  }
}

const SPACE = 32;
const HASH = 35;
const COLON = 58;

function skipSpaces(text: string, from: number, end: number): number {
  let at = from;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  return at;
}

/** Whether a sequence item's dash stands at `at`: `-` then a space or the line's end. */
function isItem(text: string, at: number, end: number): boolean {
  return text.charCodeAt(at) === 45 && (at + 1 === end || text.charCodeAt(at + 1) === SPACE);
}

/** Whether a character may be in a key (a word: `[A-Za-z0-9_]`, not a digit first). */
function isKeyChar(code: number, first: boolean): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || (!first && code >= 48 && code <= 57);
}

/** Where the key at `from` ends: at a word's end, on a colon followed by a space or the line's end; else -1. */
function keyColon(text: string, from: number, end: number): number {
  let at = from;
  while (at < end && isKeyChar(text.charCodeAt(at), at === from)) at++;
  return at > from && at < end && text.charCodeAt(at) === COLON && (at + 1 === end || text.charCodeAt(at + 1) === SPACE) ? at : -1;
}

/** The colon that ends the key at `from` (see keyColon), or refused. */
function keyEnd(text: string, from: number, end: number): number {
  const colon = keyColon(text, from, end);
  return colon === -1 ? refuse() : colon;
}

/** Whether the item's content at `start` is a key. */
function startsMapping(text: string, start: number, end: number): boolean {
  return keyColon(text, start, end) !== -1;
}

/** The scalar from `start` to the line's `end`, a comment after it allowed. */
function scalarAt(text: string, start: number, end: number, scalar: ScalarValue): unknown {
  const first = text.charCodeAt(start);
  if (first === 34 || first === 39) return quotedAt(text, start, end, first);
  if (first === 91) return flowAt(text, start, end, scalar); // [
  if (INDICATOR.has(text[start]!) || (first === 45 && (start + 1 === end || text.charCodeAt(start + 1) === SPACE))) refuse();
  return scalar(text.slice(start, plainEnd(text, start, end)));
}

/** Where the plain scalar at `start` ends: before the spaces and comment after it. */
function plainEnd(text: string, start: number, end: number): number {
  let stop = end;
  for (let at = start + 1; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === HASH && text.charCodeAt(at - 1) === SPACE) {
      stop = at;
      break;
    }
    // `: ` or a final `:` would make a key (or an error) of it.
    if (code === COLON && (at + 1 === end || text.charCodeAt(at + 1) === SPACE)) refuse();
  }
  while (text.charCodeAt(stop - 1) === SPACE) stop--;
  return stop;
}

/** Where the scalar scalarAt read at `start` ends (quotes included): what the `yaml` library's range ends with. */
function scalarEnd(text: string, start: number, end: number): number {
  const quote = text.charCodeAt(start);
  return quote === 34 || quote === 39 ? closingQuote(text, start, end, quote) + 1 : plainEnd(text, start, end);
}

/** Whether a character may be in a word of a flow list: `[A-Za-z0-9_.~+-]`. */
function isWordChar(code: number): boolean {
  return isKeyChar(code, false) || code === 46 || code === 126 || code === 43 || code === 45;
}

/** A flow list of plain words on the line (`goals: [a, b]`), a comment after it allowed; no empty entry. */
function flowAt(text: string, start: number, end: number, scalar: ScalarValue): unknown[] {
  const items: unknown[] = [];
  let at = skipSpaces(text, start + 1, end);
  if (text.charCodeAt(at) !== 93) {
    for (;;) {
      const from = at;
      while (at < end && isWordChar(text.charCodeAt(at))) at++;
      // A lone `-` would be a block item.
      if (at === from || (at === from + 1 && text.charCodeAt(from) === 45)) refuse();
      items.push(scalar(text.slice(from, at)));
      at = skipSpaces(text, at, end);
      const code = text.charCodeAt(at);
      if (code === 93) break; // ]
      if (code !== 44) refuse(); // ,
      at = skipSpaces(text, at + 1, end);
    }
  }
  const after = skipSpaces(text, at + 1, end);
  if (after < end && (after === at + 1 || text.charCodeAt(after) !== HASH)) refuse();
  return items;
}

/** A quoted scalar on the line: double-quoted without escapes, or single-quoted (`''` is a quote). */
function quotedAt(text: string, start: number, end: number, quote: number): string {
  const close = closingQuote(text, start, end, quote);
  const inner = text.slice(start + 1, close);
  if (quote === 34 && inner.includes('\\')) refuse();
  // After the closing quote: spaces, then the line's end or a comment.
  const after = skipSpaces(text, close + 1, end);
  if (after < end && (after === close + 1 || text.charCodeAt(after) !== HASH)) refuse();
  return quote === 39 ? inner.replaceAll("''", "'") : inner;
}

/** The closing quote of the scalar quoted at `start` (in single quotes, `''` is a quote, not the end), on the line. */
function closingQuote(text: string, start: number, end: number, quote: number): number {
  const mark = String.fromCharCode(quote);
  for (let from = start + 1; ; ) {
    const close = text.indexOf(mark, from);
    if (close === -1 || close >= end) return refuse(); // it goes on past the line
    if (quote !== 39 || text.charCodeAt(close + 1) !== 39) return close;
    from = close + 2;
  }
}
