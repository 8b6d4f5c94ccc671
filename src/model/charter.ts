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
