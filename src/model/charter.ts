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

/** The current term and the date a new one was due, when the post rotates and that date has passed. */
export function overdueRotation(
  charter: Charter,
  policy: ResolvedPolicy,
  asOf: IsoDate,
): { term: CoordinatorTerm; rotation: number; due: IsoDate } | undefined {
  const term = currentTerm(charter, asOf);
  const rotation = rotationMonths(charter, policy);
  if (!term || rotation === null) return undefined;
  const due = addMonthsIso(term.from, rotation);
  return asOf > due ? { term, rotation, due } : undefined;
}
