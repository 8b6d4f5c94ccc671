/** Each change of `cop diff` in plain words, shared by the text and Markdown renderers. */
import type { Change, LifecycleFinding, WorkspaceDiff } from '../../diff/changes.js';

/**
 * What `cop diff` compared and found. `head.ref` is null for the working tree.
 *
 * `cop diff --format json` prints exactly this object:
 *
 * ```json
 * {
 *   "base": { "ref": "main", "commit": "<40 hex>" },
 *   "head": { "ref": null, "commit": null },
 *   "changes": [{ "kind": "budget-changed", "cop": "aws", "item": "hours_per_month", "before": 2, "after": 4 }],
 *   "findings": [{ "rule": "status-move", "cop": "aws", "file": "cops/aws/charter.yaml", "message": "…" }],
 *   "summary": { "changes": 1, "findings": 1 }
 * }
 * ```
 *
 * Each change has a `kind` (see `Change` in src/diff/changes.ts for every kind and its fields).
 */
export interface DiffReport {
  base: { ref: string; commit: string };
  head: { ref: string | null; commit: string | null };
  changes: Change[];
  findings: LifecycleFinding[];
  summary: { changes: number; findings: number };
}

export function diffReport(base: DiffReport['base'], head: DiffReport['head'], diff: WorkspaceDiff): DiffReport {
  return { base, head, changes: diff.changes, findings: diff.findings, summary: { changes: diff.changes.length, findings: diff.findings.length } };
}

const short = (commit: string) => commit.slice(0, 7);
export const baseLabel = (r: DiffReport) => `${r.base.ref} (${short(r.base.commit)})`;
export const headLabel = (r: DiffReport) => (r.head.ref === null ? 'the working tree' : `${r.head.ref} (${short(r.head.commit ?? '')})`);

const words = (setting: string) => setting.replace(/_/g, ' ');
const value = (v: string | number | boolean | null) => (v === null ? 'not set' : String(v));

/** `2 → 4 (+2)`; no difference shown when a side is unset. */
export function figures(before: number | null, after: number | null): string {
  const delta = before !== null && after !== null ? ` (${after - before >= 0 ? '+' : ''}${Number((after - before).toFixed(2))})` : '';
  return `${value(before)} → ${value(after)}${delta}`;
}

const cost = (c: { amount: number; per: string } | null) => (c === null ? 'none' : `${c.amount} per ${c.per}`);

/** The heading a change falls under: the CoP id, or a part of the organisation. */
export function scopeOf(change: Change): string {
  if ('cop' in change) return change.cop;
  switch (change.kind) {
    case 'policy-changed':
      return 'policy';
    case 'yearly-budget-changed':
      return 'yearly budget';
    case 'config-changed':
      return 'config';
    default:
      return 'people';
  }
}

export function describe(change: Change): string {
  switch (change.kind) {
    case 'cop-proposed':
      return `new CoP proposed: ${change.name}, sponsor ${change.sponsor ?? 'not named'}, ${change.members} members`;
    case 'cop-added':
      return `new CoP added as ${change.status}: ${change.name}`;
    case 'cop-activated':
      return `activated${change.activated ? ` on ${change.activated}` : ''} with ${change.members} members`;
    case 'cop-dissolved': {
      const d = change.dissolved;
      const parts = [d?.reason ? `reason ${d.reason}` : 'no reason given', d?.decided_by ? `decided by ${d.decided_by}` : 'nobody named as deciding'];
      return `dissolved${d?.date ? ` on ${d.date}` : ''}: ${parts.join(', ')}`;
    }
    case 'cop-status-changed':
      return `status ${change.before} → ${change.after}`;
    case 'cop-removed':
      return `charter removed (it was ${change.status})`;
    case 'budget-changed':
      return `budget ${words(change.item)} ${figures(change.before, change.after)}${dating(change, `budget.changes: [{ from: YYYY-MM-01, hours_per_month: ${value(change.after)} }]`)}`;
    case 'cost-changed': {
      const what = `${change.category}${change.description ? ` (${change.description})` : ''}`;
      if (change.before === null) return `approved cost added: ${what}, ${cost(change.after)}`;
      if (change.after === null) return `approved cost removed: ${what}, was ${cost(change.before)}`;
      return `approved cost ${what} ${cost(change.before)} → ${cost(change.after)}`;
    }
    case 'sponsor-changed':
      return `sponsor ${value(change.before)} → ${value(change.after)}`;
    case 'coordinator-changed':
      return `coordinator ${value(change.before)} → ${value(change.after)}${change.from ? ` from ${change.from}` : ''}`;
    case 'deputy-changed':
      return `deputy coordinator ${value(change.before)} → ${value(change.after)}`;
    case 'members-changed': {
      const parts = [change.added.length ? `added ${change.added.join(', ')}` : '', change.removed.length ? `removed ${change.removed.join(', ')}` : ''];
      return `members ${figures(change.before, change.after)}: ${parts.filter(Boolean).join('; ')}`;
    }
    case 'max-members-changed':
      return `max members ${figures(change.before, change.after)}`;
    case 'charter-changed':
      return `also changed: ${change.fields.join(', ')}`;
    case 'policy-changed':
      return typeof change.before === 'number' && typeof change.after === 'number'
        ? `${words(change.setting)} ${figures(change.before, change.after)}`
        : `${words(change.setting)} ${value(change.before)} → ${value(change.after)}`;
    case 'yearly-budget-changed':
      return `${change.year} ${change.item} ${figures(change.before, change.after)}${dating(change, `changes: [{ from: ${change.year}-MM-01, ${change.item}: ${value(change.after)} }] to the ${change.year} budget`)}`;
    case 'config-changed':
      return `${change.setting} ${value(change.before)} → ${value(change.after)}`;
    case 'person-added':
      return `added ${change.person} (${change.name})`;
    case 'person-removed':
      return `removed ${change.person} (${change.name})`;
    case 'person-changed':
      return `${change.person}: ${change.fields.map((f) => `${words(f.field)} ${value(f.before)} → ${value(f.after)}`).join(', ')}`;
  }
}

/**
 * ` from 2026-07-01` for a dated change; for a figure edited in place, what that does to past
 * months and the dated entry that would keep them true.
 */
function dating(change: { from?: string; undated?: true; before: number | null }, entry: string): string {
  if (change.from !== undefined) return ` from ${change.from}`;
  if (!change.undated) return '';
  return ` with no dated entry, so every month of the year counts at the new figure, past ones too; to keep past months at ${value(change.before)}, leave the figure as it was and add ${entry}`;
}

/** Changes grouped by heading: the CoPs first (by id, as the diff ordered them), then the organisation. */
export function grouped(changes: readonly Change[]): [string, Change[]][] {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const scope = scopeOf(change);
    groups.set(scope, [...(groups.get(scope) ?? []), change]);
  }
  return [...groups];
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
