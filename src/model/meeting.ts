/** Small questions asked of a meeting log by rules, reports and health checks. */
import type { Charter, CostCategory, Meeting, Slot } from './schema-types.js';

/** The schema's cost categories in its order (test/schema checks they agree): one finance column each. */
export const COST_CATEGORIES: readonly CostCategory[] = ['refreshments', 'licence', 'materials', 'venue', 'travel', 'training', 'other'];

/** A meeting that was planned but did not take place (`cancelled: true`): logged, but never held. */
export function isCancelled(meeting: Pick<Meeting, 'cancelled'>): boolean {
  return meeting.cancelled === true;
}

/** Participants are attendees plus guests (the policy's "5 participants in a meeting"). */
export function participantCount(meeting: Pick<Meeting, 'attendees' | 'guests'>): number {
  return meeting.attendees.length + (meeting.guests?.length ?? 0);
}

export function refreshmentsCost(meeting: Pick<Meeting, 'costs'>): number {
  let total = 0;
  for (const cost of meeting.costs ?? []) if (cost.category === 'refreshments') total += cost.amount;
  return total;
}

/** The meeting's slot, defaulting to its charter's usual slot. */
export function slotOf(meeting: Meeting, charter: Charter | undefined): Slot {
  return meeting.slot ?? charter?.format.slot ?? 'work-hours';
}

/** Why a meeting's refreshments break the cap per participant, or undefined when they do not. */
export function refreshmentsProblem(meeting: Pick<Meeting, 'attendees' | 'guests' | 'costs' | 'cancelled'>, cap: number): string | undefined {
  const cost = refreshmentsCost(meeting);
  // A cancelled meeting has no participants to share a cost already incurred: it has no per-head figure.
  if (cost === 0 || isCancelled(meeting)) return undefined;
  const heads = participantCount(meeting);
  if (heads === 0) return `Refreshments cost ${cost} but the meeting lists no participants.`;
  if (cost / heads > cap) return `Refreshments cost ${(cost / heads).toFixed(2)} per head (${cost} for ${heads}), over the cap of ${cap}.`;
  return undefined;
}
