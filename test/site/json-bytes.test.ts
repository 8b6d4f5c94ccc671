/**
 * jsonChunks (src/site/json-bytes.ts) writes JSON in pieces: its bytes must be JSON.stringify's,
 * two-space indented with a final newline, for any JSON value, with and without the report's
 * rounding replacer, and parse back to the value; a large value comes in chunks a writer can take
 * one at a time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundFigures } from '../../src/render/report/json.js';
import { jsonChunks, type JsonReplacer } from '../../src/site/json-bytes.js';

const stringified = (value: unknown, replacer?: (key: string, value: unknown) => unknown) => Buffer.from(`${JSON.stringify(value, replacer, 2)}\n`);
const decoded = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const jsonBytes = (value: unknown, replacer?: JsonReplacer) => Buffer.concat([...jsonChunks(value, replacer)]);

describe('jsonChunks', () => {
  it("gives JSON.stringify's bytes for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        expect(Buffer.from(jsonBytes(value)).equals(stringified(value))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("gives JSON.stringify's bytes for objects of long arrays, written a part at a time", () => {
    const long = fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)), { minLength: 30, maxLength: 100 });
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(long, fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)), { maxKeys: 5 }), (value) => {
        expect(Buffer.from(jsonBytes(value)).equals(stringified(value))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("gives figuresJson's bytes with the report's rounding", () => {
    const figure = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer(), fc.string(), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, figure, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(tree, fc.array(tree, { minLength: 30, maxLength: 70 })), { maxKeys: 4 }), (value) => {
        expect(decoded(jsonBytes(value, roundFigures))).toBe(`${JSON.stringify(value, roundFigures, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('writes what JSON.stringify writes for undefined, functions, holes, toJSON and empty containers', () => {
    const value = {
      gone: undefined,
      fn: () => 1,
      list: [undefined, () => 1, 1, , 2], // eslint-disable-line no-sparse-arrays
      meetings: Array.from({ length: 100 }, (_, i) => (i % 7 === 0 ? undefined : { i, when: new Date(Date.UTC(2026, 0, 1 + i)), cost: i / 3, hole: [1, , 3] })), // eslint-disable-line no-sparse-arrays
      exactly: Array.from({ length: 64 }, (_, i) => [i]),
      ['__proto__']: [1, 2],
      when: new Date(Date.UTC(2026, 10, 20)),
      deep: { a: { b: { c: [] as unknown[], d: {} } }, e: [], f: {} },
      text: 'price 5 € \u2028 "quoted"\n',
      big: 'x'.repeat(40_000),
    };
    const bytes = jsonBytes(value);
    expect(Buffer.from(bytes).equals(stringified(value))).toBe(true);
    expect(JSON.parse(decoded(bytes))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('gives a report of 500 CoPs in chunks of tens of kilobytes, whose bytes are the whole', () => {
    const cops = Array.from({ length: 500 }, (_, i) => ({ id: `cop-${i}`, name: `Cop € ${i}`, months: Array.from({ length: 12 }, (_, m) => ({ month: m, hours: i / 7 + m })) }));
    const value = { period: { year: 2026 }, cops, people: cops.map((cop) => ({ id: cop.id, hours: 1 / 3 })) };
    const chunks = [...jsonChunks(value)];
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(400_000);
    expect(Buffer.concat(chunks).equals(stringified(value))).toBe(true);
  });
});
