import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/budget/compute.js';
import { resolvePeriod } from '../../src/budget/period.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';
import { fixture, reportFor } from './fixture.js';

// April 2026 as of 2026-05-20: the period is April, year to date January–April.
const april = () => reportFor('2026-04', '2026-05-20');
const cop = (report: ReturnType<typeof april>, id: string) => {
  const found = report.cops.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} in the report`);
  return found;
};

describe('per CoP and month', () => {
  it('lunch meetings cost no work hours; work-hours meetings cost duration × attendees', () => {
    const m = cop(april(), 'alpha').months;
    expect(m.map((x) => x.month)).toEqual(['2026-04']);
    // 04-01 at lunch: 0; 04-14 in work hours: 1 h × 2 attendees.
    expect(m[0]!.attendanceHours).toBe(2);
    expect(m[0]!.meetings).toBe(2);
    // ann, bob, p2, p3 (04-01) ∪ ann, p1 (04-14) = 5 distinct people.
    expect(m[0]!.people).toBe(5);
    // beta's only log overrides the charter's lunch slot: 2.5 h × 2.
    expect(cop(april(), 'beta').months[0]!.attendanceHours).toBe(5);
  });

  it('charges preparation to the CoP budget: month and year-to-date average', () => {
    const alpha = cop(april(), 'alpha');
    // April: 3 h against 2 h → 150%, over.
    expect(alpha.months[0]!.preparation).toEqual({ actual: 3, budget: 2, variance: 1, percent: 150, over: true });
    // Year to date: March 1.5 + April 3 = 4.5 h against 2 h × 4 active months (January–April) = 8 h.
    expect(alpha.yearToDate.activeMonths).toBe(4);
    expect(alpha.yearToDate.preparation).toEqual({ actual: 4.5, budget: 8, variance: -3.5, percent: 56.25, over: false });
    // 4.5 ÷ 4 = 1.125 h a month on average, within 2.
    expect(alpha.yearToDate.preparationAverage.actual).toBe(1.125);
    expect(alpha.yearToDate.preparationAverage.over).toBe(false);
    // Preparation is not charged to the person who prepared (p2 prepared 3 h but attended only at lunch).
    expect(april().people.map((p) => p.id)).not.toContain('p2');
  });

  it('refreshments per head divides by the participants of the meetings that had refreshments', () => {
    const m = cop(april(), 'alpha').months[0]!;
    // 30 for the 4 participants of 04-01 (04-14 had no refreshments): 7.5 against the charter's cap of 5.
    expect(m.refreshments.cost).toBe(30);
    expect(m.refreshments.participants).toBe(4);
    expect(m.refreshments.perHead).toEqual({ actual: 7.5, budget: 5, variance: 2.5, percent: 150, over: true });
    expect(m.money).toEqual({ total: 30, byCategory: { refreshments: 30 } });
  });

  it('compares money by category year to date with what the charter allows', () => {
    const ytd = cop(april(), 'alpha').yearToDate;
    // 16 + 120 (March) + 30 (April).
    expect(ytd.money).toEqual({ total: 166, byCategory: { licence: 120, refreshments: 46 } });
    expect(ytd.costs).toEqual([
      // licence: 120 a year allowed.
      { category: 'licence', spent: 120, allowance: 120, over: false },
      // refreshments: cap 5 × (4 participants on 03-31 + 4 on 04-01) = 40 allowed; 46 spent.
      { category: 'refreshments', spent: 46, allowance: 40, over: true },
    ]);
  });

  it('gives a CoP activated mid-year a pro-rata year-to-date budget', () => {
    const beta = cop(april(), 'beta');
    expect(beta.activeFrom).toBe('2026-04');
    // Active in April only: 4 h × 1 month.
    expect(beta.yearToDate.activeMonths).toBe(1);
    expect(beta.yearToDate.preparation.budget).toBe(4);
    const may = computeReport(fixture(), { period: resolvePeriod({ month: '2026-05' }, '2026-06-10') });
    // April and May: 4 h × 2 months = 8 h; 1 h used.
    expect(cop(may, 'beta').yearToDate.preparation).toEqual({ actual: 1, budget: 8, variance: -7, percent: 12.5, over: false });
  });

  it('reports a month with no logs as zero, not as a missing row', () => {
    const may = computeReport(fixture(), { period: resolvePeriod({ month: '2026-05' }, '2026-06-10') });
    const m = cop(may, 'beta').months;
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ month: '2026-05', active: true, meetings: 0, people: 0, guests: 0, attendanceHours: 0 });
    expect(m[0]!.preparation).toEqual({ actual: 0, budget: 4, variance: -4, percent: 0, over: false });
    expect(m[0]!.money).toEqual({ total: 0, byCategory: {} });
    expect(may.attention).toContainEqual(expect.objectContaining({ kind: 'no-logs', cop: 'beta', month: '2026-05' }));
  });

  it('puts meetings on the 31st, the 1st and the 30th in their own month', () => {
    const march = reportFor('2026-03', '2026-04-10');
    expect(cop(march, 'alpha').months[0]).toMatchObject({ month: '2026-03', meetings: 1, attendanceHours: 4.5, guests: 1 });
    expect(cop(april(), 'alpha').months[0]!.meetings).toBe(2);
    expect(cop(april(), 'beta').months[0]!.meetings).toBe(1);
  });

  it('puts a leap day in February', () => {
    const ws = workspace({
      cops: {
        leap: {
          charter: charter('leap', { created: '2028-01-03', activated: '2028-01-03' }),
          meetings: [meeting('2028-01-31'), meeting('2028-02-29'), meeting('2028-03-01')],
        },
      },
    });
    const months = (month: string) => computeReport(ws, { period: resolvePeriod({ month }, '2028-04-15') }).cops[0]!.months[0]!.meetings;
    expect([months('2028-01'), months('2028-02'), months('2028-03')]).toEqual([1, 1, 1]);
  });

  it('shows a dissolved CoP only for the months it was active', () => {
    // Dissolved on 2026-03-01: its last active day is 28 February.
    expect(reportFor('2026-02', '2026-03-10').cops.map((c) => c.id)).toEqual(['alpha', 'delta']);
    // March: delta is gone; beta was created but only activated in April and has no March log.
    expect(reportFor('2026-03', '2026-04-10').cops.map((c) => c.id)).toEqual(['alpha']);
    const delta = cop(reportFor('2026-02', '2026-03-10'), 'delta');
    expect(delta).toMatchObject({ status: 'dissolved', activeUntil: '2026-02' });
    // January and February 2026: 1 h × 2.
    expect(delta.yearToDate.preparation).toMatchObject({ actual: 0.5, budget: 2 });
  });

  it('does not budget proposed CoPs and says so', () => {
    const report = april();
    expect(report.cops.map((c) => c.id)).not.toContain('gamma');
    // gamma's 10 of refreshments is not in the organisation's money (see the organisation test).
    expect(report.attention).toContainEqual(expect.objectContaining({ kind: 'proposed-not-budgeted', cop: 'gamma' }));
  });

  it('adds up a range of months', () => {
    const report = computeReport(fixture(), { period: resolvePeriod({ from: '2026-03', to: '2026-04' }, '2026-05-20') });
    const alpha = cop(report, 'alpha');
    expect(alpha.months.map((m) => m.month)).toEqual(['2026-03', '2026-04']);
    // 1.5 + 3 h against 2 h × 2 months.
    expect(alpha.period.preparation).toMatchObject({ actual: 4.5, budget: 4, over: true });
    // {ann, bob, p1} ∪ {ann, bob, p2, p3, p1}.
    expect(alpha.period.people).toBe(5);
    expect(alpha.period.attendanceHours).toBe(6.5);
  });
});

describe('per person', () => {
  it('sums a person across CoPs against their monthly hours', () => {
    const ann = april().people.find((p) => p.id === 'ann')!;
    // alpha 04-14: 1 h; beta 04-30: 2.5 h; alpha 04-01 was at lunch.
    expect(ann.byCop).toEqual({ alpha: 1, beta: 2.5 });
    expect(ann.months[0]!.hours).toMatchObject({ actual: 3.5, budget: 3, over: true });
    expect(ann.months[0]!.hours.percent).toBeCloseTo(116.667, 2);
    // Year to date: March 1.5 + April 3.5 = 5 h against 3 h × 4 months.
    expect(ann.yearToDate).toMatchObject({ actual: 5, budget: 12, over: false });
    expect(april().attention).toContainEqual(expect.objectContaining({ kind: 'person-over-budget', person: 'ann', month: '2026-04' }));
  });

  it('lists the people with work hours in the period, with the policy default when people.yaml has none', () => {
    const people = april().people;
    expect(people.map((p) => p.id)).toEqual(['ann', 'p1', 'p4']);
    expect(people.find((p) => p.id === 'p4')!.months[0]!.hours).toMatchObject({ actual: 2.5, budget: 4, percent: 62.5 });
    expect(april().peopleSummary.period).toEqual({ people: 3, hours: 7, overBudget: 1 });
  });

  it('replaces people with aggregates when anonymised', () => {
    const report = reportFor('2026-04', '2026-05-20', { anonymise: true });
    expect(report.anonymised).toBe(true);
    expect(report.people).toEqual([]);
    expect(report.peopleSummary.months).toEqual([{ month: '2026-04', people: 3, hours: 7, overBudget: 1 }]);
    expect(report.attention).toContainEqual(expect.objectContaining({ kind: 'people-over-budget', month: '2026-04' }));
    expect(JSON.stringify(report)).not.toMatch(/Ann|"ann"/);
  });

  it('follows the policy setting unless told otherwise', () => {
    const ws = fixture();
    ws.policy = { ...ws.policy, anonymise_reports: true };
    const period = resolvePeriod({ month: '2026-04' }, '2026-05-20');
    expect(computeReport(ws, { period }).people).toEqual([]);
    expect(computeReport(ws, { period, anonymise: false }).people).toHaveLength(3);
  });
});

describe('the organisation', () => {
  it('adds every budgeted CoP year to date against the yearly budget, pro rata and forecast', () => {
    const org = april().organisation;
    // Attendance: delta 2 + alpha 4.5 (March) + alpha 2 + beta 5 (April) = 13.5 h.
    // Preparation: delta 0.5 + alpha 1.5 + alpha 3 + beta 1 = 6 h. Money: delta 50 + alpha 136 + alpha 30 = 216 (gamma's 10 not counted).
    expect(org.yearToDate.attendanceHours).toBe(13.5);
    expect(org.yearToDate.preparationHours).toBe(6);
    expect(org.yearToDate.hours).toMatchObject({ actual: 19.5, budget: 120, percent: 16.25, over: false });
    expect(org.yearToDate.money).toMatchObject({ actual: 216, budget: 600, percent: 36, over: false });
    // April alone: attendance 2 + 5, preparation 3 + 1; money 30.
    expect(org.period).toEqual({ attendanceHours: 7, preparationHours: 4, outputHours: 0, hours: 11, money: 30 });
    // Four months elapsed: 120 × 4/12 = 40 h, 600 × 4/12 = 200 (216 is over).
    expect(org.monthsElapsed).toBe(4);
    expect(org.proRata.hours).toMatchObject({ actual: 19.5, budget: 40, percent: 48.75, over: false });
    expect(org.proRata.money).toMatchObject({ actual: 216, budget: 200, percent: 108, over: true });
    // Forecast: 19.5 ÷ 4 × 12 = 58.5 h; 216 ÷ 4 × 12 = 648.
    expect(org.forecast.hours).toMatchObject({ actual: 58.5, budget: 120 });
    expect(org.forecast.money).toMatchObject({ actual: 648, budget: 600, over: true });
    expect(april().attention[0]).toMatchObject({ kind: 'organisation-over-pro-rata' });
  });

  it('is not narrowed by the filters', () => {
    const filtered = reportFor('2026-04', '2026-05-20', { cops: ['beta'] });
    expect(filtered.cops.map((c) => c.id)).toEqual(['beta']);
    expect(filtered.organisation).toEqual(april().organisation);
  });

  it('says when the year has no budget', () => {
    const ws = fixture();
    ws.config = { ...ws.config, budgets: [] };
    const report = computeReport(ws, { period: resolvePeriod({ month: '2026-04' }, '2026-05-20') });
    expect(report.organisation.budget).toBeNull();
    expect(report.organisation.yearToDate.hours).toEqual({ actual: 19.5, budget: null, variance: null, percent: null, over: false });
    expect(report.attention[0]).toMatchObject({ kind: 'no-yearly-budget' });
  });
});

describe('a cancelled meeting with refreshments', () => {
  it('counts the money but gives no per-head figure and no over-cap attention', () => {
    const cancelled = meeting('2026-04-14', { cancelled: true, reason: 'Venue flooded', attendees: [], costs: [{ category: 'refreshments', amount: 30 }] });
    const ws = workspace({ cops: { aws: { charter: charter('aws'), meetings: [cancelled] } } });
    const report = computeReport(ws, { period: resolvePeriod({ month: '2026-04' }, '2026-05-20') });
    const april = report.cops[0]!.months[0]!;
    expect(april.money.total).toBe(30);
    expect(april.refreshments.perHead).toBeNull();
    expect(report.attention.some((a) => a.kind === 'refreshments-over-cap')).toBe(false);
  });
});

describe('a period with no CoP to report', () => {
  const report = (ws: ReturnType<typeof workspace>, month: string, asOf: string) => computeReport(ws, { period: resolvePeriod({ month }, asOf) });

  it('tells a new organisation how to get its first CoP counted', () => {
    const item = report(workspace(), '2026-11', '2026-12-05').attention[0]!;
    expect(item.kind).toBe('no-active-cops');
    expect(item.message).toContain('`cop new` proposes one');
  });

  it('points at the month the first CoP became active', () => {
    const ws = workspace({ cops: { kotlin: { charter: charter('kotlin', { created: '2026-11-25', activated: '2026-12-02' }), meetings: [] } } });
    expect(report(ws, '2026-11', '2026-12-05').attention[0]!.message).toBe('No CoP was active in November 2026: kotlin became active in December 2026; see `cop report --month 2026-12`.');
    expect(report(ws, '2026-12', '2026-12-05').attention.some((a) => a.kind === 'no-active-cops')).toBe(false);
  });

  it('says how many proposals wait for activation', () => {
    const ws = workspace({ cops: { kotlin: { charter: charter('kotlin', { status: 'proposed', activated: undefined }), meetings: [] } } });
    expect(report(ws, '2026-11', '2026-12-05').attention[0]!.message).toContain('1 is proposed; `cop activate` makes an approved proposal active');
  });
});

describe('attention and filters', () => {
  it('lists what needs attention for April, in a stable order', () => {
    expect(april().attention.map((a) => [a.kind, a.cop ?? a.person ?? ''])).toEqual([
      ['organisation-over-pro-rata', ''],
      ['refreshments-over-cap', 'alpha'],
      ['cost-over-allowance', 'alpha'],
      // beta: 1 h of 4 h year to date, under half.
      ['preparation-under-used', 'beta'],
      ['proposed-not-budgeted', 'gamma'],
      ['person-over-budget', 'ann'],
    ]);
  });

  it('dates a mid-year CoP\'s year-to-date figures from its activation month, not January', () => {
    const beta = april().attention.find((a) => a.kind === 'preparation-under-used' && a.cop === 'beta')!;
    expect(beta.message).toContain('since April 2026');
    expect(beta.message).not.toContain('January');
  });

  it('flags costs the charter does not allow', () => {
    expect(reportFor('2026-02', '2026-03-10').attention).toContainEqual(expect.objectContaining({ kind: 'cost-not-allowed', cop: 'delta' }));
  });

  it('filters by sponsor and rejects unknown CoPs and sponsors', () => {
    expect(reportFor('2026-04', '2026-05-20', { sponsor: 'p2' }).cops.map((c) => c.id)).toEqual(['beta']);
    expect(() => reportFor('2026-04', '2026-05-20', { cops: ['nope'] })).toThrow(/--cop nope: No CoP `nope` with a charter/);
    expect(() => reportFor('2026-04', '2026-05-20', { cops: ['alph'] })).toThrow(/Did you mean `alpha`\?/);
    expect(() => reportFor('2026-04', '2026-05-20', { sponsor: 'nobody' })).toThrow(/--sponsor nobody/);
  });
});
