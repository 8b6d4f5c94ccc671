/** What `cop diff` finds between two revisions of a data root: the typed changes and the lifecycle findings. */
import type { ApprovedCost, Charter, Dissolution } from '../model/schema-types.js';

type Status = Charter['status'];

/** A figure that may be unset on one side. */
export interface FigureChange {
  before: number | null;
  after: number | null;
}

/** A person id (or other single value) that may be unset on one side. */
export interface ValueChange {
  before: string | null;
  after: string | null;
}

/**
 * One change a reviewer is asked to approve. `cop` is the CoP id where the change is about one CoP.
 * Figures and people are `null` where unset on that side.
 */
export type Change =
  /** A new CoP folder entering as `proposed`. */
  | { kind: 'cop-proposed'; cop: string; name: string; sponsor: string | null; members: number }
  /** A new CoP folder entering with another status (also a lifecycle finding). */
  | { kind: 'cop-added'; cop: string; name: string; status: Status }
  | { kind: 'cop-activated'; cop: string; activated: string | null; members: number }
  | { kind: 'cop-dissolved'; cop: string; from: Status; dissolved: Dissolution | null }
  /** Any other status move (also a lifecycle finding). */
  | { kind: 'cop-status-changed'; cop: string; before: Status; after: Status }
  /** The charter is gone (its folder or just the file). */
  | { kind: 'cop-removed'; cop: string; name: string; status: Status }
  /**
   * A budget figure changed. `from` is set for a new dated entry in `budget.changes` (`before` is
   * the figure in force just before it); `undated` is true when the hours per month were edited
   * in place, which rewrites every past month of the year too.
   */
  | ({ kind: 'budget-changed'; cop: string; item: 'hours_per_month' | 'refreshments_per_head'; from?: string; undated?: true } & FigureChange)
  /** An approved other cost added, removed or changed; costs are matched by category and description. */
  | { kind: 'cost-changed'; cop: string; category: string; description: string | null; before: ApprovedCost | null; after: ApprovedCost | null }
  | ({ kind: 'sponsor-changed'; cop: string } & ValueChange)
  /** The coordinator: the person of the charter's latest term (the current one, or a scheduled handover). */
  | ({ kind: 'coordinator-changed'; cop: string; from: string | null } & ValueChange)
  | ({ kind: 'deputy-changed'; cop: string } & ValueChange)
  | { kind: 'members-changed'; cop: string; added: string[]; removed: string[]; before: number; after: number }
  | ({ kind: 'max-members-changed'; cop: string } & FigureChange)
  /** Other charter fields that changed (scope, goals, rationale, format, membership…), by name. */
  | { kind: 'charter-changed'; cop: string; fields: string[] }
  /** A policy setting, defaults applied on both sides. */
  | { kind: 'policy-changed'; setting: string; before: string | number | boolean; after: string | number | boolean }
  /** Like `budget-changed`: `from` for a new dated entry in the year's `changes`, `undated` for a figure edited in place. */
  | ({ kind: 'yearly-budget-changed'; year: number; item: 'hours' | 'money'; from?: string; undated?: true } & FigureChange)
  /** Other settings of cop.config.yaml: organisation, currency, cto, approvers, rules.<id>. */
  | ({ kind: 'config-changed'; setting: string } & ValueChange)
  | { kind: 'person-added'; person: string; name: string }
  | { kind: 'person-removed'; person: string; name: string }
  | { kind: 'person-changed'; person: string; fields: { field: string; before: string | number | null; after: string | number | null }[] };

export type ChangeKind = Change['kind'];

/** A move the lifecycle does not allow. */
export interface LifecycleFinding {
  rule: 'new-cop-not-proposed' | 'status-move' | 'activated-below-min-members' | 'dissolution-incomplete';
  cop: string;
  /** The charter file, relative to the data root. */
  file: string;
  message: string;
}

export interface WorkspaceDiff {
  changes: Change[];
  findings: LifecycleFinding[];
}
