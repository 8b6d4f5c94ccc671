import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { textTable, truncate, wrapLines } from '../../src/render/table.js';

const widest = (text: string) => Math.max(...text.split('\n').map((line) => stringWidth(line)));

describe('textTable within a width', () => {
  const columns = [{ header: 'Person' }, { header: 'Hours this month', align: 'right' as const }, { header: 'CoPs' }];
  const rows = [
    ['Zoë Ångström', '12.5 h [125% of 10 h]', 'platform-engineering 1.5 h, data-engineering 11 h'],
    ['山田太郎', '3 h [50% of 6 h]', 'mobile 3 h'],
    ['Ada 🚀 Lovelace', '0 h', '–'],
  ];

  it('keeps the natural layout when it fits, aligning by display width (accents, CJK, emoji)', () => {
    const out = textTable(columns, rows);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    // Every row's second column ends at the same display column.
    const ends = lines.slice(2).map((line) => stringWidth(line.slice(0, line.indexOf(' h', line.indexOf('h') > 0 ? 0 : 0))));
    expect(new Set(lines.slice(2).map((line) => stringWidth(line.split(/\s{2,}/).slice(0, 2).join('  '))))).toBeDefined();
    const hoursEnd = (line: string) => {
      const cells = line.split(/ {2,}/);
      return stringWidth(line.slice(0, line.indexOf(cells[1]!) + cells[1]!.length));
    };
    expect(new Set(lines.slice(2).map(hoursEnd)).size).toBe(1);
    expect(ends.length).toBe(3);
  });

  it('wraps between words to fit, never splitting a figure from its unit', () => {
    const out = textTable(columns, rows, 40);
    expect(widest(out)).toBeLessThanOrEqual(40);
    expect(out).not.toMatch(/\d\n/);
    for (const line of out.split('\n')) expect(line).not.toMatch(/^\s*h\b/);
    expect(out.replace(/\s+/g, ' ')).toContain('platform-engineering');
  });

  it('splits the columns into groups repeating the first when even wrapping cannot fit', () => {
    const wide = [{ header: 'CoP' }, ...['January', 'February', 'March', 'April', 'May', 'June'].map((header) => ({ header, align: 'right' as const }))];
    const out = textTable(wide, [['platform-engineering', '10.5 h', '11 h', '12 h', '13 h', '14 h', '15 h']], 30);
    expect(widest(out)).toBeLessThanOrEqual(30);
    expect(out.match(/^CoP/gm)!.length).toBeGreaterThan(1);
    for (const month of ['January', 'June']) expect(out).toContain(month);
  });

  it('cuts a long first-column name with an ellipsis, by display width', () => {
    expect(truncate('platform-engineering', 12)).toBe('platform-en…');
    expect(stringWidth(truncate('山田太郎山田太郎', 7))).toBeLessThanOrEqual(7);
    expect(truncate('aws', 12)).toBe('aws');
  });

  it('wraps prose lines under their indentation, and leaves everything alone without a limit', () => {
    const text = '  warnings: a very long sentence that goes on and on past the edge of a narrow terminal';
    expect(widest(wrapLines(text, 40))).toBeLessThanOrEqual(40);
    expect(wrapLines(text, 40).split('\n')[1]).toMatch(/^ {4}\S/);
    expect(wrapLines(text, Infinity)).toBe(text);
  });
});
