import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/budget/compute.js';
import { resolvePeriod } from '../../src/budget/period.js';
import { copHealth } from '../../src/health/evaluate.js';
import { copView, organisationView, RECENT_MEETINGS } from '../../src/view/build.js';
import { charter, meeting, output, people, person, workspace } from '../helpers/workspace.js';

const AS_OF = '2026-11-20';

/** alpha: active since January, monthly lunch meetings with prep and refreshments; beta: a proposal. */
function org() {
  const meetings = ['2026-06-10', '2026-07-08', '2026-08-12', '2026-09-09', '2026-10-14', '2026-11-11', '2026-12-09'].map((date, i) =>
    meeting(date, {
      attendees: i === 5 ? ['p1', 'p2', 'p3'] : ['p1', 'p2', 'p3', 'p4', 'p5'],
      guests: i === 5 ? [{ name: 'Jo', organisation: 'Acme' }] : [],
      preparation: [{ person: 'p2', hours: 1.5 }],
      costs: [{ category: 'refreshments', amount: 20 }],
    }),
  );
  return workspace({
    people: [...people(5), person('p6', { name: 'Sixth Person', github: undefined })],
    config: { currency: 'GBP' },
    cops: {
      alpha: {
        charter: charter('alpha', {
          goals: [
            { type: 'educate', audiences: ['practitioners'], description: 'Later.', review_by: '2027-02-01' },
            { type: 'support', audiences: ['apprentices'], description: 'Due.', review_by: '2026-11-01' },
          ],
          coordinator: { rotation_months: 3, deputy: 'p3', terms: [{ person: 'p1', from: '2026-07-01', until: '2026-09-30' }, { person: 'p2', from: '2026-10-01' }] },
        }),
        meetings,
      },
      beta: { charter: charter('beta', { status: 'proposed', activated: undefined, created: '2026-11-02', members: ['p1', 'p2', 'p6'], rationale: ' ' }) },
    },
  });
}

describe('the per-CoP view model', () => {
  it('lists every CoP sorted by id, with the organisation and policy a renderer needs', () => {
    const view = organisationView(org(), AS_OF);
    expect(view.cops.map((c) => c.id)).toEqual(['alpha', 'beta']);
    expect(view).toMatchObject({ currency: 'GBP', asOf: AS_OF, policy: { minMembers: 5, minParticipants: 5 } });
  });

  it('resolves people through people.yaml, falling back to the id', () => {
    const alpha = copView(org(), 'alpha', AS_OF)!;
    expect(alpha.sponsor).toEqual({ id: 'p1', name: 'P1', github: 'p1' });
    expect(copView(org(), 'beta', AS_OF)!.members.at(-1)).toEqual({ id: 'p6', name: 'Sixth Person', github: null });
  });

  it('gives the coordinator now, the next handover by rotation, the deputy and every term', () => {
    const { coordinator } = copView(org(), 'alpha', AS_OF)!;
    expect(coordinator.now?.id).toBe('p2');
    expect(coordinator.since).toBe('2026-10-01');
    expect(coordinator.nextHandover).toEqual({ date: '2027-01-01', to: null, overdue: false });
    expect(coordinator.deputy?.id).toBe('p3');
    expect(coordinator.terms.map((t) => [t.person.id, t.until])).toEqual([['p1', '2026-09-30'], ['p2', null]]);
    // As of August the first term is current; it ends on 30 September, and p2 takes over.
    expect(copView(org(), 'alpha', '2026-08-15')!.coordinator.nextHandover).toEqual({ date: '2026-10-01', to: expect.objectContaining({ id: 'p2' }), overdue: false });
    // A rotation due date that has passed is overdue.
    expect(copView(org(), 'alpha', '2027-01-05')!.coordinator.nextHandover?.overdue).toBe(true);
  });

  it('sorts goals by review date and marks those due', () => {
    const { goals } = copView(org(), 'alpha', AS_OF)!;
    expect(goals.map((g) => [g.reviewBy, g.reviewDue])).toEqual([['2026-11-01', true], ['2027-02-01', false]]);
  });

  it('shows the last meetings held by the as-of date, newest first, with attendance', () => {
    const { meetings } = copView(org(), 'alpha', AS_OF)!;
    expect(meetings.count).toBe(6); // December's log is after the as-of date
    expect(meetings.recent).toHaveLength(RECENT_MEETINGS);
    expect(meetings.recent.map((m) => m.date)).toEqual(['2026-11-11', '2026-10-14', '2026-09-09', '2026-08-12', '2026-07-08']);
    expect(meetings.last).toEqual(meetings.recent[0]);
    expect(meetings.last).toMatchObject({ participants: 4, reached: false, preparationHours: 1.5, money: 20, slot: 'lunch', file: 'cops/alpha/meetings/2026-11-11.yaml' });
    expect(meetings.recent[1]).toMatchObject({ participants: 5, reached: true });
  });

  it("takes this month's and the year's figures from cop report, unchanged", () => {
    const ws = org();
    const { budget } = copView(ws, 'alpha', AS_OF)!;
    const report = computeReport(ws, { period: resolvePeriod({ month: '2026-11' }, AS_OF), cops: ['alpha'] }).cops[0]!;
    expect(budget!.month).toBe('2026-11');
    expect(budget!.thisMonth.preparation).toEqual(report.months[0]!.preparation);
    expect(budget!.thisMonth.preparation).toMatchObject({ actual: 1.5, budget: 2, over: false });
    expect(budget!.yearToDate.preparation).toEqual(report.yearToDate.preparation);
    // Six meetings of 1.5 h prep since January; 11 active months × 2 h.
    expect(budget!.yearToDate.preparation).toMatchObject({ actual: 9, budget: 22 });
    // £120 of refreshments against a cap of £6 × 29 participants.
    expect(budget!.yearToDate.moneyAgainstAllowance).toMatchObject({ actual: 120, budget: 174, over: false });
  });

  it('carries the health level and evidence of cop health', () => {
    const ws = org();
    const alpha = copView(ws, 'alpha', AS_OF)!;
    const health = copHealth({ ...ws.cops[0]!, charter: ws.cops[0]!.charter! }, ws, AS_OF);
    expect(alpha.health).toEqual({ level: health.level, triggers: health.triggers, warnings: health.warnings, trend: health.trend });
  });

  it('gives a proposal no budget, not-judged health, and every reason it cannot be activated yet', () => {
    const beta = copView(org(), 'beta', AS_OF)!;
    expect(beta.budget).toBeNull();
    expect(beta.health.level).toBe('not-judged');
    expect(beta.activation?.ready).toBe(false);
    expect(beta.activation?.problems).toEqual([expect.stringMatching(/at least 5 members; 3 listed/), expect.stringMatching(/No `rationale`/)]);
    expect(copView(org(), 'alpha', AS_OF)!.activation).toBeNull();
  });

  it('is plain data: JSON round-trips it unchanged, with null for absent things', () => {
    const view = organisationView(org(), AS_OF);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(copView(org(), 'nope', AS_OF)).toBeUndefined();
  });
});

describe('cancelled meetings in the view model', () => {
  it('lists them among the recent logs, marked, but never as the last meeting held or as reached', () => {
    const ws = workspace({
      cops: {
        alpha: {
          charter: charter('alpha'),
          meetings: [meeting('2026-10-14'), meeting('2026-11-11', { cancelled: true, reason: 'Snow.', attendees: [] })],
        },
      },
    });
    const { meetings } = copView(ws, 'alpha', AS_OF)!;
    expect(meetings).toMatchObject({ count: 1, cancelled: 1, last: { date: '2026-10-14' } });
    expect(meetings.recent.map((m) => [m.date, m.cancelled, m.cancelReason, m.reached])).toEqual([
      ['2026-11-11', true, 'Snow.', false],
      ['2026-10-14', false, null, true],
    ]);
  });
});

describe('a CoP view\'s outputs', () => {
  it('lists the outputs dated on or before the as-of date, newest first, with the circle of a hand-off by name', () => {
    const ws = workspace({
      people: people(5),
      config: { circles: [{ id: 'training', name: 'Training circle' }] },
      cops: {
        alpha: {
          charter: charter('alpha'),
          outputs: [
            output('2026-09-01', { title: 'Guide', hours: [{ person: 'p1', hours: 2 }, { person: 'p2', hours: 0.5 }], handoff: { to: 'training', status: 'accepted', decided: '2026-09-15' } }),
            output('2026-10-02', { title: 'Talk', kind: 'talk', audience: 'public', url: 'https://talks.example.com/x', goals: ['learn'], meeting: '2026-09-30' }),
            output('2026-12-01', { title: 'Later' }),
          ],
        },
      },
    });
    const view = copView(ws, 'alpha', AS_OF)!;
    expect(view.outputs.map((o) => o.title)).toEqual(['Talk', 'Guide']);
    expect(view.outputs[0]).toEqual({
      file: 'cops/alpha/outputs/2026-10-02-talk.yaml',
      date: '2026-10-02',
      title: 'Talk',
      kind: 'talk',
      audience: 'public',
      authors: [{ id: 'p1', name: 'P1', github: 'p1' }],
      goals: ['learn'],
      hours: 0,
      url: 'https://talks.example.com/x',
      meeting: '2026-09-30',
      handoff: null,
    });
    expect(view.outputs[1]).toMatchObject({ hours: 2.5, url: null, handoff: { to: { id: 'training', name: 'Training circle' }, status: 'accepted', decided: '2026-09-15' } });
  });
});
