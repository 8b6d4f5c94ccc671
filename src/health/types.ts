/**
 * What `cop health` finds, as plain data. This is also the `--format json` output, version 1:
 * one JSON document, two-space indented, keys in the order shown, ending in a newline.
 *
 * ```jsonc
 * {
 *   "version": 1,
 *   "asOf": "2026-11-20",
 *   "policy": { "minParticipants": 5, "lowParticipationMonths": 2 },
 *   "cops": [                                   // every CoP with a charter, sorted by id
 *     {
 *       "id": "mobile",
 *       "name": "Mobile Development",
 *       "status": "active",                     // "proposed" | "active" | "dissolved"
 *       "level": "flagged",                     // "ok" | "at-risk" | "flagged" | "not-judged" (not active)
 *       "triggers": [                           // empty when ok or not judged
 *         {
 *           "id": "low-participation",          // | "topics-finished" | "not-strategic"
 *           "level": "flagged",                 // "at-risk" | "flagged"
 *           "decidedBy": { "role": "cop", "people": ["aisha.bello", "…"] },  // role: "cop" | "coordinator" | "cto"
 *           "evidence": {                       // for low-participation:
 *             "run": 3,                         //   unreached complete months in a row, up to the last complete month
 *             "allowed": 2,                     //   policy.low_participation_months
 *             "months": [                       //   the months of the run, oldest first
 *               { "month": "2026-08", "bestAttendance": 3,   // null when no meeting was held that month
 *                 "meetings": [ { "file": "cops/mobile/meetings/2026-08-20.yaml", "date": "2026-08-20", "participants": 3 } ],
 *                 "outputs": [ { "file": "cops/mobile/outputs/2026-08-27-offline-sync.yaml", "date": "2026-08-27",
 *                                "title": "…", "kind": "written-show-and-tell" } ] }   // only in a month with outputs
 *               // a cancelled meeting: { "file": …, "date": …, "participants": 0, "cancelled": true, "reason": "…" }
 *             ],
 *             "cancelled": { "count": 3, "of": 4 }   //   only when meetings of the run were cancelled
 *           }
 *           // for a declared trigger the evidence is
 *           // { "declaredBy": "priya.raman", "date": "2026-05-06", "note": "…" }   (note optional)
 *         }
 *       ],
 *       "warnings": [
 *         { "id": "cadence", "message": "…" }   // ids: cadence, core-group, rotation, goal-review, budget-unused, no-coordinator, prune-below-min
 *       ],
 *       "trend": [                              // the 12 months ending with the as-of month, oldest first
 *         { "month": "2025-12", "bestAttendance": 6 }    // null: no meeting that month
 *       ]
 *     }
 *   ]
 * }
 * ```
 */
import type { IsoDate, IsoMonth } from '../core/dates.js';
import type { Charter, DissolutionTrigger, OutputKind } from '../model/schema-types.js';

export type HealthLevel = 'ok' | 'at-risk' | 'flagged';
export type TriggerId = DissolutionTrigger;

/** Who decides a trigger: the CoP itself (its members), its coordinator, or the CTO / sponsor. */
export interface DecidedBy {
  role: 'cop' | 'coordinator' | 'cto';
  /** The people in that role as of the date judged (members; the current coordinator; the CTO and the sponsor). */
  people: string[];
}

export interface MeetingEvidence {
  file: string;
  date: IsoDate;
  /** Attendees plus guests (0 for a cancelled meeting). */
  participants: number;
  /** Present (true) for a meeting logged as cancelled, with its reason. */
  cancelled?: true;
  reason?: string;
}

/** An output of the month: not a meeting, so it never makes a month reached, but the CTO sees the CoP's asynchronous work before deciding. */
export interface OutputEvidence {
  file: string;
  date: IsoDate;
  title: string;
  kind: OutputKind;
}

export interface MonthEvidence {
  month: IsoMonth;
  /** The most participants in any meeting that month; null when there was no meeting. */
  bestAttendance: number | null;
  meetings: MeetingEvidence[];
  /** Present when the CoP recorded outputs dated in the month. */
  outputs?: OutputEvidence[];
}

export interface LowParticipationEvidence {
  run: number;
  allowed: number;
  months: MonthEvidence[];
  /** Present when meetings of the run were cancelled: how many, of the meetings logged in the run. */
  cancelled?: { count: number; of: number };
}

export interface DeclaredEvidence {
  declaredBy: string;
  date: IsoDate;
  note?: string;
}

export interface TriggerResult {
  id: TriggerId;
  level: Exclude<HealthLevel, 'ok'>;
  decidedBy: DecidedBy;
  evidence: LowParticipationEvidence | DeclaredEvidence;
}

export type WarningId = 'cadence' | 'core-group' | 'rotation' | 'goal-review' | 'budget-unused' | 'no-coordinator' | 'prune-below-min';

export interface HealthWarning {
  id: WarningId;
  message: string;
}

export interface TrendPoint {
  month: IsoMonth;
  bestAttendance: number | null;
}

export interface CopHealth {
  id: string;
  name: string;
  status: Charter['status'];
  level: HealthLevel | 'not-judged';
  triggers: TriggerResult[];
  warnings: HealthWarning[];
  trend: TrendPoint[];
}

export interface HealthReport {
  version: 1;
  asOf: IsoDate;
  policy: { minParticipants: number; lowParticipationMonths: number };
  cops: CopHealth[];
}
