/**
 * What `cop due` finds, as plain data; also the `--format json` output, version 1.
 *
 * ```jsonc
 * {
 *   "version": 1,
 *   "asOf": "2026-11-20",
 *   "until": "2026-12-20",                  // as-of + --within: items due later are left out
 *   "person": "seren.howarth",              // null for the whole organisation
 *   "items": [                              // soonest first (overdue ones lead), then by CoP and kind
 *     {
 *       "kind": "handover",                 // see DueKind
 *       "cop": "aws",                       // null for the organisation's yearly budget
 *       "date": "2026-12-01",
 *       "overdue": false,                   // date before asOf
 *       "message": "…",                     // one sentence a person can act on
 *       "people": [ { "id": "seren.howarth", "role": "coordinator" } ]   // who should act, and why
 *     }
 *   ]
 * }
 * ```
 */
import type { IsoDate } from '../core/dates.js';

export type DueKind =
  /** A goal's `review_by` date. */
  | 'goal-review'
  /** The review three months after a CoP became active (seed: "review after three months"). */
  | 'first-review'
  /** A goal (with an `id`) that no meeting held and no output has named since the last recorded review (or activation): dated its review. */
  | 'unserved-goal'
  /** A recorded goal review (`cop review --record`) whose outcomes are still placeholders: dated the review's day. */
  | 'review-outcomes'
  /** A rotating coordinator's term ends and nobody is lined up for the next one. */
  | 'handover'
  /** The cadence expects a meeting and none is logged. */
  | 'meeting'
  /** A recent meeting of a CoP that publishes recordings has no `recording` link. */
  | 'recording'
  /** One more unreached month flags the CoP for dissolution. */
  | 'dissolution-risk'
  /** The CoP meets a dissolution trigger: whoever the policy names must dissolve it or record why not. */
  | 'dissolution-decision'
  /** At the year's monthly rate so far, a budget runs out before December ends. */
  | 'budget'
  /** Work handed to a circle is still `proposed`, unanswered, 30 days after the output. */
  | 'handoff';

export type DueRole = 'coordinator' | 'sponsor' | 'member' | 'approver';

export interface DuePerson {
  id: string;
  role: DueRole;
}

export interface DueItem {
  kind: DueKind;
  cop: string | null;
  date: IsoDate;
  overdue: boolean;
  message: string;
  people: DuePerson[];
}

export interface DueReport {
  version: 1;
  asOf: IsoDate;
  until: IsoDate;
  person: string | null;
  items: DueItem[];
}
