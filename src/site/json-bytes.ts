/**
 * `JSON.stringify(value, replacer, 2) + '\n'` as UTF-8 bytes, made and written in pieces. At 500 CoPs a year's
 * report is 14 MB of JSON and a CoP's file 220 kB: as one string, V8 builds it from parts, copies it
 * whole to encode it (twice its size, as one `€` makes it two bytes a character) and keeps both
 * until a full collection. In pieces, each dies young, and the bytes go to the file a chunk at a time.
 */

/** A JSON.stringify replacer that depends on the value alone (it is not always given the key of the value). */
export type JsonReplacer = (key: string, value: unknown) => unknown;

/** Items of a top-level array stringified at once: a CoP's meetings, a report's CoPs or people. */
const ITEMS = 32;
/** Characters encoded at once: small enough for V8's young generation. */
const CHUNK = 65_536;

const utf8 = new TextEncoder();

/** The bytes, a chunk of about CHUNK characters at a time: a writer takes each as it comes, so even a 14 MB report is never whole. */
export function* jsonChunks(value: unknown, replacer?: JsonReplacer): Generator<Uint8Array, void> {
  let pending = '';
  for (const piece of pieces(value, replacer)) {
    pending += piece;
    if (pending.length >= CHUNK) {
      yield utf8.encode(pending);
      pending = '';
    }
  }
  yield utf8.encode(`${pending}\n`);
}

/** A plain object or array the replacer leaves as it is, which JSON.stringify writes member by member. */
function isPlain(key: string, value: unknown, replacer: JsonReplacer | undefined): value is object {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  return replacer === undefined || replacer(key, value) === value;
}

/**
 * What JSON.stringify writes, a top-level member at a time and a long top-level array ITEMS items
 * at a time. Each is stringified inside an object of its own, so JSON.stringify indents it as it
 * would in the whole, and only that object's braces are cut off.
 */
function* pieces(value: unknown, replacer: JsonReplacer | undefined): Generator<string, void> {
  if (Array.isArray(value) || !isPlain('', value, replacer)) {
    yield JSON.stringify(value, replacer, 2);
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    const name = `\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(item) && item.length > ITEMS && isPlain(key, item, replacer)) {
      yield `${first ? '{' : ','}${name}[`;
      for (let start = 0; start < item.length; start += ITEMS) {
        const text = JSON.stringify({ [key]: item.slice(start, start + ITEMS) }, replacer, 2);
        yield `${start === 0 ? '' : ','}${text.slice(`{${name}[`.length, -'\n  ]\n}'.length)}`;
      }
      yield '\n  ]';
    } else {
      const text = JSON.stringify({ [key]: item }, replacer, 2);
      if (text === '{}') continue;
      yield `${first ? '{' : ','}${text.slice(1, -'\n}'.length)}`;
    }
    first = false;
  }
  yield first ? '{}' : '\n}';
}
