import stringWidth from 'string-width';
import fc from 'fast-check';
import wrapAnsi from 'wrap-ansi';
import { describe, expect, it } from 'vitest';
import { painted } from '../../src/output/terminal.js';
import { textTable, displayWidth, wrapCell } from '../../src/render/table.js';

describe('textTable', () => {
  it('aligns columns, right-aligning numbers, ignoring colour codes in widths', () => {
    const text = textTable(
      [{ header: 'CoP' }, { header: 'Hours', align: 'right' }],
      [
        ['aws', painted('\u001b[31m12.5\u001b[39m')],
        ['platform-engineering', '3'],
      ],
    );
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('CoP                   Hours');
    expect(lines[2]).toBe('aws                    \u001b[31m12.5\u001b[39m');
    expect(lines[3]).toBe('platform-engineering      3');
  });

  it('takes a bare string cell as data: its escape sequences and line breaks are shown, not obeyed, and the columns align on what is shown', () => {
    const text = textTable(
      [{ header: 'CoP' }, { header: 'Name' }],
      [
        ['aws', '\u001b[8mhidden\u001b[0m'],
        ['a\nb', 'Plain'],
      ],
    );
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe('aws       \\u001B[8mhidden\\u001B[0m');
    expect(lines[3]).toBe('a\\u000Ab  Plain');
  });
});

describe('textTable with a text in many cells', () => {
  it('pads it to the width and side of each column it is in', () => {
    const figure = '2 h';
    const text = textTable(
      [{ header: 'Name' }, { header: 'Left' }, { header: 'Right column', align: 'right' }],
      [
        ['ann', figure, figure],
        ['bo', 'a longer text', figure],
        ['cy', figure, '12.5 h'],
      ],
    );
    expect(text.trimEnd().split('\n')).toEqual([
      'Name  Left           Right column',
      '────  ─────────────  ────────────',
      'ann   2 h                     2 h',
      'bo    a longer text           2 h',
      'cy    2 h                  12.5 h',
    ]);
  });
});

describe('textTable within a width', () => {
  const widest = (text: string) => Math.max(...text.split('\n').map((line) => stringWidth(line)));
  const columns = [{ header: 'CoP' }, { header: 'Preparation', align: 'right' as const }, { header: 'Notes' }];
  const rows = [
    ['José Ñúñez café', '2.5 h [125% of 2 h] over', 'a long note that has to wrap between its words'],
    ['数据工程', '12 h [100% of 12 h]', 'CJK names are two columns wide 🚀'],
  ];

  it('measures accents, CJK and emoji by display width, and fits the width given', () => {
    const text = textTable(columns, rows, 40);
    expect(widest(text)).toBeLessThanOrEqual(40);
    // A figure keeps its unit: no line ends in a bare number before its `h`.
    for (const line of text.split('\n')) expect(line).not.toMatch(/\d$/);
    expect(text).toContain('José Ñúñez café');
    expect(text).toContain('数据工程');
  });

  it('splits the columns into groups that repeat the first one when even wrapped they are too wide', () => {
    const text = textTable(columns, rows, 30);
    expect(widest(text)).toBeLessThanOrEqual(30);
    expect(text.split('\n').filter((line) => line.startsWith('CoP'))).toHaveLength(2);
  });

  it('is not cut or wrapped without a width (a pipe or a file)', () => {
    const text = textTable(columns, rows);
    expect(text.split('\n')).toHaveLength(4 + 1);
    expect(text).toContain('a long note that has to wrap between its words');
  });
});

describe('the narrow fast path', () => {
  // Cells built from characters on both sides of the fast path's boundary: spaces and no-break
  // spaces (trimmed differently), figures with units (glued), accents, dashes, the euro, CJK, emoji.
  const alphabet = fc.constantFrom(' ', ' ', ' ', 'a', 'B', '1', '2', '.', 'h', '[', '%', '–', '€', 'é', '·', '•', '▇', '─', '\u00a0', '\u2003', '\u2028', '©', '\u00ad', '数', '🚀', 'e\u0301');
  const text = fc.array(alphabet, { maxLength: 30 }).map((chars) => chars.join(''));

  it('measures exactly what string-width measures', () => {
    fc.assert(fc.property(text, (t) => displayWidth(t) === stringWidth(t)), { numRuns: 2000 });
  });

  it('wraps exactly as wrap-ansi does (figures keep their unit)', () => {
    const slow = (t: string, w: number) =>
      wrapAnsi(t.replace(/(\d) (h)(?=\W|$)/g, '$1\u00a0$2'), w, { hard: false, trim: true }).replaceAll('\u00a0', ' ').split('\n');
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 32 }), (t, w) => {
      expect(wrapCell(t, w)).toEqual(slow(t, w));
    }), { numRuns: 2000 });
  });
});
