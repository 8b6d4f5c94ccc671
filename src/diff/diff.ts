/**
 * Compares two revisions of a data root, already loaded, and says what a reviewer is asked to
 * approve. Pure. The lifecycle across revisions:
 *
 * - a brand-new CoP enters as `proposed` (the sponsor approves the proposal by approving its
 *   pull request; activation is a later, separate change);
 * - status moves only proposed → active and active → dissolved, one step at a time: going back,
 *   or skipping a step (proposed → dissolved), is a finding;
 * - a CoP being activated has at least the policy's `min_members` members (the policy as it
 *   stands after the change);
 * - a CoP being dissolved records the reason and who decided (`dissolved.reason`, `dissolved.decided_by`).
 *
 * Removing a CoP's charter is reported, not judged. When the base holds no data at all (no
 * config, people or CoPs: the first import of an organisation), new CoPs are taken as they stand.
 */
import { hoursPerMonthIn, yearlyFiguresIn } from '../budget/in-force.js';
import { addMonthsToMonth, monthOf } from '../core/dates.js';
import type { Charter, Person } from '../model/schema-types.js';
import { charters, type Workspace } from '../workspace/workspace.js';
import type { Change, LifecycleFinding, WorkspaceDiff } from './changes.js';

/** JSON with sorted keys, so reordering a YAML mapping is not a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
/** Dated budget entries in `after` that `before` does not have (compared whole). */
function addedEntries<T>(before: readonly T[] | undefined, after: readonly T[] | undefined): T[] {
  const old = new Set((before ?? []).map(canonical));
  return (after ?? []).filter((entry) => !old.has(canonical(entry)));
}
const lastCoordinator = (charter: Charter) => charter.coordinator.terms[charter.coordinator.terms.length - 1];

/** Charter fields with changes of their own kind; the rest are reported by name. */
const OWN_KIND = new Set(['status', 'sponsor', 'budget', 'members', 'max_members', 'coordinator']);

export function diffWorkspaces(before: Workspace, after: Workspace): WorkspaceDiff {
  const changes: Change[] = [];
  const findings: LifecycleFinding[] = [];
  const old = new Map(charters(before).map((cop) => [cop.id, cop]));
  const now = new Map(charters(after).map((cop) => [cop.id, cop]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
  // The first commit of the data (no config, people or CoPs before it) imports CoPs as they stand.
  const importing = before.cops.length === 0 && before.configFile === undefined && before.people === undefined;
  for (const id of ids) {
    const a = old.get(id);
    const b = now.get(id);
    if (!b) {
      changes.push({ kind: 'cop-removed', cop: id, name: a!.charter.name, status: a!.charter.status });
    } else if (!a) {
      newCop(id, b.charter, b.charterFile, changes, importing ? [] : findings);
    } else {
      const status = statusChange(id, a.charter, b.charter, b.charterFile, after, findings);
      if (status) changes.push(status);
      changes.push(...charterChanges(id, a.charter, b.charter, status !== undefined));
    }
  }
  changes.push(...configChanges(before, after), ...peopleChanges(before.people?.data ?? [], after.people?.data ?? []));
  return { changes, findings };
}

function newCop(id: string, charter: Charter, file: string, changes: Change[], findings: LifecycleFinding[]): void {
  if (charter.status === 'proposed') {
    changes.push({ kind: 'cop-proposed', cop: id, name: charter.name, sponsor: orNull(charter.sponsor), members: charter.members.length });
    return;
  }
  changes.push({ kind: 'cop-added', cop: id, name: charter.name, status: charter.status });
  findings.push({
    rule: 'new-cop-not-proposed',
    cop: id,
    file,
    message: `A new CoP enters as \`proposed\`, not \`${charter.status}\`: propose it first; activating it is a later change the sponsor approves.`,
  });
}

function statusChange(id: string, a: Charter, b: Charter, file: string, after: Workspace, findings: LifecycleFinding[]): Change | undefined {
  if (a.status === b.status) return undefined;
  if (a.status === 'proposed' && b.status === 'active') {
    const min = after.policy.min_members;
    if (b.members.length < min) {
      findings.push({ rule: 'activated-below-min-members', cop: id, file, message: `Activated with ${b.members.length} members; the policy needs at least ${min}.` });
    }
    return { kind: 'cop-activated', cop: id, activated: orNull(b.activated), members: b.members.length };
  }
  if (a.status === 'active' && b.status === 'dissolved') {
    const missing = (['reason', 'decided_by'] as const).filter((field) => !b.dissolved?.[field]);
    if (missing.length > 0) {
      findings.push({
        rule: 'dissolution-incomplete',
        cop: id,
        file,
        message: `Dissolved without ${missing.map((f) => `\`dissolved.${f}\``).join(' and ')}: a dissolution names the reason and who decided.`,
      });
    }
    return { kind: 'cop-dissolved', cop: id, from: a.status, dissolved: orNull(b.dissolved) };
  }
  findings.push({
    rule: 'status-move',
    cop: id,
    file,
    message: `Status moved ${a.status} → ${b.status}: a CoP moves only proposed → active → dissolved, one step at a time.`,
  });
  return { kind: 'cop-status-changed', cop: id, before: a.status, after: b.status };
}

function charterChanges(cop: string, a: Charter, b: Charter, statusChanged: boolean): Change[] {
  const changes: Change[] = [];
  for (const item of ['hours_per_month', 'refreshments_per_head'] as const) {
    const before = orNull(a.budget?.[item]);
    const after = orNull(b.budget?.[item]);
    if (before === after) continue;
    const undated = item === 'hours_per_month' && before !== null && after !== null;
    changes.push({ kind: 'budget-changed', cop, item, before, after, ...(undated ? { undated } : {}) });
  }
  for (const entry of addedEntries(a.budget?.changes, b.budget?.changes)) {
    const before = hoursPerMonthIn(b.budget, addMonthsToMonth(monthOf(entry.from), -1));
    changes.push({ kind: 'budget-changed', cop, item: 'hours_per_month', before, after: entry.hours_per_month, from: entry.from });
  }
  const costKey = (c: { category: string; description?: string }) => `${c.category}\u0000${c.description ?? ''}`;
  const oldCosts = new Map((a.budget?.other_costs ?? []).map((c) => [costKey(c), c]));
  const newCosts = new Map((b.budget?.other_costs ?? []).map((c) => [costKey(c), c]));
  for (const key of [...new Set([...oldCosts.keys(), ...newCosts.keys()])]) {
    const before = orNull(oldCosts.get(key));
    const after = orNull(newCosts.get(key));
    if (same(before, after)) continue;
    const cost = (after ?? before)!;
    changes.push({ kind: 'cost-changed', cop, category: cost.category, description: orNull(cost.description), before, after });
  }
  if (a.sponsor !== b.sponsor) changes.push({ kind: 'sponsor-changed', cop, before: orNull(a.sponsor), after: orNull(b.sponsor) });
  const [oldLead, newLead] = [lastCoordinator(a), lastCoordinator(b)];
  const leadChanged = oldLead?.person !== newLead?.person;
  if (leadChanged) changes.push({ kind: 'coordinator-changed', cop, before: orNull(oldLead?.person), after: orNull(newLead?.person), from: orNull(newLead?.from) });
  if (a.coordinator.deputy !== b.coordinator.deputy) {
    changes.push({ kind: 'deputy-changed', cop, before: orNull(a.coordinator.deputy), after: orNull(b.coordinator.deputy) });
  }
  const added = b.members.filter((m) => !a.members.includes(m));
  const removed = a.members.filter((m) => !b.members.includes(m));
  if (added.length || removed.length) changes.push({ kind: 'members-changed', cop, added, removed, before: a.members.length, after: b.members.length });
  if (a.max_members !== b.max_members) changes.push({ kind: 'max-members-changed', cop, before: orNull(a.max_members), after: orNull(b.max_members) });

  const fields: string[] = [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort() as (keyof Charter)[];
  for (const key of keys) {
    if (OWN_KIND.has(key) || (statusChanged && (key === 'activated' || key === 'dissolved'))) continue;
    if (!same(a[key], b[key])) fields.push(key);
  }
  // Budget items other than those with their own kinds, and the coordination beyond a handover.
  const { hours_per_month: _h1, refreshments_per_head: _r1, other_costs: _o1, changes: _c1, ...restA } = a.budget ?? {};
  const { hours_per_month: _h2, refreshments_per_head: _r2, other_costs: _o2, changes: _c2, ...restB } = b.budget ?? {};
  if (!same(a.budget?.changes ?? [], b.budget?.changes ?? []) && addedEntries(a.budget?.changes, b.budget?.changes).length === 0) fields.push('budget.changes');
  if (!same(restA, restB)) fields.push('budget');
  const coordination = (c: Charter) => ({ rotation_months: c.coordinator.rotation_months, appointed_by: c.coordinator.appointed_by, terms: leadChanged ? null : c.coordinator.terms });
  if (!same(coordination(a), coordination(b))) fields.push('coordinator');
  if (fields.length > 0) changes.push({ kind: 'charter-changed', cop, fields: fields.sort() });
  return changes;
}

function configChanges(before: Workspace, after: Workspace): Change[] {
  const changes: Change[] = [];
  const settings = [...new Set([...Object.keys(before.policy), ...Object.keys(after.policy)])] as (keyof Workspace['policy'])[];
  for (const setting of settings) {
    if (before.policy[setting] !== after.policy[setting]) {
      changes.push({ kind: 'policy-changed', setting, before: before.policy[setting], after: after.policy[setting] });
    }
  }
  const budgets = (ws: Workspace) => new Map((ws.config.budgets ?? []).map((b) => [b.year, b]));
  const [oldBudgets, newBudgets] = [budgets(before), budgets(after)];
  for (const year of [...new Set([...oldBudgets.keys(), ...newBudgets.keys()])].sort((x, y) => x - y)) {
    const [oldYear, newYear] = [oldBudgets.get(year), newBudgets.get(year)];
    for (const item of ['hours', 'money'] as const) {
      const a = orNull(oldYear?.[item]);
      const b = orNull(newYear?.[item]);
      if (a !== b) changes.push({ kind: 'yearly-budget-changed', year, item, before: a, after: b, ...(a !== null && b !== null ? { undated: true as const } : {}) });
    }
    for (const entry of newYear ? addedEntries(oldYear?.changes, newYear.changes) : []) {
      const before = yearlyFiguresIn(newYear!, addMonthsToMonth(monthOf(entry.from), -1));
      for (const item of ['hours', 'money'] as const) {
        const after = entry[item];
        if (after !== undefined) changes.push({ kind: 'yearly-budget-changed', year, item, before: before[item], after, from: entry.from });
      }
    }
  }
  const plain = (ws: Workspace): Map<string, string> => {
    const c = ws.config;
    const entries: [string, string | undefined][] = [
      ['organisation', c.organisation],
      ['currency', c.currency],
      ['cto', c.cto],
      ['approvers', c.approvers?.join(', ')],
      ...Object.entries(c.rules ?? {}).map(([rule, severity]): [string, string] => [`rules.${rule}`, severity]),
    ];
    return new Map(entries.filter((e): e is [string, string] => e[1] !== undefined));
  };
  const [oldPlain, newPlain] = [plain(before), plain(after)];
  for (const setting of [...new Set([...oldPlain.keys(), ...newPlain.keys()])]) {
    const a = orNull(oldPlain.get(setting));
    const b = orNull(newPlain.get(setting));
    if (a !== b) changes.push({ kind: 'config-changed', setting, before: a, after: b });
  }
  return changes;
}

function peopleChanges(before: readonly Person[], after: readonly Person[]): Change[] {
  const changes: Change[] = [];
  const old = new Map(before.map((p) => [p.id, p]));
  const now = new Map(after.map((p) => [p.id, p]));
  for (const [id, person] of now) if (!old.has(id)) changes.push({ kind: 'person-added', person: id, name: person.name });
  for (const [id, person] of old) if (!now.has(id)) changes.push({ kind: 'person-removed', person: id, name: person.name });
  for (const [id, b] of now) {
    const a = old.get(id);
    if (!a) continue;
    const fields = (['name', 'github', 'manager', 'monthly_hours'] as const)
      .filter((field) => a[field] !== b[field])
      .map((field) => ({ field, before: orNull(a[field]), after: orNull(b[field]) }));
    if (fields.length > 0) changes.push({ kind: 'person-changed', person: id, fields });
  }
  return changes;
}
