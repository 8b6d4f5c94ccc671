import { describe, expect, it } from 'vitest';
import { diffWorkspaces } from '../../src/diff/diff.js';
import { describe as describeChange } from '../../src/render/diff/words.js';
import type { Charter } from '../../src/model/schema-types.js';
import { charter, people, person, workspace } from '../helpers/workspace.js';

const base = () => workspace({ people: people(6), config: { cto: 'p1', budgets: [{ year: 2026, hours: 320, money: 1600 }] }, cops: { aws: { charter: charter('aws') } } });

describe('diffWorkspaces: changes', () => {
  it('a raised budget and a swapped coordinator are exactly two changes', () => {
    const before = base();
    const after = workspace({
      people: people(6),
      config: { cto: 'p1', budgets: [{ year: 2026, hours: 320, money: 1600 }] },
      cops: {
        aws: {
          charter: charter('aws', {
            budget: { hours_per_month: 4, refreshments_per_head: 6 },
            coordinator: { rotation_months: 3, terms: [{ person: 'p2', from: '2026-10-01', until: '2026-12-31' }, { person: 'p3', from: '2027-01-01' }] },
          }),
        },
      },
    });
    expect(diffWorkspaces(before, after)).toEqual({
      changes: [
        { kind: 'budget-changed', cop: 'aws', item: 'hours_per_month', before: 2, after: 4, undated: true },
        { kind: 'coordinator-changed', cop: 'aws', before: 'p2', after: 'p3', from: '2027-01-01' },
      ],
      findings: [],
    });
  });

  it('no changes between equal workspaces, and reordered keys are no change', () => {
    const { id, name, ...rest } = charter('aws');
    const reordered = workspace({ people: people(6), config: { budgets: [{ year: 2026, hours: 320, money: 1600 }], cto: 'p1' }, cops: { aws: { charter: { ...rest, name, id } } } });
    expect(diffWorkspaces(base(), reordered)).toEqual({ changes: [], findings: [] });
  });

  it('reports a proposal, with its sponsor and member count', () => {
    const after = base();
    after.cops.push({ id: 'sec', charterFile: 'cops/sec/charter.yaml', hasCharterFile: true, meetings: [], outputs: [], reviews: [], charter: charter('sec', { status: 'proposed', activated: undefined, sponsor: 'p4', members: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'] }) });
    expect(diffWorkspaces(base(), after).changes).toEqual([{ kind: 'cop-proposed', cop: 'sec', name: 'SEC', sponsor: 'p4', members: 6 }]);
  });

  it('reports an activation and a dissolution with its record', () => {
    const before = workspace({ people: people(6), cops: { a: { charter: charter('a', { status: 'proposed' }) }, b: { charter: charter('b') } } });
    const dissolved = { date: '2026-11-01', reason: 'topics-finished' as const, decided_by: 'p2' };
    const after = workspace({ people: people(6), cops: { a: { charter: charter('a') }, b: { charter: charter('b', { status: 'dissolved', dissolved }) } } });
    const result = diffWorkspaces(before, after);
    expect(result.changes).toEqual([
      { kind: 'cop-activated', cop: 'a', activated: '2026-01-10', members: 5 },
      { kind: 'cop-dissolved', cop: 'b', from: 'active', dissolved },
    ]);
    expect(result.findings).toEqual([]);
  });

  it('reports a removed charter', () => {
    const after = workspace({ people: people(6), config: { cto: 'p1', budgets: [{ year: 2026, hours: 320, money: 1600 }] } });
    expect(diffWorkspaces(base(), after).changes).toEqual([{ kind: 'cop-removed', cop: 'aws', name: 'AWS', status: 'active' }]);
  });

  it('reports sponsor, deputy, members, max members, refreshments, costs and other fields', () => {
    const before = workspace({ people: people(7), cops: { aws: { charter: charter('aws', { budget: { hours_per_month: 2, other_costs: [{ category: 'licence', amount: 100, per: 'year' }] } }) } } });
    const after = workspace({
      people: people(7),
      cops: {
        aws: {
          charter: charter('aws', {
            sponsor: 'p3',
            coordinator: { rotation_months: 3, deputy: 'p4', terms: [{ person: 'p2', from: '2026-10-01' }] },
            members: ['p1', 'p2', 'p3', 'p4', 'p6', 'p7'],
            max_members: 10,
            budget: { hours_per_month: 2, refreshments_per_head: 5, other_costs: [{ category: 'licence', amount: 150, per: 'year' }, { category: 'venue', amount: 40, per: 'month' }] },
            rationale: 'A new reason.',
            scope: { subject: 'aws things', in: ['more'] },
          }),
        },
      },
    });
    expect(diffWorkspaces(before, after).changes).toEqual([
      { kind: 'budget-changed', cop: 'aws', item: 'refreshments_per_head', before: null, after: 5 },
      { kind: 'cost-changed', cop: 'aws', category: 'licence', description: null, before: { category: 'licence', amount: 100, per: 'year' }, after: { category: 'licence', amount: 150, per: 'year' } },
      { kind: 'cost-changed', cop: 'aws', category: 'venue', description: null, before: null, after: { category: 'venue', amount: 40, per: 'month' } },
      { kind: 'sponsor-changed', cop: 'aws', before: 'p1', after: 'p3' },
      { kind: 'deputy-changed', cop: 'aws', before: null, after: 'p4' },
      { kind: 'members-changed', cop: 'aws', added: ['p6', 'p7'], removed: ['p5'], before: 5, after: 6 },
      { kind: 'max-members-changed', cop: 'aws', before: null, after: 10 },
      { kind: 'charter-changed', cop: 'aws', fields: ['rationale', 'scope'] },
    ]);
  });

  it('reports term edits without a new coordinator as a coordinator field change', () => {
    const after = workspace({ people: people(6), config: { cto: 'p1', budgets: [{ year: 2026, hours: 320, money: 1600 }] }, cops: { aws: { charter: charter('aws', { coordinator: { rotation_months: 3, terms: [{ person: 'p2', from: '2026-09-01' }] } }) } } });
    expect(diffWorkspaces(base(), after).changes).toEqual([{ kind: 'charter-changed', cop: 'aws', fields: ['coordinator'] }]);
  });

  it('reports policy (defaults applied), yearly budgets, config settings and people', () => {
    const before = workspace({ people: [person('p1'), person('p2'), person('p3')], config: { cto: 'p1', budgets: [{ year: 2026, hours: 320, money: 1600 }] } });
    const after = workspace({
      people: [person('p1'), person('p2', { github: 'p2-new', monthly_hours: 6 }), person('p4')],
      config: { cto: 'p1', approvers: ['p1', 'p2'], policy: { min_members: 4 }, rules: { 'goal-review-due': 'off' }, budgets: [{ year: 2026, hours: 340, money: 1600 }, { year: 2027, hours: 300, money: 1500 }] },
    });
    expect(diffWorkspaces(before, after).changes).toEqual([
      { kind: 'policy-changed', setting: 'min_members', before: 5, after: 4 },
      { kind: 'yearly-budget-changed', year: 2026, item: 'hours', before: 320, after: 340, undated: true },
      { kind: 'yearly-budget-changed', year: 2027, item: 'hours', before: null, after: 300 },
      { kind: 'yearly-budget-changed', year: 2027, item: 'money', before: null, after: 1500 },
      { kind: 'config-changed', setting: 'approvers', before: null, after: 'p1, p2' },
      { kind: 'config-changed', setting: 'rules.goal-review-due', before: null, after: 'off' },
      { kind: 'person-added', person: 'p4', name: 'P4' },
      { kind: 'person-removed', person: 'p3', name: 'P3' },
      { kind: 'person-changed', person: 'p2', fields: [{ field: 'github', before: 'p2', after: 'p2-new' }, { field: 'monthly_hours', before: null, after: 6 }] },
    ]);
  });
});

describe('diffWorkspaces: dated budgets', () => {
  const withBudget = (budget: Charter['budget'], yearly: Parameters<typeof workspace>[0] = {}) =>
    workspace({ people: people(6), config: { cto: 'p1', budgets: [{ year: 2026, hours: 320, money: 1600 }] }, cops: { aws: { charter: charter('aws', { budget }) } }, ...yearly });

  it('reports a new dated entry with the figure in force before it, and no undated edit', () => {
    const before = withBudget({ hours_per_month: 2 });
    const after = withBudget({ hours_per_month: 2, changes: [{ from: '2026-07-01', hours_per_month: 5 }] });
    expect(diffWorkspaces(before, after).changes).toEqual([{ kind: 'budget-changed', cop: 'aws', item: 'hours_per_month', before: 2, after: 5, from: '2026-07-01' }]);
  });

  it('says an in-place edit has no dated entry and suggests one', () => {
    const changes = diffWorkspaces(withBudget({ hours_per_month: 2 }), withBudget({ hours_per_month: 5 })).changes;
    expect(changes).toEqual([{ kind: 'budget-changed', cop: 'aws', item: 'hours_per_month', before: 2, after: 5, undated: true }]);
    const text = describeChange(changes[0]!);
    expect(text).toContain('with no dated entry');
    expect(text).toContain('to keep past months at 2');
    expect(text).toContain('budget.changes: [{ from: YYYY-MM-01, hours_per_month: 5 }]');
  });

  it('reports a dated change to the yearly budget, item by item', () => {
    const after = withBudget({ hours_per_month: 2 }, { config: { cto: 'p1', budgets: [{ year: 2026, hours: 320, money: 1600, changes: [{ from: '2026-09-01', money: 2000 }] }] } });
    expect(diffWorkspaces(withBudget({ hours_per_month: 2 }), after).changes).toEqual([
      { kind: 'yearly-budget-changed', year: 2026, item: 'money', before: 1600, after: 2000, from: '2026-09-01' },
    ]);
    expect(describeChange({ kind: 'yearly-budget-changed', year: 2026, item: 'money', before: 1600, after: 2000, from: '2026-09-01' })).toBe('2026 money 1600 → 2000 (+400) from 2026-09-01');
  });
});

describe('diffWorkspaces: lifecycle findings', () => {
  const rules = (before: ReturnType<typeof workspace>, after: ReturnType<typeof workspace>) => diffWorkspaces(before, after).findings.map((f) => f.rule);

  it('a new CoP must enter as proposed', () => {
    const after = base();
    after.cops.push({ id: 'sec', charterFile: 'cops/sec/charter.yaml', hasCharterFile: true, meetings: [], outputs: [], reviews: [], charter: charter('sec') });
    const result = diffWorkspaces(base(), after);
    expect(result.changes).toEqual([{ kind: 'cop-added', cop: 'sec', name: 'SEC', status: 'active' }]);
    expect(result.findings).toEqual([{ rule: 'new-cop-not-proposed', cop: 'sec', file: 'cops/sec/charter.yaml', message: expect.stringMatching(/enters as `proposed`, not `active`/) }]);
  });

  it('the first import of an organisation (nothing before) takes CoPs as they stand', () => {
    const before = workspace({ people: null });
    expect(rules(before, base())).toEqual([]);
  });

  it('status may not go back, nor skip active', () => {
    const withStatus = (status: 'proposed' | 'active' | 'dissolved') =>
      workspace({ people: people(6), cops: { aws: { charter: charter('aws', status === 'dissolved' ? { status, dissolved: { date: '2026-11-01', reason: 'not-strategic', decided_by: 'p1' } } : { status }) } } });
    expect(rules(withStatus('active'), withStatus('proposed'))).toEqual(['status-move']);
    expect(rules(withStatus('dissolved'), withStatus('active'))).toEqual(['status-move']);
    expect(rules(withStatus('proposed'), withStatus('dissolved'))).toEqual(['status-move']);
    expect(diffWorkspaces(withStatus('dissolved'), withStatus('active')).changes[0]).toEqual({ kind: 'cop-status-changed', cop: 'aws', before: 'dissolved', after: 'active' });
  });

  it('an activated CoP needs the minimum members of the policy after the change', () => {
    const proposed = (config = {}) => workspace({ people: people(6), config, cops: { aws: { charter: charter('aws', { status: 'proposed', members: ['p1', 'p2', 'p3', 'p4'] }) } } });
    const active = (config = {}) => workspace({ people: people(6), config, cops: { aws: { charter: charter('aws', { members: ['p1', 'p2', 'p3', 'p4'] }) } } });
    const findings = diffWorkspaces(proposed(), active()).findings;
    expect(findings).toEqual([{ rule: 'activated-below-min-members', cop: 'aws', file: 'cops/aws/charter.yaml', message: 'Activated with 4 members; the policy needs at least 5.' }]);
    expect(rules(proposed({ policy: { min_members: 4 } }), active({ policy: { min_members: 4 } }))).toEqual([]);
  });

  it('a dissolution names the reason and who decided', () => {
    const before = base();
    const after = (dissolved: object | undefined) =>
      workspace({ people: people(6), config: { cto: 'p1', budgets: [{ year: 2026, hours: 320, money: 1600 }] }, cops: { aws: { charter: charter('aws', { status: 'dissolved', ...(dissolved ? { dissolved } : {}) }) } } });
    const noDecider = diffWorkspaces(before, after({ date: '2026-11-01', reason: 'not-strategic' })).findings;
    expect(noDecider.map((f) => f.message)).toEqual(['Dissolved without `dissolved.decided_by`: a dissolution names the reason and who decided.']);
    expect(diffWorkspaces(before, after(undefined)).findings[0]?.message).toMatch(/without `dissolved.reason` and `dissolved.decided_by`/);
    expect(rules(before, after({ date: '2026-11-01', reason: 'not-strategic', decided_by: 'p1' }))).toEqual([]);
  });
});
