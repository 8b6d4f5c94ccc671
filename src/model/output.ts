/** Small questions asked of an output (something a CoP produced, or handed to a circle) by rules, reports and `cop due`. */
import type { Circle, Config, Output, OutputAudience, OutputKind } from './schema-types.js';

/** The schema's output kinds in its order (test/schema checks they agree): one line each where reports break outputs down. */
export const OUTPUT_KINDS: readonly OutputKind[] = ['written-show-and-tell', 'shared-examples', 'written-training', 'policies-and-standards', 'talk', 'workshop', 'r-and-d-proposal', 'other'];

/** The schema's audiences, in its order. */
export const OUTPUT_AUDIENCES: readonly OutputAudience[] = ['internal', 'public'];

/** The circles the policy names, when cop.config.yaml lists none (`circles:`). */
export const DEFAULT_CIRCLES: readonly Circle[] = [
  { id: 'consulting-thought-leadership', name: 'Consulting/Thought Leadership' },
  { id: 'innovation', name: 'Innovation' },
  { id: 'training', name: 'Training' },
];

/** The organisation's circles: its config's, else the policy's three. */
export function circlesOf(config: Pick<Config, 'circles'>): readonly Circle[] {
  return config.circles ?? DEFAULT_CIRCLES;
}

/** The work time spent on an output: it counts against the CoP's monthly budget, like preparation. */
export function outputHours(output: Pick<Output, 'hours'>): number {
  let total = 0;
  for (const line of output.hours ?? []) total += line.hours;
  return total;
}

/** Whether the circle has said yes or no (or the work is done): such a hand-off needs its `decided` date. */
export function isDecided(handoff: NonNullable<Output['handoff']>): boolean {
  return handoff.status !== 'proposed';
}
