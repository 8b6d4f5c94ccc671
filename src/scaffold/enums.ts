/** The closed lists the prompts offer, read from the schemas so they never drift from them. */
import type { Format, Goal, InteractionFormat, Slot } from '../model/schema-types.js';
import { readSchema } from '../schema/validator.js';

/** How often a CoP meets (the charter's `format.cadence`). */
export type Cadence = Format['cadence'];

export interface Enums {
  formats: InteractionFormat[];
  slots: Slot[];
  cadences: Cadence[];
  goalTypes: Goal['type'][];
  audiences: Goal['audiences'][number][];
  memberships: ('open' | 'invite-only')[];
}

type Json = { [key: string]: Json } & { enum?: string[]; items?: Json };

let cached: Enums | undefined;

export function schemaEnums(): Enums {
  if (cached) return cached;
  const common = readSchema('common') as unknown as Json;
  const charter = readSchema('charter') as unknown as Json;
  const props = charter.properties!;
  const goal = props.goals!.items!.properties!;
  cached = {
    formats: common.$defs!.interactionFormat!.enum as InteractionFormat[],
    slots: common.$defs!.slot!.enum as Slot[],
    cadences: props.format!.properties!.cadence!.enum as Cadence[],
    goalTypes: goal.type!.enum as Goal['type'][],
    audiences: goal.audiences!.items!.enum as Goal['audiences'][number][],
    memberships: props.membership!.enum as ('open' | 'invite-only')[],
  };
  return cached;
}
