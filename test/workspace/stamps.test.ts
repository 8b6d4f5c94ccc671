/** A CoP's stamps digest alike as numbers (the look) and as text (the reads, the cache's records). */
import { lstatSync, mkdtempSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sizeLines, stampLines } from '../../src/workspace/check-cache.js';
import { stampOf } from '../../src/workspace/read.js';
import { pushStamp, sizeLinesOf, stampsDigest, stampsDigestOfLines } from '../../src/workspace/stamps.js';

const numbersOf = (...infos: ReturnType<typeof lstatSync>[]) => {
  const numbers: number[] = [];
  for (const info of infos) pushStamp(numbers, info as Stats);
  return new Float64Array(numbers);
};

describe('stamps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cop-stamps-'));
  const files = ['a.yaml', 'b.yaml'].map((name, i) => {
    writeFileSync(join(dir, name), 'x'.repeat(i + 1));
    return lstatSync(join(dir, name));
  });

  it('digests stamps alike from numbers and from text as read.ts stampOf writes it, and gives their sizes alike', () => {
    const numbers = numbersOf(...files);
    const lines = stampLines(files.map(stampOf));
    expect(stampsDigestOfLines(lines)).toBe(stampsDigest(numbers));
    expect(sizeLinesOf(numbers)).toBe('1\n2');
    expect(sizeLines(files.map(stampOf))).toBe('1\n2');
    expect(sizeLines([stampOf(files[0]!), undefined])).toBe('1\n-');
    expect(stampsDigestOfLines('')).toBe(stampsDigest(new Float64Array()));
  });

  it('tells stamps apart that differ in any number, or in order', () => {
    const [a, b] = files;
    expect(stampsDigest(numbersOf(a!, b!))).not.toBe(stampsDigest(numbersOf(b!, a!)));
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }).filter((x) => !Object.is(x, -0)), { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 4 }), (stamp, field) => {
        const changed = [...stamp];
        changed[field] = changed[field]! + 1;
        fc.pre(changed[field] !== stamp[field] && !Object.is(changed[field], stamp[field]));
        expect(stampsDigest(new Float64Array(stamp))).not.toBe(stampsDigest(new Float64Array(changed)));
        // Any double a stamp holds (never -0), written as JavaScript writes it, comes back as the same number.
        expect(stampsDigestOfLines(stamp.join(':'))).toBe(stampsDigest(new Float64Array(stamp)));
      }),
    );
  });

  it('digests as text what is not a stamp as stampOf writes it, so it never matches a look', () => {
    const numbers = numbersOf(...files);
    const lines = files.map(stampOf);
    for (const odd of [stampLines([lines[0], undefined]), `${lines[0]}\n${lines[1]}:7`, lines[0]!.replace(/^\d+/, '0x1'), `${lines[0]}\n`, '12:new-1']) {
      expect(stampsDigestOfLines(odd)).toMatch(/^t/);
    }
    expect(stampsDigest(numbers)).toMatch(/^n/);
  });
});
