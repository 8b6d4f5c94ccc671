import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/budget/compute.js';
import { resolvePeriod } from '../../src/budget/period.js';
import { computeDue } from '../../src/due/compute.js';
import type { DueItem } from '../../src/due/types.js';
import type { Charter, Config, GoalReview, Meeting } from '../../src/model/schema-types.js';
import { charter, meeting, output, workspace } from '../helpers/workspace.js';

/** The default test charter, active since 2026-01-10 and monthly, with p2 coordinating since 2026-09-01 (3-month rotation). */
function due(meetings: Meeting[], asOf: string, overrides: Partial<Charter> = {}, extra: { within?: number; person?: string; config?: Config } = {}) {
  const coordinator: Charter['coordinator'] = { rotation_months: 3, terms: [{ person: 'p2', from: '2026-09-01' }] };
  const ws = workspace({ cops: { aws: { charter: charter('aws', { coordinator, ...overrides }), meetings } }, ...(extra.config ? { config: extra.config } : {}) });
  return computeDue(ws, { asOf, within: extra.within ?? 30, ...(extra.person ? { person: extra.person } : {}) });
}

const kinds = (items: DueItem[]) => items.map((item) => `${item.date} ${item.kind}${item.overdue ? ' overdue' : ''}`);
const low = (date: string) => meeting(date, { attendees: ['p1', 'p2', 'p3'] });

describe('cop due', () => {
  it('lists the next meeting by the cadence, soonest first, within the horizon only', () => {
    const report = due([meeting('2026-11-04')], '2026-11-20', {}, { within: 20 });
    expect(report.until).toBe('2026-12-10');
    expect(kinds(report.items)).toEqual(['2026-12-01 handover', '2026-12-04 meeting']);
    expect(kinds(due([meeting('2026-11-04')], '2026-11-20', {}, { within: 5 }).items)).toEqual([]);
  });

  it('marks a meeting the cadence expected and nobody logged as overdue', () => {
    const [item] = due([meeting('2026-09-15')], '2026-11-20', { coordinator: { rotation_months: null, terms: [{ person: 'p2', from: '2026-01-10' }] } }).items;
    expect(item).toMatchObject({ kind: 'meeting', date: '2026-10-15', overdue: true, people: [{ id: 'p2', role: 'coordinator' }] });
    expect(item!.message).toContain('the last one was on 2026-09-15');
  });

  it('names the handover when the rotating term ends, and not once the next term is lined up', () => {
    const handover = due([meeting('2026-11-04')], '2026-11-20').items.find((i) => i.kind === 'handover')!;
    expect(handover).toMatchObject({ date: '2026-12-01', overdue: false, people: [{ id: 'p2', role: 'coordinator' }, { id: 'p1', role: 'sponsor' }] });
    const lined: Charter['coordinator'] = { rotation_months: 3, terms: [{ person: 'p2', from: '2026-09-01', until: '2026-11-30' }, { person: 'p3', from: '2026-12-01' }] };
    expect(due([meeting('2026-11-04')], '2026-11-20', { coordinator: lined }).items.some((i) => i.kind === 'handover')).toBe(false);
  });

  it('groups goals by review date, overdue ones first', () => {
    const goals: Charter['goals'] = [
      { type: 'educate', audiences: ['practitioners'], description: 'A', review_by: '2026-11-01' },
      { type: 'support', audiences: ['apprentices'], description: 'B', review_by: '2026-12-01' },
      { type: 'evaluate', audiences: ['others'], description: 'C', review_by: '2026-12-01' },
    ];
    const reviews = due([meeting('2026-11-04')], '2026-11-20', { goals }).items.filter((i) => i.kind === 'goal-review');
    expect(reviews.map((r) => [r.date, r.overdue, r.message])).toEqual([
      ['2026-11-01', true, 'Review the goal: educate (practitioners).'],
      ['2026-12-01', false, 'Review 2 goals: support (apprentices); evaluate (others).'],
    ]);
  });

  it('lists the first review three months after activation until a goal is dated after it', () => {
    const young: Partial<Charter> = { activated: '2026-09-01', coordinator: { rotation_months: 3, terms: [{ person: 'p2', from: '2026-09-01' }] } };
    const goal = (review_by: string): Charter['goals'] => [{ type: 'educate', audiences: ['practitioners'], description: 'A', review_by }];
    const first = due([meeting('2026-11-04')], '2026-11-20', { ...young, goals: goal('2026-12-01') }).items.find((i) => i.kind === 'first-review');
    expect(first).toMatchObject({ date: '2026-12-01', overdue: false });
    const reviewed = due([meeting('2026-11-04')], '2026-11-20', { ...young, goals: goal('2027-06-01') }).items;
    expect(reviewed.some((i) => i.kind === 'first-review')).toBe(false);
  });

  it('warns the whole CoP one unreached month before the low-participation flag', () => {
    const report = due([meeting('2026-08-12'), low('2026-09-09'), low('2026-10-14')], '2026-11-20', {}, { within: 30 });
    const risk = report.items.find((i) => i.kind === 'dissolution-risk')!;
    expect(risk).toMatchObject({ date: '2026-11-30', overdue: false });
    expect(risk.message).toContain('September 2026, October 2026');
    expect(risk.people.map((p) => `${p.id}:${p.role}`)).toEqual(['p2:coordinator', 'p1:sponsor', 'p3:member', 'p4:member', 'p5:member']);
    // A reached meeting this month ends the risk; one unreached month is not yet a risk.
    expect(due([meeting('2026-08-12'), low('2026-09-09'), low('2026-10-14'), meeting('2026-11-18')], '2026-11-20').items.some((i) => i.kind === 'dissolution-risk')).toBe(false);
    expect(due([meeting('2026-09-09'), low('2026-10-14')], '2026-11-20').items.some((i) => i.kind === 'dissolution-risk')).toBe(false);
  });

  it('asks whoever the policy names to decide on a flagged CoP, with how long it has been flagged', () => {
    // Unreached September, October and November (complete by 2026-12-05): the third month made it flagged on 2026-12-01.
    const report = due([meeting('2026-08-12'), low('2026-09-09'), low('2026-10-14'), low('2026-11-11')], '2026-12-05');
    const decision = report.items.find((i) => i.kind === 'dissolution-decision')!;
    expect(decision).toMatchObject({ date: '2026-12-01', overdue: true });
    expect(decision.message).toContain('low-participation trigger since 2026-12-01 (this month)');
    expect(decision.message).toContain('cop dissolve aws --reason low-participation');
    expect(decision.people.map((p) => `${p.id}:${p.role}`)).toEqual(['p1:sponsor', 'p2:member', 'p3:member', 'p4:member', 'p5:member']);
    // Still undecided two months later: flagged for 2 months, still dated the day it was flagged.
    const later = due([meeting('2026-08-12'), low('2026-09-09'), low('2026-10-14'), low('2026-11-11')], '2027-02-03').items.find((i) => i.kind === 'dissolution-decision')!;
    expect(later.date).toBe('2026-12-01');
    expect(later.message).toContain('since 2026-12-01 (for 2 months)');
    // At risk is not flagged: no decision yet.
    expect(due([meeting('2026-08-12'), low('2026-09-09'), low('2026-10-14')], '2026-11-20').items.some((i) => i.kind === 'dissolution-decision')).toBe(false);
  });

  it('asks the CTO and the sponsor to decide on a declared not-strategic trigger', () => {
    const triggers: Charter['triggers'] = [{ trigger: 'not-strategic', declared_by: 'p5', date: '2026-10-02' }];
    const decision = due([meeting('2026-11-04')], '2026-11-20', { triggers }, { config: { cto: 'p9' } }).items.find((i) => i.kind === 'dissolution-decision')!;
    expect(decision).toMatchObject({ date: '2026-10-02', overdue: true });
    expect(decision.message).toContain('not-strategic trigger since 2026-10-02 (for 1 month)');
    expect(decision.message).toContain('the CTO');
    expect(decision.people.map((p) => `${p.id}:${p.role}`)).toEqual(['p9:approver', 'p1:sponsor']);
  });

  it('asks for recent recordings only where the CoP publishes them', () => {
    const unrecorded = meeting('2026-11-10', { recording: undefined });
    delete unrecorded.recording;
    const published = { format: { formats: ['round-table'], cadence: 'monthly', duration_minutes: 60, slot: 'lunch', recordings: 'https://video.example.com' } } as Partial<Charter>;
    const item = due([unrecorded], '2026-11-20', published).items.find((i) => i.kind === 'recording')!;
    expect(item).toMatchObject({ date: '2026-11-17', overdue: true });
    expect(item.message).toContain('cops/aws/meetings/2026-11-10.yaml');
    expect(due([unrecorded], '2026-11-20').items.some((i) => i.kind === 'recording')).toBe(false);
    const cancelled = meeting('2026-11-10', { cancelled: true, reason: 'Venue flooded', attendees: [] });
    delete cancelled.recording;
    expect(due([cancelled], '2026-11-20', published).items.some((i) => i.kind === 'recording')).toBe(false);
  });

  it("finds the month a CoP's preparation budget runs out at this year's rate", () => {
    // Active since January: 10 complete months to October at 4 h a month against 2 h a month.
    // The year's 24 h ran out when the running total passed it: 40 h > 24 h already.
    const prep = (date: string, hours: number) => meeting(date, { preparation: [{ person: 'p2', hours }] });
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'];
    const over = due(months.map((m) => prep(`2026-${m}-20`, 4)), '2026-11-20', { budget: { hours_per_month: 2 } });
    expect(over.items.find((i) => i.kind === 'budget')).toMatchObject({ date: '2026-10-01', overdue: true });
    // 2.2 h a month: 22 h to October; November's 2.2 h pass 24 h, so it runs out now.
    const now = due(months.map((m) => prep(`2026-${m}-20`, 2.2)), '2026-11-20', { budget: { hours_per_month: 2 } });
    expect(now.items.find((i) => i.kind === 'budget')).toMatchObject({ date: '2026-11-20', overdue: false });
    expect(now.items.find((i) => i.kind === 'budget')!.message).toBe("At 2.2 h of preparation a month, the CoP's 24 h for the year run out in November 2026.");
    // 2.1 h a month: 21 h to October; 25.2 h by the end of December, past 24 h in December.
    const slow = months.map((m) => prep(`2026-${m}-20`, 2.1));
    expect(due(slow, '2026-11-20', { budget: { hours_per_month: 2 } }, { within: 5 }).items.find((i) => i.kind === 'budget')).toBeUndefined();
    expect(due(slow, '2026-11-20', { budget: { hours_per_month: 2 } }, { within: 30 }).items.find((i) => i.kind === 'budget')).toMatchObject({ date: '2026-12-01', overdue: false });
    expect(due(months.map((m) => prep(`2026-${m}-20`, 2)), '2026-11-20', { budget: { hours_per_month: 2 } }, { within: 60 }).items.some((i) => i.kind === 'budget')).toBe(false);
  });

  it("reckons a CoP's run-out month as cop report does, with the budget in force in each month", () => {
    // 2 h a month to June, 3 h from July: the year's budget is 6 × 2 + 6 × 3 = 30 h (not 12 × 3).
    // 2.8 h a month: 28 h to October; November's 2.8 h pass 30 h.
    const budget = { hours_per_month: 2, changes: [{ from: '2026-07-01', hours_per_month: 3 }] };
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'];
    const meetings = months.map((m) => meeting(`2026-${m}-20`, { preparation: [{ person: 'p2', hours: 2.8 }] }));
    const item = due(meetings, '2026-11-20', { budget }).items.find((i) => i.kind === 'budget')!;
    expect(item.message).toBe("At 2.8 h of preparation a month, the CoP's 30 h for the year run out in November 2026.");
    const ws = workspace({ cops: { aws: { charter: charter('aws', { budget }), meetings } } });
    const report = computeReport(ws, { period: resolvePeriod({ month: '2026-10' }, '2026-11-20') });
    expect(report.cops[0]!.yearEnd.preparation).toMatchObject({ budget: 30, runsOut: '2026-11' });
  });

  it('counts a budget changed mid-year at the figure in force in each month, as cop report does (found by test/agreement)', () => {
    const prep = (date: string, hours: number) => meeting(date, { preparation: [{ person: 'p2', hours }] });
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'];
    // 4 h a month to May, 1 h from June: 5 × 4 + 7 × 1 = 27 h for the year. 15 h to October at 1.5 h
    // a month reach 18 h by December: it lasts. (Counted at today's 1 h for all 12 months, 12 h, it
    // was said to have run out in October.)
    const budget = { hours_per_month: 4, changes: [{ from: '2026-06-01', hours_per_month: 1 }] };
    expect(due(months.map((m) => prep(`2026-${m}-20`, 1.5)), '2026-11-20', { budget }, { within: 60 }).items.some((i) => i.kind === 'budget')).toBe(false);
    // 3 h a month: 30 h to October, past 27 h already.
    const over = due(months.map((m) => prep(`2026-${m}-20`, 3)), '2026-11-20', { budget }, { within: 60 }).items.find((i) => i.kind === 'budget');
    expect(over?.message).toBe("At 3 h of preparation a month, the CoP's 27 h for the year run out in October 2026.");
  });

  it("finds the month the organisation's yearly money runs out, for the approvers", () => {
    const spend = (date: string) => meeting(date, { costs: [{ category: 'refreshments', amount: 25 }] });
    const config: Config = { cto: 'p5', approvers: ['p4'], budgets: [{ year: 2026, hours: 1000, money: 260 }] };
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'];
    // 250 spent to October at 25 a month: 275 > 260 in November, the as-of month.
    const item = due(months.map((m) => spend(`2026-${m}-20`)), '2026-11-20', {}, { config }).items.find((i) => i.kind === 'budget' && i.cop === null)!;
    expect(item).toMatchObject({ date: '2026-11-20', overdue: false, people: [{ id: 'p4', role: 'approver' }, { id: 'p5', role: 'approver' }] });
    expect(item.message).toContain('money');
  });

  it('lists no budget item for a yearly budget that lasts thousands of years at this rate (found by test/agreement)', () => {
    const spend = (date: string) => meeting(date, { costs: [{ category: 'refreshments', amount: 1 }] });
    const config: Config = { cto: 'p5', approvers: ['p4'], budgets: [{ year: 2026, hours: 180000, money: 150000 }] };
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'];
    // 1 a month against 150000: it would run out in the year 14526, once listed as "runs out in undefined 1452".
    const report = due(months.map((m) => spend(`2026-${m}-20`)), '2026-11-20', {}, { config, within: 3650 });
    expect(report.items.filter((i) => i.kind === 'budget' && i.cop === null)).toEqual([]);
  });

  it("keeps only one person's items with --person", () => {
    const report = due([meeting('2026-08-12'), low('2026-09-09'), low('2026-10-14')], '2026-11-20', {}, { person: 'p4' });
    expect(report.person).toBe('p4');
    expect(kinds(report.items)).toEqual(['2026-11-30 dissolution-risk']);
    expect(due([meeting('2026-11-04')], '2026-11-20', {}, { person: 'p9' }).items).toEqual([]);
  });

  it('ignores proposed and dissolved CoPs', () => {
    expect(due([], '2026-11-20', { status: 'proposed' }).items).toEqual([]);
    expect(due([], '2026-11-20', { status: 'dissolved', dissolved: { date: '2026-06-01', reason: 'topics-finished', decided_by: 'p2' } }).items).toEqual([]);
  });
});

describe('--within', () => {
  it('takes days or weeks', async () => {
    const { parseWithin } = await import('../../src/commands/due.js');
    expect([parseWithin('30d'), parseWithin('6w'), parseWithin('10')]).toEqual([30, 42, 10]);
    expect(() => parseWithin('2m')).toThrow('expected days or weeks');
  });
});

describe('cop due and recorded goal reviews', () => {
  const recorded = (outcomes: string[]): GoalReview => ({
    date: '2026-11-10',
    period: { from: '2026-08', to: '2026-10' },
    participants: ['p2', 'p1'],
    goals: outcomes.map((outcome, i) => ({ goal: i + 1, outcome, evidence: 'Sessions.', next_review: '2027-02-10' })) as GoalReview['goals'],
  });
  const goals: Charter['goals'] = ['A', 'B'].map((description) => ({ type: 'educate', audiences: ['practitioners'], description, review_by: '2027-02-10' }));
  const dueWith = (review: GoalReview) =>
    computeDue(workspace({ cops: { aws: { charter: charter('aws', { goals, coordinator: { rotation_months: null, terms: [{ person: 'p2', from: '2026-01-10' }] } }), meetings: [meeting('2026-11-04')], reviews: [review] } } }), { asOf: '2026-11-20', within: 30 });

  it('lists a review whose outcomes are still placeholders, overdue from its day, for the coordinator and the sponsor', () => {
    const items = dueWith(recorded(['keep', '<outcome>'])).items.filter((i) => i.kind === 'review-outcomes');
    expect(items).toEqual([
      {
        kind: 'review-outcomes',
        cop: 'aws',
        date: '2026-11-10',
        overdue: true,
        message: "Write the outcome of the goal still left open in cops/aws/reviews/2026-11-10.yaml, then `cop review aws --apply` moves the charter's review dates.",
        people: [{ id: 'p2', role: 'coordinator' }, { id: 'p1', role: 'sponsor' }],
      },
    ]);
  });

  it('lists nothing once every outcome is written', () => {
    expect(dueWith(recorded(['keep', 'achieved'])).items.some((i) => i.kind === 'review-outcomes')).toBe(false);
  });
});

describe('cop due: hand-offs to circles', () => {
  const coordinator: Charter['coordinator'] = { rotation_months: null, terms: [{ person: 'p2', from: '2026-01-10' }] };
  const handoffs = (outputs: ReturnType<typeof output>[], asOf: string, within = 30) =>
    computeDue(workspace({ cops: { aws: { charter: charter('aws', { coordinator }), meetings: [meeting('2026-11-04')], outputs } } }), { asOf, within }).items.filter((i) => i.kind === 'handoff');

  it('asks about a hand-off still proposed 30 days after the output, overdue once past them', () => {
    const proposal = output('2026-10-01', { title: 'R&D: ledger pilot', kind: 'r-and-d-proposal', handoff: { to: 'innovation', status: 'proposed' } });
    const [item] = handoffs([proposal], '2026-11-20');
    expect(item).toEqual({
      kind: 'handoff',
      cop: 'aws',
      date: '2026-10-31',
      overdue: true,
      message: 'Ask Innovation for its answer to "R&D: ledger pilot", proposed on 2026-10-01, and record it in cops/aws/outputs/2026-10-01-r-d-ledger-pilot.yaml (`status` and `decided`).',
      people: [{ id: 'p2', role: 'coordinator' }, { id: 'p1', role: 'sponsor' }],
    });
    // Within the 30 days it is not overdue yet, and a horizon that ends before them leaves it out.
    expect(handoffs([proposal], '2026-10-20')).toMatchObject([{ date: '2026-10-31', overdue: false }]);
    expect(handoffs([proposal], '2026-10-20', 5)).toEqual([]);
  });

  it('says nothing of answered hand-offs, outputs without one, or outputs dated after the as-of date', () => {
    const outputs = [
      ...(['accepted', 'declined', 'done'] as const).map((status, i) => output(`2026-09-0${i + 1}`, { handoff: { to: 'training', status, decided: '2026-09-20' } })),
      output('2026-09-10'),
      output('2026-12-01', { handoff: { to: 'training', status: 'proposed' } }),
    ];
    expect(handoffs(outputs, '2026-11-20')).toEqual([]);
  });
});

describe('cop due: goals nothing has served', () => {
  const goals: Charter['goals'] = [
    { id: 'unblock', type: 'support', audiences: ['practitioners'], description: 'Unblock people.', review_by: '2026-12-01' },
    { id: 'deepen', type: 'educate', audiences: ['practitioners'], description: 'Go deeper.', review_by: '2026-12-01' },
    { id: 'share', type: 'evangelise', audiences: ['others'], description: 'Tell others.', review_by: '2026-12-01' },
    { type: 'educate', audiences: ['practitioners'], description: 'No id: no record can name it.', review_by: '2026-12-01' },
  ];
  const unserved = (extra: { meetings?: Meeting[]; outputs?: ReturnType<typeof output>[]; reviews?: GoalReview[] }) =>
    computeDue(workspace({ cops: { aws: { charter: charter('aws', { goals, activated: '2026-03-01' }), meetings: [meeting('2026-11-04'), ...(extra.meetings ?? [])], outputs: extra.outputs ?? [], reviews: extra.reviews ?? [] } } }), {
      asOf: '2026-11-20',
      within: 30,
    }).items.filter((i) => i.kind === 'unserved-goal');

  it('lists each goal with an id that no held meeting and no output names since activation, dated its review', () => {
    const items = unserved({
      meetings: [meeting('2026-10-07', { goals: ['unblock'] }), meeting('2026-10-21', { goals: ['deepen'], cancelled: true, reason: 'Ill', attendees: [] })],
      outputs: [output('2026-09-03', { goals: ['share'], date: '2026-09-03' })],
    });
    expect(items.map((i) => i.message)).toEqual(['No meeting or output has served the goal `deepen` since 2026-03-01: plan one before its review on 2026-12-01, or propose there to revise or drop it.']);
    expect(items[0]).toMatchObject({ cop: 'aws', date: '2026-12-01', overdue: false });
  });

  it('counts from the last recorded review, so what served a goal before it no longer does', () => {
    const review: GoalReview = { date: '2026-10-01', period: { from: '2026-07', to: '2026-09' }, participants: ['p1'], goals: [{ goal: 'unblock', outcome: 'keep', evidence: 'Full clinics.', next_review: '2026-12-01' }] };
    const items = unserved({ meetings: [meeting('2026-09-10', { goals: ['unblock', 'deepen', 'share'] }), meeting('2026-10-15', { goals: ['deepen'] })], reviews: [review] });
    expect(items.map((i) => i.message.match(/`(\w+)`/)![1])).toEqual(['share', 'unblock']);
    expect(items.every((i) => i.message.includes('since 2026-10-01'))).toBe(true);
  });
});

