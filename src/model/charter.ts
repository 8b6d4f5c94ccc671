/** Small questions asked of a charter by rules, reports and health checks. */
import { addMonthsIso, type IsoDate } from '../core/dates.js';
import type { ResolvedPolicy } from './policy.js';
import type { Charter, CoordinatorTerm } from './schema-types.js';

/** Proposed and active CoPs are held to the policy; dissolved ones are history. */
export function isLive(charter: Charter): boolean {
  return charter.status === 'proposed' || charter.status === 'active';
}

/** The day the CoP became active: `activated`, else `created`. */
export function activeSince(charter: Charter): IsoDate {
  return charter.activated ?? charter.created;
}

/** The coordinator term that covers `asOf`, if any. */
export function currentTerm(charter: Charter, asOf: IsoDate): CoordinatorTerm | undefined {
  return charter.coordinator.terms.find((term) => term.from <= asOf && (term.until === undefined || term.until >= asOf));
}

/** The refreshments cap per head that applies to a CoP. */
export function refreshmentsCap(charter: Charter | undefined, policyCap: number): number {
  return charter?.budget?.refreshments_per_head ?? policyCap;
}

/**
 * Months per coordinator term: the charter's `rotation_months`; absent means the policy decides
 * (its `rotation_months` where leaders rotate); null means a fixed leader who never rotates.
 */
export function rotationMonths(charter: Charter, policy: ResolvedPolicy): number | null {
  const declared = charter.coordinator.rotation_months;
  if (declared !== undefined) return declared;
  return policy.leader === 'rotating' ? policy.rotation_months : null;
}

export interface RotationDue {
  term: CoordinatorTerm;
  rotation: number;
  /** The current term's start plus the rotation months. */
  due: IsoDate;
}

/** The current term and when a new one is due, where the post rotates. */
export function rotationDue(charter: Charter, policy: ResolvedPolicy, asOf: IsoDate): RotationDue | undefined {
  const term = currentTerm(charter, asOf);
  const rotation = rotationMonths(charter, policy);
  if (!term || rotation === null) return undefined;
  return { term, rotation, due: addMonthsIso(term.from, rotation) };
}

/** The current term and the date a new one was due, when the post rotates and that date has passed. */
export function overdueRotation(charter: Charter, policy: ResolvedPolicy, asOf: IsoDate): RotationDue | undefined {
  const rotation = rotationDue(charter, policy, asOf);
  return rotation && asOf > rotation.due ? rotation : undefined;
}

/** A part a proposed or active charter must have: its field (absent or empty) and what to do about it. */
export interface MissingPart {
  field: 'sponsor' | 'rationale' | 'goals';
  /** Whether the field is present but empty (`goals: []`), so a finding can point at it. */
  present: boolean;
  message: string;
}

/** The sponsor, rationale and goals a live charter lacks (rule `charter-complete`, `cop activate`). */
export function missingParts(charter: Charter): MissingPart[] {
  const missing: MissingPart[] = [];
  if (!charter.sponsor) missing.push({ field: 'sponsor', present: false, message: "No `sponsor`: name the person who approves the CoP's time and money." });
  if (!charter.rationale?.trim()) missing.push({ field: 'rationale', present: false, message: 'No `rationale`: say why the organisation should invest in this CoP.' });
  if (!charter.goals?.length) {
    missing.push({ field: 'goals', present: charter.goals !== undefined, message: 'No `goals`: start with one or two (support, educate, evaluate, evangelise).' });
  }
  return missing;
}

/** Distinct members against the policy minimum; a message when there are too few. */
export function tooFewMembers(charter: Charter, policy: ResolvedPolicy): string | undefined {
  const count = new Set(charter.members).size;
  const min = policy.min_members;
  return count < min ? `${charter.status === 'active' ? 'An' : 'A'} ${charter.status} CoP needs at least ${min} members; ${count} listed.` : undefined;
}
