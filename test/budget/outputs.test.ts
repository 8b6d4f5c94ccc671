/**
 * Output hours in `cop report`: preparation-and-output time against the CoP's monthly budget, in
 * the month of the output's date; output costs as money. Figures worked out by hand on the
 * report fixture (test/budget/fixture.ts), to which two outputs are added here.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/budget/compute.js';
import { resolvePeriod } from '../../src/budget/period.js';
import { financeCsv, reportCsv } from '../../src/render/report/csv.js';
import { reportMarkdown } from '../../src/render/report/markdown.js';
import { reportTable } from '../../src/render/report/table.js';
import { output } from '../helpers/workspace.js';
import { parseMarkdown, textOf } from '../helpers/markdown.js';
import { fixture } from './fixture.js';

/** The fixture with alpha's outputs: a talk on 30 April (p1 2 h, ann 0.5 h, £12 travel), a written guide on 1 May (p2 1 h). */
function withOutputs() {
  const ws = fixture();
  const alpha = ws.cops.find((cop) => cop.id === 'alpha')!;
  alpha.outputs = [
    { file: 'cops/alpha/outputs/2026-04-30-talk.yaml', data: output('2026-04-30', { kind: 'talk', audience: 'public', url: 'https://t.example/x', hours: [{ person: 'p1', hours: 2 }, { person: 'ann', hours: 0.5 }], costs: [{ category: 'travel', amount: 12 }] }) },
    { file: 'cops/alpha/outputs/2026-05-01-guide.yaml', data: output('2026-05-01', { kind: 'written-training', hours: [{ person: 'p2', hours: 1 }] }) },
  ];
  return ws;
}
const april = (ws = withOutputs()) => computeReport(ws, { period: resolvePeriod({ month: '2026-04' }, '2026-05-20') });

describe('output hours in cop report', () => {
  it("count in the CoP's preparation-and-output time in the month of their date, against the same budget", () => {
    const alpha = april().cops.find((cop) => cop.id === 'alpha')!;
    // April: meeting preparation 3 h (fixture) + the talk's 2.5 h = 5.5 h of 2 h; the May guide is not in April.
    expect(alpha.months[0]!.preparation).toMatchObject({ actual: 5.5, budget: 2, over: true });
    expect(alpha.months[0]!.outputs).toEqual({ count: 1, hours: 2.5, byKind: [{ kind: 'talk', outputs: 1, hours: 2.5 }] });
    // Year to date: 1.5 + 3 + 2.5 = 7 h of 8 h (four active months of 2 h).
    expect(alpha.yearToDate.preparation).toMatchObject({ actual: 7, budget: 8 });
    expect(alpha.yearToDate.outputs.hours).toBe(2.5);
    // Money: the travel counts (£30 refreshments + £12), and the charter does not allow travel.
    expect(alpha.months[0]!.money).toEqual({ total: 42, byCategory: { refreshments: 30, travel: 12 } });
    expect(alpha.yearToDate.costs.find((line) => line.category === 'travel')).toEqual({ category: 'travel', spent: 12, allowance: null, over: true });
  });

  it("add to the organisation's hours, and attendance per person is unchanged (output hours are the CoP's, not the person's)", () => {
    const plain = computeReport(fixture(), { period: resolvePeriod({ month: '2026-04' }, '2026-05-20') });
    const report = april();
    expect(report.organisation.yearToDate.preparationHours).toBe(plain.organisation.yearToDate.preparationHours + 2.5);
    expect(report.organisation.yearToDate.outputHours).toBe(2.5);
    expect(report.organisation.yearToDate.hours.actual).toBe(plain.organisation.yearToDate.hours.actual + 2.5);
    expect(report.people).toEqual(plain.people);
  });

  it('a range lists each month with its own outputs, by kind', () => {
    const report = computeReport(withOutputs(), { period: resolvePeriod({ from: '2026-04', to: '2026-05' }, '2026-06-10') });
    const alpha = report.cops.find((cop) => cop.id === 'alpha')!;
    expect(alpha.months.map((m) => [m.month, m.outputs.count, m.outputs.hours])).toEqual([['2026-04', 1, 2.5], ['2026-05', 1, 1]]);
    expect(alpha.period.outputs.byKind).toEqual([{ kind: 'written-training', outputs: 1, hours: 1 }, { kind: 'talk', outputs: 1, hours: 2.5 }]);
  });

  it('shows in the table and Markdown as the outputs and their hours beside preparation and outputs', () => {
    expect(reportTable(april(), false)).toMatch(/alpha\s+2\s+5\s+0\s+2 h\s+1 \(2\.5 h\)\s+5\.5 h \[275% of 2 h\] over/);
    const tree = parseMarkdown(reportMarkdown(april()));
    const table = tree.children.find((node) => node.type === 'table')!;
    const rows = (table as { children: { children: unknown[] }[] }).children.map((row) => row.children.map((cell) => textOf(cell as never)));
    const header = rows[0]!;
    const alpha = rows.find((row) => row[0] === 'alpha')!;
    expect(alpha[header.indexOf('Outputs')]).toBe('1 (2.5 h)');
    expect(alpha[header.indexOf('Preparation and outputs')]).toBe('5.5 h [275% of 2 h] over ⚠️');
  });

  it('adds outputs and output hours to the CSV, and output hours per kind to the finance CSV', () => {
    const rows = parse(reportCsv(april()), { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.cop === 'alpha')).toMatchObject({ preparation_hours: '5.50', outputs: '1', output_hours: '2.50' });
    const finance = parse(financeCsv(april()), { columns: true }) as Record<string, string>[];
    expect(finance.find((row) => row.cop === 'alpha')).toMatchObject({ preparation_hours: '5.50', output_hours_talk: '2.50', output_hours_written_training: '0.00', money_travel: '12.00' });
  });
});
