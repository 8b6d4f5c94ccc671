import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../src/budget/compute.js';
import { resolvePeriod } from '../../../src/budget/period.js';
import { csvField } from '../../../src/output/csv.js';
import { CSV_COLUMNS, financeCsv, reportCsv } from '../../../src/render/report/csv.js';
import { reportRenderer } from '../../../src/render/report/index.js';
import { reportJson } from '../../../src/render/report/json.js';
import { reportMarkdown } from '../../../src/render/report/markdown.js';
import { reportTable } from '../../../src/render/report/table.js';
import { fixture, reportFor } from '../../budget/fixture.js';
import { forgeries, outline, parseMarkdown, textOf } from '../../helpers/markdown.js';

// The April 2026 figures are worked out by hand in test/budget/fixture.ts and compute.test.ts.
const april = () => reportFor('2026-04', '2026-05-20');

describe('table', () => {
  it('prints figures as `actual [percent of budget]`, rounded only here', () => {
    const text = reportTable(april(), false);
    expect(text).toMatch(/^Test Org: CoP report, April 2026 \(as of 2026-05-20\)\n/);
    // alpha: 2 meetings, 5 people, 0 guests, 2 h attendance, no outputs, 3 h of 2 h, 1.125 → 1.1 h a month YTD, £30, £7.50 a head of £5.
    expect(text).toMatch(/alpha\s+2\s+5\s+0\s+2 h\s+0\s+3 h \[150% of 2 h\] over\s+1\.1 h \[56% of 2 h\]\s+£30\.00\s+£7\.50 \[150% of £5\.00\] over\n/);
    // Then what is left of the year's 24 h (19.5 h), the forecast at 4.5 h per 4 months (13.5 h), money and its forecast (166 ÷ 4 × 12).
    expect(text).toMatch(/alpha\s+4\s+3\s+6\.5 h\s+0\s+4\.5 h \[56% of 8 h\]\s+19\.5 h\s+13\.5 h \[56% of 24 h\]\s+£166\.00\s+£498\.00\s+licence £120\.00 \[100% of £120\.00\]; refreshments £46\.00 \[115% of £40\.00\] over/);
    // ann: 3.5 h of 3 h (117%), 5 h of 12 h year to date, across two CoPs.
    expect(text).toMatch(/Ann\s+3\.5 h \[117% of 3 h\] over\s+5 h \[42% of 12 h\]\s+alpha 1 h, beta 2\.5 h/);
    // The organisation: 19.5 h of 120 h (16.25%), £216 of £200 pro rata, forecast £648.
    expect(text).toMatch(/Year to date\s+19\.5 h \[16% of 120 h\]\s+£216\.00 \[36% of £600\.00\]/);
    expect(text).toMatch(/Pro rata \(4\/12 of the year\)\s+19\.5 h \[49% of 40 h\]\s+£216\.00 \[108% of £200\.00\] over/);
    expect(text).toMatch(/Forecast for 2026\s+58\.5 h \[49% of 120 h\]\s+£648\.00 \[108% of £600\.00\] over/);
    expect(text).toContain('  • gamma is proposed, not yet approved: it has no budget; its 1 meeting log in the period is not counted.');
    expect(text).not.toContain('\u001b[');
  });

  it('marks over-budget figures with the word "over", and colours them only when asked', () => {
    expect(reportTable(april(), true)).toContain('\u001b[31m3 h [150% of 2 h] over\u001b[39m');
    expect(reportTable(april(), true)).not.toContain('\u001b[31m1 h [25% of 4 h]');
  });

  it('prints one column per month for a range', () => {
    const report = computeReport(fixture(), { period: resolvePeriod({ from: '2026-03', to: '2026-04' }, '2026-05-20') });
    const text = reportTable(report, false);
    expect(text).toContain('Preparation and output hours, March–April 2026');
    // alpha: 1.5 h then 3 h, 4.5 h of 4 h over the two months; beta not yet active in March.
    expect(text).toMatch(/alpha\s+1\.5 h \[75% of 2 h\]\s+3 h \[150% of 2 h\] over\s+4\.5 h \[113% of 4 h\] over/);
    expect(text).toMatch(/beta\s+–\s+1 h \[25% of 4 h\]\s+1 h \[25% of 4 h\]/);
  });

  it('shows aggregates instead of people when anonymised', () => {
    const text = reportTable(reportFor('2026-04', '2026-05-20', { anonymise: true }), false);
    expect(text).toMatch(/People \(anonymised\)[^\n]*\nMonth\s+People\s+Hours\s+Over budget\n[─ ]+\n2026-04\s+3\s+7 h\s+1 over\n/);
    expect(text).toContain('1 person over their monthly CoP hours in April 2026.');
    expect(text).not.toContain('Ann');
  });
});

describe('namesakes', () => {
  // ann (over her 3 h in April) and p1 share a name; the figures are the fixture's April.
  const namesakes = () => {
    const ws = fixture();
    for (const p of ws.people!.data) if (p.id === 'ann' || p.id === 'p1') p.name = 'Sam Lee';
    return computeReport(ws, { period: resolvePeriod({ month: '2026-04' }, '2026-05-20') });
  };

  it('tells namesakes apart by id in the table, in Markdown and in what needs attention', () => {
    const report = namesakes();
    const table = reportTable(report, false);
    expect(table).toMatch(/\nSam Lee \(ann\)\s+3\.5 h \[117% of 3 h\] over/);
    expect(table).toMatch(/\nSam Lee \(p1\)\s+\d/);
    expect(table).toContain('Sam Lee (ann): 3.5 h, 117% of 3 h of CoP work time in April 2026.');
    expect(table).not.toMatch(/Sam Lee(?! \()/);
    const markdown = reportMarkdown(report);
    expect(markdown).toContain('| Sam Lee (ann) | **3.5 h \\[117% of 3 h] over** ⚠️ |');
    expect(markdown).toContain('| Sam Lee (p1) |');
  });

  it('keeps the name as it is in JSON, beside the id', () => {
    const people = JSON.parse(reportJson(namesakes())).people as { id: string; name: string }[];
    expect(people.filter((p) => p.name === 'Sam Lee').map((p) => p.id)).toEqual(['ann', 'p1']);
  });

  it('leaves a name no one else has as it is', () => {
    expect(reportTable(april(), false)).toMatch(/\nAnn\s+3\.5 h/);
  });
});

describe('markdown', () => {
  it('prints headings and tables with over-budget figures in bold', () => {
    const text = reportMarkdown(april());
    expect(text).toMatch(/^# Test Org: CoP report, April 2026 \(as of 2026-05-20\)\n\n## CoPs, April 2026\n\n\| CoP \| Meetings \|/);
    expect(text).toContain('| alpha | 2 | 5 | 0 | 2 h | 0 | **3 h \\[150% of 2 h] over** ⚠️ | 1.1 h \\[56% of 2 h] | £30.00 | **£7.50 \\[150% of £5.00] over** ⚠️ |');
    expect(text).toContain('| beta | 1 | 2 | 0 | 5 h | 0 | 1 h \\[25% of 4 h] | 1 h \\[25% of 4 h] | £0.00 | – |');
    expect(text).toContain('## Needs attention\n\n- ');
  });

  it('keeps a hostile organisation or person name to its heading or cell (issue 22, row 4)', () => {
    const hostile = april();
    hostile.organisation.name = 'Acme <img src=https://tracker.example/p.png> @acme/everyone\n\n<!--';
    hostile.people[0]!.name = 'Ann\r| forged | row |\r# Heading';
    const plain = parseMarkdown(reportMarkdown(april()));
    const tree = parseMarkdown(reportMarkdown(hostile));
    expect(outline(tree)).toEqual(outline(plain));
    expect(forgeries(tree)).toEqual([]);
    expect(textOf(tree.children[0]!)).toBe('Acme <img src=https:\u200b//tracker.example/p.png> @\u200bacme/everyone  <!--: CoP report, April 2026 (as of 2026-05-20)');
    // The last section, after both names, is still there to read.
    expect(textOf(tree.children.at(-1)!)).toBe(textOf(plain.children.at(-1)!));
  });
});

describe('json', () => {
  it('prints the report data with a schema_version and numbers rounded to hundredths', () => {
    const parsed = JSON.parse(reportJson(april()));
    expect(Object.keys(parsed)).toEqual(['schema_version', 'period', 'anonymised', 'filters', 'cops', 'people', 'peopleSummary', 'organisation', 'attention']);
    expect(parsed.schema_version).toBe(1);
    expect(parsed.period).toMatchObject({ from: '2026-04', to: '2026-04', year: 2026 });
    const ann = parsed.people.find((p: { id: string }) => p.id === 'ann');
    // 3.5 h of 3 h: 116.666…% → 116.67.
    expect(ann.months[0].hours.percent).toBe(116.67);
    // 4.5 h over 4 active months = 1.125 h → 1.13.
    expect(parsed.cops[0].yearToDate.preparationAverage.actual).toBe(1.13);
    expect(parsed.organisation.forecast.money.actual).toBe(648);
  });
});

describe('csv', () => {
  it('prints one tidy row per CoP and month', () => {
    const lines = reportCsv(april()).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.slice(1)).toEqual([
      'alpha,ALPHA,active,p1,2026-04,true,2,5,0,2.00,3.00,2.00,1.00,150.0,30.00,30.00,0.00,4,7.50,5.00,GBP,0,0.00',
      'beta,BETA,active,p2,2026-04,true,1,2,0,5.00,1.00,4.00,-3.00,25.0,0.00,0.00,0.00,0,,6.00,GBP,0,0.00',
      '',
    ]);
  });

  it('prints a zero row for a month with no logs, and one row per month of a range', () => {
    const may = reportCsv(computeReport(fixture(), { period: resolvePeriod({ month: '2026-05' }, '2026-06-10'), cops: ['beta'] }));
    expect(may.split('\r\n')[1]).toBe('beta,BETA,active,p2,2026-05,true,0,0,0,0.00,0.00,4.00,-4.00,0.0,0.00,0.00,0.00,0,,6.00,GBP,0,0.00');
    const range = reportCsv(computeReport(fixture(), { period: resolvePeriod({ from: '2026-02', to: '2026-04' }, '2026-05-20') }));
    expect(range.split('\r\n').slice(1, -1).map((line) => line.split(',').slice(0, 5).join(' '))).toEqual([
      'alpha ALPHA active p1 2026-02',
      'alpha ALPHA active p1 2026-03',
      'alpha ALPHA active p1 2026-04',
      'beta BETA active p2 2026-04',
      'delta DELTA dissolved p1 2026-02',
    ]);
  });

  it('quotes fields as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Tea, "biscuits"')).toBe('"Tea, ""biscuits"""');
  });
});

describe('reportRenderer', () => {
  it('dispatches on the format name', async () => {
    const report = april();
    expect((await reportRenderer('json'))(report, false)).toBe(reportJson(report));
    expect((await reportRenderer('csv'))(report, false)).toBe(reportCsv(report));
    expect((await reportRenderer('finance-csv'))(report, false)).toBe(financeCsv(report));
    expect((await reportRenderer('markdown'))(report, false)).toBe(reportMarkdown(report));
    expect((await reportRenderer('table'))(report, false)).toBe(reportTable(report, false));
  });
});

describe('a figure over its budget says "over" once', () => {
  it('in the remaining-of-the-year cell of the table and of the Markdown', async () => {
    const { workspace, charter, meeting } = await import('../../helpers/workspace.js');
    // 30 h of preparation in January against 2 h a month: the year's 24 h are 6 h overspent.
    const ws = workspace({ cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-01-20', { preparation: [{ person: 'p2', hours: 30 }] })] } } });
    const report = computeReport(ws, { period: resolvePeriod({ year: '2026' }, '2026-11-20') });
    const table = reportTable(report, false, Infinity);
    expect(table).toContain('6 h over');
    expect(table).not.toMatch(/over\s+over/);
    const markdown = reportMarkdown(report);
    expect(markdown).toContain('**6 h over** ⚠️');
    expect(markdown).not.toMatch(/over\s+over/);
  });
});

describe('figures repeated over thousands of cells', () => {
  it('draw each person-month against that person’s own monthly hours, whoever else has the same hours', async () => {
    const { workspace, charter, meeting, person } = await import('../../helpers/workspace.js');
    // Work-hours meetings of 2 h and 1 h: p1…p5 attend the same hours, against 4, 2, 8, 2 and 4 h a month.
    const monthly = [4, 2, 8, 2, 4];
    const ws = workspace({
      people: monthly.map((hours, i) => person(`p${i + 1}`, { monthly_hours: hours })),
      cops: {
        aws: {
          charter: charter('aws', { format: { formats: ['round-table'], cadence: 'monthly', duration_minutes: 60, slot: 'work-hours' } }),
          meetings: [meeting('2026-02-10', { duration_minutes: 120 }), meeting('2026-03-10', { attendees: ['p1', 'p2', 'p3'] }), meeting('2026-04-10')],
        },
      },
    });
    const report = computeReport(ws, { period: resolvePeriod({ from: '2026-02', to: '2026-04' }, '2026-05-20') });
    const table = reportTable(report, false);
    const rows = table.split('\n').filter((line) => /^P\d /.test(line)).map((line) => line.split(/ {2,}/));
    // Each cell as measured on its own: hours, their share of the person's monthly hours, "over" above them.
    const cell = (hours: number, budget: number) => `${hours} h [${Math.round((hours / budget) * 100)}% of ${budget} h]${hours > budget ? ' over' : ''}`;
    const attended = [[2, 1, 1], [2, 1, 1], [2, 1, 1], [2, 0, 1], [2, 0, 1]];
    expect(rows.map((row) => row.slice(1, 4))).toEqual(attended.map((hours, i) => hours.map((h) => cell(h, monthly[i]!))));
    expect(rows.map((row) => row[0])).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    // The JSON holds the same figures, a measure for each person-month.
    const json = JSON.parse(reportJson(report)) as { people: { months: { hours: { actual: number; budget: number; over: boolean } }[] }[] };
    expect(json.people.map((p) => p.months.map((m) => [m.hours.actual, m.hours.budget, m.hours.over]))).toEqual(attended.map((hours, i) => hours.map((h) => [h, monthly[i], h > monthly[i]!])));
  });
});
