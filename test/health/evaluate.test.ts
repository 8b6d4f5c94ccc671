import { describe, expect, it } from 'vitest';
import { evaluateHealth, atLeast } from '../../src/health/evaluate.js';
import type { CopHealth, LowParticipationEvidence } from '../../src/health/types.js';
import type { Charter, Config, Goal, Meeting } from '../../src/model/schema-types.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';

/** A meeting with three participants: below the default minimum of five. */
const low = (date: string, extra: Partial<Meeting> = {}) => meeting(date, { attendees: ['p1', 'p2', 'p3'], ...extra });

function judge(meetings: Meeting[], asOf: string, overrides: Partial<Charter> = {}, config?: Config): CopHealth {
  const ws = workspace({ cops: { aws: { charter: charter('aws', overrides), meetings } }, ...(config ? { config } : {}) });
  return evaluateHealth(ws, asOf).cops[0]!;
}

function run(cop: CopHealth): LowParticipationEvidence | undefined {
  return cop.triggers.find((t) => t.id === 'low-participation')?.evidence as LowParticipationEvidence | undefined;
}

describe('low participation (DESIGN.md exact semantics)', () => {
  // The default test charter became active on 2026-01-10.
  it('is ok when every complete month since activation was reached', () => {
    const cop = judge([meeting('2026-08-12'), meeting('2026-09-09'), meeting('2026-10-14')], '2026-11-20');
    expect(cop.level).toBe('ok');
    expect(cop.triggers).toEqual([]);
  });

  it('is at risk, not flagged, for a run of exactly the allowed two months', () => {
    // July reached; August and September had 3 participants; October is the as-of month.
    const cop = judge([meeting('2026-07-15'), low('2026-08-12'), low('2026-09-09')], '2026-10-20');
    expect(cop.level).toBe('at-risk');
    const evidence = run(cop)!;
    expect(evidence).toMatchObject({ run: 2, allowed: 2 });
    expect(evidence.months).toEqual([
      { month: '2026-08', bestAttendance: 3, meetings: [{ file: 'cops/aws/meetings/2026-08-12.yaml', date: '2026-08-12', participants: 3 }] },
      { month: '2026-09', bestAttendance: 3, meetings: [{ file: 'cops/aws/meetings/2026-09-09.yaml', date: '2026-09-09', participants: 3 }] },
    ]);
    expect(cop.triggers[0]).toMatchObject({ id: 'low-participation', level: 'at-risk', decidedBy: { role: 'cop', people: ['p1', 'p2', 'p3', 'p4', 'p5'] } });
  });

  it('is flagged one month later, with three months of evidence', () => {
    const cop = judge([meeting('2026-07-15'), low('2026-08-12'), low('2026-09-09'), low('2026-10-14')], '2026-11-05');
    expect(cop.level).toBe('flagged');
    expect(run(cop)!.months.map((m) => m.month)).toEqual(['2026-08', '2026-09', '2026-10']);
  });

  it('ends the run with a reached meeting in the current, incomplete month', () => {
    const history = [meeting('2026-07-15'), low('2026-08-12'), low('2026-09-09'), low('2026-10-14')];
    expect(judge([...history, meeting('2026-11-03')], '2026-11-05').level).toBe('ok');
    // An unreached meeting in the current month neither helps nor counts against the CoP.
    const stillFlagged = judge([...history, low('2026-11-03')], '2026-11-05');
    expect(run(stillFlagged)!.run).toBe(3);
  });

  it('ignores meetings dated after the as-of day', () => {
    const cop = judge([meeting('2026-07-15'), low('2026-08-12'), low('2026-09-09'), low('2026-10-14'), meeting('2026-11-12')], '2026-11-05');
    expect(cop.level).toBe('flagged');
  });

  it('does not count the month a CoP became active mid-month against it', () => {
    // Active from 20 June with no meeting in June; July and August unreached: a run of 2, not 3.
    const cop = judge([low('2026-07-08'), low('2026-08-12')], '2026-09-10', { activated: '2026-06-20' });
    expect(cop.level).toBe('at-risk');
    expect(run(cop)!.months.map((m) => m.month)).toEqual(['2026-07', '2026-08']);
  });

  it('uses the created date when the charter has no activated date', () => {
    const cop = judge([], '2026-04-02', { created: '2026-01-20', activated: undefined });
    // February and March are complete months after January: a run of 2.
    expect(run(cop)!.run).toBe(2);
  });

  it('is ok in the first month after activation, before any complete month', () => {
    expect(judge([], '2026-01-31').level).toBe('ok');
  });

  it('counts months with no meeting as unreached, with empty evidence', () => {
    const cop = judge([meeting('2026-03-11')], '2026-07-01');
    expect(cop.level).toBe('flagged');
    expect(run(cop)!.months).toEqual([
      { month: '2026-04', bestAttendance: null, meetings: [] },
      { month: '2026-05', bestAttendance: null, meetings: [] },
      { month: '2026-06', bestAttendance: null, meetings: [] },
    ]);
  });

  it('carries a run across a year boundary (December to January)', () => {
    const since = { created: '2025-05-01', activated: '2025-06-01' };
    const history = [meeting('2025-11-12'), low('2025-12-10')];
    const atRisk = judge(history, '2026-02-03', since);
    expect(atRisk.level).toBe('at-risk');
    expect(run(atRisk)!.months.map((m) => [m.month, m.bestAttendance])).toEqual([
      ['2025-12', 3],
      ['2026-01', null],
    ]);
    const flagged = judge(history, '2026-03-01', since);
    expect(flagged.level).toBe('flagged');
    expect(run(flagged)!.months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('counts guests as participants', () => {
    const guests = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Guest ${i + 1}`, organisation: 'Elsewhere' }));
    // 3 attendees + 2 guests = 5: reached every month.
    const reached = [7, 8, 9, 10].map((m) => low(`2026-${String(m).padStart(2, '0')}-14`, { guests: guests(2) }));
    expect(judge(reached, '2026-11-05').level).toBe('ok');
    // 3 attendees + 1 guest = 4: not reached.
    const short = [7, 8, 9, 10].map((m) => low(`2026-${String(m).padStart(2, '0')}-14`, { guests: guests(1) }));
    expect(run(judge(short, '2026-11-05', { activated: '2026-06-10' }))!.months.map((m) => m.bestAttendance)).toEqual([4, 4, 4, 4]);
  });

  it('takes the best meeting of a month', () => {
    const cop = judge([meeting('2026-07-15'), low('2026-08-05'), meeting('2026-08-19'), low('2026-09-09')], '2026-10-20');
    expect(run(cop)!.months.map((m) => m.month)).toEqual(['2026-09']);
  });

  it('follows the policy thresholds from the config', () => {
    const config = { policy: { min_participants: 3, low_participation_months: 1 } };
    expect(judge([meeting('2026-07-15'), low('2026-08-12'), low('2026-09-09')], '2026-10-20', {}, config).level).toBe('ok');
    const cop = judge([meeting('2026-07-15'), meeting('2026-08-12', { attendees: ['p1', 'p2'] }), meeting('2026-09-09', { attendees: ['p1', 'p2'] })], '2026-10-20', {}, config);
    expect(cop.level).toBe('flagged');
    expect(run(cop)).toMatchObject({ run: 2, allowed: 1 });
  });
});

describe('declared triggers', () => {
  const reachedEveryMonth = [meeting('2026-08-12'), meeting('2026-09-09'), meeting('2026-10-14')];

  it('flags topics finished, decided by the current coordinator', () => {
    const cop = judge(reachedEveryMonth, '2026-11-20', { triggers: [{ trigger: 'topics-finished', declared_by: 'p2', date: '2026-11-02', note: 'We covered it all.' }] });
    expect(cop.level).toBe('flagged');
    expect(cop.triggers).toEqual([
      {
        id: 'topics-finished',
        level: 'flagged',
        decidedBy: { role: 'coordinator', people: ['p2'] },
        evidence: { declaredBy: 'p2', date: '2026-11-02', note: 'We covered it all.' },
      },
    ]);
  });

  it('flags not strategic, decided by the CTO or sponsor', () => {
    const ws = workspace({
      cops: { aws: { charter: charter('aws', { triggers: [{ trigger: 'not-strategic', declared_by: 'p4', date: '2026-11-02' }] }), meetings: reachedEveryMonth } },
      config: { cto: 'p4' },
    });
    const cop = evaluateHealth(ws, '2026-11-20').cops[0]!;
    expect(cop.triggers[0]).toMatchObject({ id: 'not-strategic', decidedBy: { role: 'cto', people: ['p4', 'p1'] }, evidence: { declaredBy: 'p4' } });
  });

  it('ignores a trigger declared after the as-of day', () => {
    const cop = judge(reachedEveryMonth, '2026-11-01', { triggers: [{ trigger: 'topics-finished', declared_by: 'p2', date: '2026-11-02' }] });
    expect(cop.level).toBe('ok');
  });

  it('reports low participation next to a declared trigger', () => {
    const cop = judge([low('2026-10-14')], '2026-11-20', { triggers: [{ trigger: 'topics-finished', declared_by: 'p2', date: '2026-11-02' }] });
    expect(cop.triggers.map((t) => [t.id, t.level])).toEqual([
      ['low-participation', 'flagged'],
      ['topics-finished', 'flagged'],
    ]);
  });
});

describe('CoPs that are not judged', () => {
  it('reports dissolved and proposed CoPs as not judged, without triggers or warnings', () => {
    const ws = workspace({
      cops: {
        ledgers: {
          charter: charter('ledgers', { status: 'dissolved', dissolved: { date: '2026-06-01', reason: 'not-strategic', decided_by: 'p1' } }),
          meetings: [low('2026-03-10')],
        },
        security: { charter: charter('security', { status: 'proposed', activated: undefined, created: '2026-01-05' }) },
      },
    });
    const report = evaluateHealth(ws, '2026-11-20');
    expect(report.cops.map((c) => [c.id, c.status, c.level, c.triggers.length, c.warnings.length])).toEqual([
      ['ledgers', 'dissolved', 'not-judged', 0, 0],
      ['security', 'proposed', 'not-judged', 0, 0],
    ]);
    expect(atLeast('not-judged', 'at-risk')).toBe(false);
  });
});

describe('trend', () => {
  it('has the best attendance of the 12 months ending with the as-of month', () => {
    const cop = judge([meeting('2025-12-03'), low('2026-05-06'), low('2026-05-20', { attendees: ['p1', 'p2', 'p3', 'p4'] }), meeting('2026-11-04')], '2026-11-20', {
      created: '2025-10-01',
      activated: '2025-10-02',
    });
    expect(cop.trend).toHaveLength(12);
    expect(cop.trend[0]).toEqual({ month: '2025-12', bestAttendance: 5 });
    expect(cop.trend[5]).toEqual({ month: '2026-05', bestAttendance: 4 });
    expect(cop.trend[11]).toEqual({ month: '2026-11', bestAttendance: 5 });
    expect(cop.trend.filter((p) => p.bestAttendance === null)).toHaveLength(9);
  });
});

describe('warnings', () => {
  const ids = (cop: CopHealth) => cop.warnings.map((w) => w.id);
  const monthly = ['2026-08-12', '2026-09-09', '2026-10-14', '2026-11-11'].map((d) => meeting(d, { preparation: [{ person: 'p2', hours: 1 }] }));

  it('gives none for a healthy CoP', () => {
    expect(judge(monthly, '2026-11-20').warnings).toEqual([]);
  });

  it('warns when no meeting was held within the cadence and a week of grace', () => {
    const history = monthly.slice(0, 3); // last meeting 2026-10-14: due by 2026-11-14, grace to 2026-11-21
    expect(ids(judge(history, '2026-11-21'))).not.toContain('cadence');
    const cop = judge(history, '2026-11-22');
    expect(cop.warnings.find((w) => w.id === 'cadence')!.message).toMatch(/No meeting since 2026-10-14; .* monthly, so one was due by 2026-11-14/);
    expect(ids(judge(history, '2026-10-29', { format: { formats: ['clinic'], cadence: 'weekly', duration_minutes: 60, slot: 'lunch' } }))).toContain('cadence');
  });

  it('starts the cadence at activation when the last meeting was held while the CoP was a proposal', () => {
    // Created 2026-01-05, a meeting on 2026-03-04, activated 2026-06-01: the first meeting was due by 2026-07-01, not 2026-04-04.
    const proposal = { created: '2026-01-05', activated: '2026-06-01' };
    const cop = judge([meeting('2026-03-04')], '2026-07-20', proposal);
    const message = cop.warnings.find((w) => w.id === 'cadence')!.message;
    expect(message).toMatch(/No meeting since the CoP became active on 2026-06-01; .* so one was due by 2026-07-01/);
    expect(ids(judge([meeting('2026-03-04')], '2026-07-05', proposal))).not.toContain('cadence');
  });

  it('warns about core group members absent from the last three meetings', () => {
    const meetings = monthly.map((m, i) => (i === 0 ? m : { ...m, attendees: ['p1', 'p2', 'p4', 'p5', 'p6'] }));
    const cop = judge(meetings, '2026-11-20');
    expect(cop.warnings.find((w) => w.id === 'core-group')!.message).toMatch(/1 of 2 \(p3\) attended none of the last 3 meetings \(since 2026-09-09\)/);
    // Present at one of the last three: no warning.
    expect(ids(judge(monthly, '2026-11-20'))).not.toContain('core-group');
  });

  it('warns about a coordinator term past its rotation date, or no coordinator', () => {
    const overdue = judge(monthly, '2026-11-20', { coordinator: { rotation_months: 1, terms: [{ person: 'p2', from: '2026-10-01' }] } });
    expect(overdue.warnings.find((w) => w.id === 'rotation')!.message).toMatch(/p2 has coordinated since 2026-10-01; .* due on 2026-11-01/);
    const fixed = judge(monthly, '2026-11-20', { coordinator: { rotation_months: null, terms: [{ person: 'p2', from: '2025-10-01' }] } });
    expect(ids(fixed)).toEqual([]);
    const none = judge(monthly, '2026-11-20', { coordinator: { terms: [{ person: 'p2', from: '2026-01-10', until: '2026-10-31' }] } });
    expect(ids(none)).toEqual(['no-coordinator']);
  });

  it('warns about goals past their review date', () => {
    const goal: Goal = { type: 'educate', audiences: ['practitioners'], description: 'Learn.', review_by: '2026-11-01' };
    expect(judge(monthly, '2026-11-20', { goals: [goal] }).warnings).toEqual([{ id: 'goal-review', message: '1 goal is past review (due 2026-11-01).' }]);
  });

  it('warns about a per-CoP budget with no preparation logged for three complete months', () => {
    const withoutPrep = monthly.map(({ preparation: _, ...m }) => m);
    const twoIdle = [...monthly.slice(0, 1), ...withoutPrep.slice(1, 3)];
    expect(ids(judge(twoIdle, '2026-11-20'))).not.toContain('budget-unused');
    const threeIdle = withoutPrep.slice(0, 3);
    // Active since July: August to October are the complete months without preparation.
    const cop = judge(threeIdle, '2026-11-20', { activated: '2026-07-10' });
    expect(cop.warnings.find((w) => w.id === 'budget-unused')!.message).toMatch(/3 complete months \(2026-08 to 2026-10\) against a budget of 2 hours/);
    // No budget, no warning.
    expect(ids(judge(threeIdle, '2026-11-20', { budget: { hours_per_month: 0 } }))).not.toContain('budget-unused');
  });

  it('warns when pruning the inactive members would drop the CoP below the minimum membership', () => {
    // Active since January; p4 and p5 attended nothing after 2026-05-20 (six months before the as-of day).
    const quiet = [meeting('2026-03-11'), ...monthly.map((m) => ({ ...m, attendees: ['p1', 'p2', 'p3', 'p6', 'p7', 'p8'] }))];
    const cop = judge(quiet, '2026-11-20');
    expect(cop.warnings.find((w) => w.id === 'prune-below-min')!.message).toBe(
      'Pruning would drop the CoP below the minimum membership: 2 of 5 members (p4, p5) attended no meeting held after 2026-05-20, leaving 3; the policy needs 5.',
    );
    // Enough members left after pruning: no warning.
    const large = judge(quiet, '2026-11-20', { members: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'] });
    expect(ids(large)).not.toContain('prune-below-min');
    // Role holders are never pruned: p3 is in the core group, so only p4 and p5 count here too.
    expect(cop.warnings.find((w) => w.id === 'prune-below-min')!.message).not.toMatch(/p3/);
  });
});
