/** Texts: the kept ones as they are; a meeting log's read again only while its hash is the one checked. */
import { describe, expect, it } from 'vitest';
import { findModeline, openingOf } from '../../src/workspace/modeline.js';
import { textHash, textsOf } from '../../src/workspace/texts.js';

const MEETING = 'cops/aws/meetings/2026-10-14.yaml';
const TEXT = '# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n\ndate: 2026-10-14\n';

describe('textsOf', () => {
  it('gives kept texts as they are, and a digested one read again while it is unchanged', () => {
    let onDisk = TEXT;
    let reads = 0;
    const texts = textsOf(new Map([['people.yaml', 'people: []\n']]), new Map([[MEETING, { hash: textHash(TEXT), opening: openingOf(TEXT) }]]), () => {
      reads++;
      return onDisk;
    });
    expect(texts.get('people.yaml')).toBe('people: []\n');
    expect(texts.get(MEETING)).toBe(TEXT);
    expect(texts.get(MEETING)).toBe(TEXT);
    expect(reads).toBe(1); // read once, then remembered
    expect(texts.get('cops/aws/meetings/2026-10-15.yaml')).toBeUndefined();
    expect(texts.opening(MEETING)).toBe(openingOf(TEXT));
    expect(texts.opening('people.yaml')).toBe('');

    onDisk = `${TEXT}# changed since it was checked\n`;
    const again = textsOf(new Map(), new Map([[MEETING, { hash: textHash(TEXT), opening: '' }]]), () => onDisk);
    expect(again.get(MEETING)).toBeUndefined();
    expect(textsOf(new Map(), new Map([[MEETING, { hash: textHash(TEXT), opening: '' }]]), () => undefined).get(MEETING)).toBeUndefined();
  });
});

describe('openingOf', () => {
  it.each([
    ['', ''],
    ['id: aws\n', ''],
    ['# a\n\n  # b\nid: aws\n# c\n', '# a\n\n  # b\n'],
    ['\uFEFF# a\r\nid: x\r\n', '\uFEFF# a\r\n'],
    ['# only comments\n# and more', '# only comments\n# and more'],
  ])('of %j is %j', (text, opening) => {
    expect(openingOf(text)).toBe(opening);
  });

  it('holds the modeline wherever findModeline finds one', () => {
    const ref = '../../../schemas/meeting.schema.json';
    const cases: [string, { line: number; ref: string } | undefined][] = [
      [TEXT, { line: 1, ref }],
      [`# note\n\n${TEXT}`, { line: 3, ref }],
      [`date: x\n${TEXT}`, undefined],
      [`\uFEFF${TEXT.replaceAll('\n', '\r\n')}`, { line: 1, ref }],
      ['', undefined],
    ];
    for (const [text, modeline] of cases) {
      expect(findModeline(text)).toEqual(modeline);
      expect(findModeline(openingOf(text))).toEqual(modeline);
    }
  });
});
