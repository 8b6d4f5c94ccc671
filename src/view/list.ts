/**
 * `cop ls`: the filters over the view model and the one row per CoP that every list format
 * prints. Pure.
 *
 * `cop ls --format json` prints `{ "asOf", "filters": { "status", "sponsor", "person" }, "cops": [CopListRow…] }`.
 */
import type { Measure } from '../budget/types.js';
import type { IsoDate } from '../core/dates.js';
import type { CopView, OrganisationView, PersonRef } from './types.js';

export interface ListFilters {
  status?: CopView['status'];
  /** Only the CoPs this person sponsors. */
  sponsor?: string;
  /** Only the CoPs this person belongs to: as a member, in the core group, or as coordinator now. */
  person?: string;
}

export interface CopListRow {
  id: string;
  name: string;
  status: CopView['status'];
  sponsor: PersonRef | null;
  coordinator: PersonRef | null;
  members: number;
  lastMeeting: IsoDate | null;
  /** Preparation hours this month against the CoP's hours per month; null without a budget (proposed, or not active this month). */
  hoursThisMonth: Measure | null;
  health: CopView['health']['level'];
}

export function belongsTo(cop: CopView, person: string): boolean {
  return [...cop.members, ...cop.coreGroup, ...(cop.coordinator.now ? [cop.coordinator.now] : [])].some((p) => p.id === person);
}

export function filterCops(view: OrganisationView, filters: ListFilters): CopView[] {
  return view.cops.filter(
    (cop) =>
      (filters.status === undefined || cop.status === filters.status) &&
      (filters.sponsor === undefined || cop.sponsor?.id === filters.sponsor) &&
      (filters.person === undefined || belongsTo(cop, filters.person)),
  );
}

export function listRow(cop: CopView): CopListRow {
  return {
    id: cop.id,
    name: cop.name,
    status: cop.status,
    sponsor: cop.sponsor,
    coordinator: cop.coordinator.now,
    members: cop.members.length,
    lastMeeting: cop.meetings.last?.date ?? null,
    hoursThisMonth: cop.budget?.thisMonth.preparation ?? null,
    health: cop.health.level,
  };
}
