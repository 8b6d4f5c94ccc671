/** Small questions asked of a charter by rules, reports and health checks. */
import type { IsoDate } from '../core/dates.js';
import type { Charter, CoordinatorTerm } from './schema-types.js';

/** Proposed and active CoPs are held to the policy; dissolved ones are history. */
export function isLive(charter: Charter): boolean {
  return charter.status === 'proposed' || charter.status === 'active';
}

/** The coordinator term that covers `asOf`, if any. */
export function currentTerm(charter: Charter, asOf: IsoDate): CoordinatorTerm | undefined {
  return charter.coordinator.terms.find((term) => term.from <= asOf && (term.until === undefined || term.until >= asOf));
}

/** The refreshments cap per head that applies to a CoP. */
export function refreshmentsCap(charter: Charter | undefined, policyCap: number): number {
  return charter?.budget?.refreshments_per_head ?? policyCap;
}
