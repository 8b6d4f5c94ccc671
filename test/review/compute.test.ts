import { describe, expect, it } from 'vitest';
import { lastCompleteQuarter, quarterMonths, reviewCop, reviewPeriod } from '../../src/review/compute.js';
import type { Goal, GoalReview, Meeting } from '../../src/model/schema-types.js';
import { charter, meeting, output, people, workspace } from '../helpers/workspace.js';

const members = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];

function review(meetings: Meeting[], asOf: string, quarter: string, anonymise = false) {
  const ws = workspace({ cops: { aws: { charter: charter('aws', { members }), meetings } }, people: people(6) });
  return reviewCop(ws, 'aws', { period: reviewPeriod({ quarter }, asOf), anonymise });
}

describe('cop review periods', () => {
  it('reads quarters and defaults to the last complete one', () => {
    expect(quarterMonths('2026Q3')).toEqual({ from: '2026-07', to: '2026-09' });
    expect(quarterMonths('2026Q1')).toEqual({ from: '2026-01', to: '2026-03' });
    expect(lastCompleteQuarter('2026-11-20')).toBe('2026Q3');
    expect(lastCompleteQuarter('2026-02-01')).toBe('2025Q4');
    expect(() => quarterMonths('2026Q5')).toThrow('expected a quarter written YYYYQn');
    expect(() => reviewPeriod({ quarter: '2026Q3', from: '2026-07' }, '2026-11-20')).toThrow('not both');
    expect(() => reviewPeriod({ quarter: '2027Q1' }, '2026-11-20')).toThrow('after the as-of date');
  });
});

describe('cop review preparation', () => {
  it("counts a cancelled meeting's preparation, as cop report does (found by test/agreement)", () => {
    const prepared = (date: string, hours: number, extra: Partial<Meeting> = {}) => meeting(date, { preparation: [{ person: 'p1', hours }], ...extra });
    const r = review([prepared('2026-08-12', 2), prepared('2026-09-29', 1.5, { cancelled: true, reason: 'The speaker was ill', attendees: [] })], '2026-11-20', '2026Q3');
    expect(r.preparationHours).toBe(3.5);
    expect(r.preparationHours).toBe(r.budget.period.preparation.actual);
  });

  it('counts output hours as cop report does (found by test/agreement: a 3 h talk was left out)', () => {
    const ws = workspace({
      cops: { aws: { charter: charter('aws', { members }), meetings: [meeting('2026-08-12', { preparation: [{ person: 'p1', hours: 2 }] })], outputs: [output('2026-09-03', { hours: [{ person: 'p2', hours: 3 }] })] } },
      people: people(6),
    });
    const r = reviewCop(ws, 'aws', { period: reviewPeriod({ quarter: '2026Q3' }, '2026-11-20'), anonymise: false });
    expect(r.preparationHours).toBe(5);
    expect(r.preparationHours).toBe(r.budget.period.preparation.actual);
  });
});

describe('cop review of a CoP activated after the period', () => {
  it('explains that it became active later and suggests the period that works', () => {
    const ws = workspace({ cops: { kotlin: { charter: charter('kotlin', { members, created: '2026-11-25', activated: '2026-12-02' }), meetings: [] } }, people: people(6) });
    const run = () => reviewCop(ws, 'kotlin', { period: reviewPeriod({}, '2026-12-05'), anonymise: false });
    expect(run).toThrow('`kotlin` became active on 2026-12-02, after the period reviewed (2026-07 to 2026-09)');
    expect(run).toThrow('cop review kotlin --from 2026-12');
    expect(run).not.toThrow(/only active and dissolved/);
    // The suggested command works.
    expect(reviewCop(ws, 'kotlin', { period: reviewPeriod({ from: '2026-12' }, '2026-12-05'), anonymise: false }).period.from).toBe('2026-12');
    const proposed = workspace({ cops: { kotlin: { charter: charter('kotlin', { members, status: 'proposed', activated: undefined }), meetings: [] } }, people: people(6) });
    expect(() => reviewCop(proposed, 'kotlin', { period: reviewPeriod({}, '2026-12-05'), anonymise: false })).toThrow('is proposed: only active and dissolved');
  });
});

describe('cop review of a CoP dissolved before the period', () => {
  it('says so and suggests its last three months', () => {
    const dissolved = { status: 'dissolved' as const, dissolved: { date: '2026-06-01', reason: 'not-strategic' as const, decided_by: 'p1' } };
    const ws = workspace({ cops: { ledgers: { charter: charter('ledgers', { members, ...dissolved }), meetings: [] } }, people: people(6) });
    const run = () => reviewCop(ws, 'ledgers', { period: reviewPeriod({}, '2026-11-20'), anonymise: false });
    expect(run).toThrow('`ledgers` was dissolved on 2026-06-01, before the period reviewed (2026-07 to 2026-09)');
    expect(run).toThrow('cop review ledgers --from 2026-04 --to 2026-06');
    expect(reviewCop(ws, 'ledgers', { period: reviewPeriod({ from: '2026-04', to: '2026-06' }, '2026-11-20'), anonymise: false }).period.to).toBe('2026-06');
  });
});

describe('cop review participation bands', () => {
  // Three meetings in Q3: p1 at all three (core), p2 at two (core: 2/3), p3 at one (active: 1/3), p4–p6 at none.
  const q3 = [
    meeting('2026-07-15', { attendees: ['p1', 'p2', 'p3'] }),
    meeting('2026-08-12', { attendees: ['p1', 'p2'] }),
    meeting('2026-09-09', { attendees: ['p1'] }),
  ];
  // Q2: everyone at the one meeting held.
  const q2 = [meeting('2026-05-13', { attendees: members })];

  it('bands members by the share of meetings held that they attended, against the previous period', () => {
    const r = review([...q2, ...q3, meeting('2026-09-30', { cancelled: true, reason: 'Holiday', attendees: [] })], '2026-11-20', '2026Q3');
    expect(r.meetings).toMatchObject({ held: 3, cancelled: 1 });
    expect(r.participation.bands).toEqual({ core: 2, active: 1, peripheral: 0, silent: 3 });
    expect(r.participation.previousBands).toEqual({ core: 6, active: 0, peripheral: 0, silent: 0 });
    expect(r.participation.byBand.core).toEqual(['p1', 'p2']);
    expect(r.participation.moves).toEqual([
      { person: 'p3', from: 'core', to: 'active' },
      { person: 'p4', from: 'core', to: 'silent' },
      { person: 'p5', from: 'core', to: 'silent' },
      { person: 'p6', from: 'core', to: 'silent' },
    ]);
    expect(r.previous).toEqual({ from: '2026-04', to: '2026-06' });
  });

  it('counts peripheral members below a third, and leaves people out when anonymised', () => {
    const six = ['07-01', '07-08', '07-15', '08-05', '08-12', '09-09'].map((d) => meeting(`2026-${d}`, { attendees: ['p1', 'p2', 'p3', 'p4', 'p5'] }));
    six[0] = meeting('2026-07-01', { attendees: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'] });
    const r = review(six, '2026-11-20', '2026Q3', true);
    expect(r.participation.bands).toEqual({ core: 5, active: 0, peripheral: 1, silent: 0 });
    expect(r.participation.byBand).toEqual({ core: [], active: [], peripheral: [], silent: [] });
    expect(r.participation.moves.every((m) => m.person === undefined)).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/"p[1-6]"/);
  });
});

describe('cop review goals', () => {
  it('lists under each goal the meetings held in the period whose `goals` name it', () => {
    const goals: Goal[] = [
      { id: 'unblock', type: 'support', audiences: ['practitioners'], description: 'Unblock.', review_by: '2027-01-31' },
      { id: 'learn', type: 'educate', audiences: ['practitioners'], description: 'Learn.', review_by: '2026-10-01' },
      { type: 'evaluate', audiences: ['others'], description: 'No id.', review_by: '2027-01-31' },
    ];
    const meetings = [
      meeting('2026-06-10', { goals: ['unblock'] }), // before the period
      meeting('2026-07-15', { goals: ['unblock', 'learn'] }),
      meeting('2026-08-12'),
      meeting('2026-09-09', { goals: ['learn'] }),
      meeting('2026-09-30', { cancelled: true, reason: 'Holiday', attendees: [], goals: ['unblock'] }), // never held
    ];
    const ws = workspace({ cops: { aws: { charter: charter('aws', { goals }), meetings } } });
    const r = reviewCop(ws, 'aws', { period: reviewPeriod({ quarter: '2026Q3' }, '2026-11-20'), anonymise: false });
    expect(r.goals.map((g) => [g.id, g.servedBy, g.reviewDue])).toEqual([
      ['unblock', ['2026-07-15'], false],
      ['learn', ['2026-07-15', '2026-09-09'], true],
      [undefined, [], false],
    ]);
  });
});

describe("cop review: each goal's last recorded outcome", () => {
  it('is the latest decided one up to as-of: a placeholder or a later review does not count', () => {
    const goals: Goal[] = [
      { id: 'learn', type: 'educate', audiences: ['practitioners'], description: 'Learn.', review_by: '2027-01-31' },
      { id: 'help', type: 'support', audiences: ['practitioners'], description: 'Help.', review_by: '2027-01-31' },
    ];
    const reviewed = (date: string, learn: string, help: string): GoalReview => ({
      date,
      period: { from: '2026-06', to: '2026-08' },
      participants: ['p1'],
      goals: [
        { goal: 'learn', outcome: learn, evidence: 'E.', next_review: '2027-01-31' },
        { goal: 'help', outcome: help, evidence: 'E.', next_review: '2027-01-31' },
      ],
    });
    const ws = workspace({
      cops: { aws: { charter: charter('aws', { members, goals }), meetings: [meeting('2026-10-01')], reviews: [reviewed('2026-09-01', 'keep', 'revise'), reviewed('2026-10-15', 'achieved', '<outcome>'), reviewed('2026-11-25', 'drop', 'drop')] } },
      people: people(6),
    });
    const draft = reviewCop(ws, 'aws', { period: reviewPeriod({ quarter: '2026Q3' }, '2026-11-20'), anonymise: false });
    expect(draft.goals.map((g) => [g.id, g.lastOutcome])).toEqual([
      ['learn', { file: 'cops/aws/reviews/2026-10-15.yaml', date: '2026-10-15', outcome: 'achieved', next_review: '2027-01-31' }],
      ['help', { file: 'cops/aws/reviews/2026-09-01.yaml', date: '2026-09-01', outcome: 'revise', next_review: '2027-01-31' }],
    ]);
  });
});
