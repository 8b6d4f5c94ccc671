/** Small questions asked of a meeting log by rules, reports and health checks. */
import type { Charter, Meeting, Slot } from './schema-types.js';

/** Participants are attendees plus guests (the policy's "5 participants in a meeting"). */
export function participantCount(meeting: Meeting): number {
  return meeting.attendees.length + (meeting.guests?.length ?? 0);
}

export function refreshmentsCost(meeting: Meeting): number {
  let total = 0;
  for (const cost of meeting.costs ?? []) if (cost.category === 'refreshments') total += cost.amount;
  return total;
}

/** The meeting's slot, defaulting to its charter's usual slot. */
export function slotOf(meeting: Meeting, charter: Charter | undefined): Slot {
  return meeting.slot ?? charter?.format.slot ?? 'work-hours';
}
