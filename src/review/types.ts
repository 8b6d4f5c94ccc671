/**
 * `cop review <id>`: the facts of a CoP's review draft, as plain data; also `--format json`,
 * version 1. The judgements are left to the CoP: the Markdown draft has headed blanks for them.
 */
import type { CopReport, OrganisationReport } from '../budget/types.js';
import type { Period } from '../budget/period.js';
import type { IsoDate } from '../core/dates.js';
import type { CopHealth } from '../health/types.js';
import type { Decision } from '../model/review.js';
import type { Goal } from '../model/schema-types.js';
import type { ValueCycleEntry } from './value.js';

/**
 * Participation bands over the meetings held in a period: core attended at least two-thirds,
 * active at least one-third, peripheral at least one, silent none.
 */
export type Band = 'core' | 'active' | 'peripheral' | 'silent';
export const BANDS: readonly Band[] = ['core', 'active', 'peripheral', 'silent'];

export interface BandCounts {
  core: number;
  active: number;
  peripheral: number;
  silent: number;
}

export interface BandMove {
  /** Absent when the review is anonymised. */
  person?: string;
  from: Band;
  to: Band;
}

export interface ReviewMeeting {
  file: string;
  date: IsoDate;
  title: string;
  cancelled: boolean;
  /** Attendees plus guests (0 for a cancelled meeting). */
  participants: number;
  recording: string | null;
}

export interface CopReview {
  version: 1;
  id: string;
  name: string;
  asOf: IsoDate;
  /** The months reviewed, as `cop report --from … --to …` takes them. */
  period: Period;
  /** The same number of months just before, for the change in participation. */
  previous: { from: string; to: string };
  anonymised: boolean;
  /**
   * Each charter goal; `servedBy`: the dates of the meetings held in the period whose `goals` name
   * its id; `lastOutcome`: its latest decided outcome in a recorded review up to as-of, or null.
   */
  goals: (Goal & { reviewDue: boolean; servedBy: IsoDate[]; lastOutcome: Decision | null })[];
  meetings: { held: number; cancelled: number; list: ReviewMeeting[] };
  participation: {
    members: number;
    bands: BandCounts;
    previousBands: BandCounts;
    /** Members whose band changed since the previous period. */
    moves: BandMove[];
    /** Member ids by band; empty when anonymised. */
    byBand: Record<Band, string[]>;
  };
  topics: string[];
  /** "Name (organisation)"; only counted when anonymised. */
  guests: string[];
  guestCount: number;
  /** Preparation and output hours logged in the period, cancelled meetings' preparation included: `budget.period.preparation.actual`. */
  preparationHours: number;
  recordingsMissing: string[];
  /** Exactly `cop report`'s CoP entry for the same months. */
  budget: CopReport;
  coordinator: {
    /** Terms that started in the period. */
    handovers: { person?: string; from: IsoDate }[];
    current?: string;
    /** When the current term rotates (null for a fixed leader). */
    nextHandover: IsoDate | null;
  };
  /** Exactly `cop health`'s entry for the CoP as of the review's as-of date. */
  health: CopHealth;
  /** The value-creation matrix for the period: indicators and recorded stories per cycle (src/review/value.ts). */
  value: ValueCycleEntry[];
}

/** A dissolution trigger raised in the year, and what was decided about it. */
export interface OrgFlag {
  cop: string;
  trigger: CopHealth['triggers'][number]['id'];
  /**
   * `health`: `cop health` finds it as of the as-of day (with its level); `declared`: declared in
   * the charter's `triggers` during the year; `dissolution`: recorded in `dissolved.triggers_met`.
   */
  source: 'health' | 'declared' | 'dissolution';
  level: 'at-risk' | 'flagged';
  /** When it was raised, where the data says (a declaration's or a dissolution's date). */
  date: IsoDate | null;
  /** What was decided: the dissolution, or null while no decision is recorded. */
  decision: { dissolved: IsoDate; reason: string | null; decidedBy?: string } | null;
}

/** One CoP's part of the organisation's annual review: its `cop report` and `cop health` entries and a few counts. */
export interface OrgCopSection {
  id: string;
  name: string;
  status: 'active' | 'dissolved';
  members: number;
  meetings: { held: number; cancelled: number };
  bands: BandCounts;
  goals: { total: number; reviewDue: number };
  handovers: number;
  /** Exactly `cop report --year <year>`'s entry for the CoP. */
  budget: CopReport;
  /** Exactly `cop health`'s entry for the CoP as of the same day. */
  health: CopHealth;
  /** The value-creation matrix for the year. */
  value: ValueCycleEntry[];
}

/** `cop review --org --year <year>`: the organisation's annual report for the CTO; also `--format json`. */
export interface OrgReview {
  version: 1;
  organisation: string | null;
  year: number;
  asOf: IsoDate;
  period: Period;
  anonymised: boolean;
  lifecycle: {
    created: { id: string; name: string; date: IsoDate; status: string }[];
    activated: { id: string; name: string; date: IsoDate }[];
    dissolved: { id: string; name: string; date: IsoDate; reason: string | null; decidedBy?: string; triggersMet: string[] | null; note: string | null }[];
  };
  /** Exactly `cop report --year <year>`'s `organisation`: totals against the yearly budget. */
  budget: OrganisationReport;
  cops: OrgCopSection[];
  flags: OrgFlag[];
}
