/**
 * The report's data: what `cop report --format json` prints, and what every renderer reads.
 * Numbers are numbers, never formatted strings, and are not rounded (renderers round when they
 * print). The shape is stable: fields are only ever added.
 */
import type { IsoMonth } from '../core/dates.js';
import type { OutputKind } from '../model/schema-types.js';
import type { Period } from './period.js';

/** An actual figure against a budget. */
export interface Measure {
  actual: number;
  /** null when there is no budget to compare with (e.g. no yearly budget in cop.config.yaml). */
  budget: number | null;
  /** actual − budget; null without a budget. */
  variance: number | null;
  /** actual ÷ budget × 100; null without a budget or when the budget is 0. */
  percent: number | null;
  /** actual > budget (false without a budget). */
  over: boolean;
}

/** Money spent, by cost category (`refreshments`, `licence`, …). */
export interface Money {
  total: number;
  byCategory: Record<string, number>;
}

/** Some outputs: how many, and the hours spent on them. */
export interface OutputTally {
  outputs: number;
  hours: number;
}

/** The outputs dated in some months; their hours are part of `preparation` (preparation-and-output time). */
export interface OutputFigures {
  count: number;
  hours: number;
  /** One entry per kind that has outputs, in the schema's order of kinds. */
  byKind: ({ kind: OutputKind } & OutputTally)[];
}

/** What a CoP did over some months: the shared part of a month and of the period. */
export interface Activity {
  /** Meetings held (cancelled ones are not counted here). */
  meetings: number;
  /** Meetings logged as `cancelled: true`: not held, but not missing either. */
  cancelled: number;
  /** Distinct internal attendees over the meetings. */
  people: number;
  /** Distinct guests (by name and organisation) over the meetings. */
  guests: number;
  /** Σ duration h × attendees, over work-hours meetings only. */
  attendanceHours: number;
  /** Preparation-and-output hours (meeting preparation plus the hours of the outputs dated in those months) against the CoP's budget in force in those months (0 for a month the CoP was not active). */
  preparation: Measure;
  /** The outputs dated in those months. */
  outputs: OutputFigures;
  money: Money;
}

/** One month of one CoP. */
export interface CopMonth extends Activity {
  month: IsoMonth;
  /** Whether the CoP was active on some day of the month (its budget applies only then). */
  active: boolean;
  refreshments: {
    cost: number;
    /** Participants (attendees + guests) of the meetings that had a refreshments cost. */
    participants: number;
    /** cost ÷ participants; null when nothing was spent on refreshments. */
    perHead: Measure | null;
  };
}

/** Spending in one category year to date against what the charter allows. */
export interface CostLine {
  category: string;
  spent: number;
  /**
   * What the charter allows year to date: refreshments cap × participants of meetings with
   * refreshments; for `other_costs`, per-month amounts × active months + per-year amounts;
   * null when the charter does not allow the category at all.
   */
  allowance: number | null;
  over: boolean;
}

export interface CopReport {
  id: string;
  name: string;
  /** The charter's `cost_centre`, for finance; null when it has none. */
  costCentre: string | null;
  status: 'active' | 'dissolved';
  sponsor: string | null;
  /** The month the CoP became active (`activated`, else `created`). */
  activeFrom: IsoMonth;
  /** The month it was dissolved; null while active. */
  activeUntil: IsoMonth | null;
  budget: {
    /** The charter's hours per month in force in the period's last month (dated `budget.changes` applied). */
    hoursPerMonth: number;
    refreshmentsPerHead: number;
    otherCosts: { category: string; perMonth: number; perYear: number }[];
  };
  /** One entry per month of the period in which the CoP was active or has logs. */
  months: CopMonth[];
  /** The period's months added up; preparation against the hours per month in force in each active month, summed. */
  period: Activity & { activeMonths: number };
  /** January of the period's last year up to the period's last month. */
  yearToDate: {
    from: IsoMonth;
    to: IsoMonth;
    activeMonths: number;
    meetings: number;
    cancelled: number;
    attendanceHours: number;
    /** Against the hours per month in force in each active month, summed (pro rata for a CoP activated mid-year). */
    preparation: Measure;
    /** Preparation per active month against the budget per active month: the "on average" of the charter. */
    preparationAverage: Measure;
    outputs: OutputFigures;
    money: Money;
    costs: CostLine[];
  };
  /** The whole calendar year of the period's last month, at the year-to-date rate. */
  yearEnd: {
    /** Months of the year the CoP is active in (to December, or to its dissolution). */
    activeMonths: number;
    preparation: {
      /** The hours per month in force in each of those months, summed. */
      budget: number;
      /** budget − preparation year to date (negative when over). */
      remaining: number;
      /** Year to date ÷ active months so far × active months in the year, against the budget. */
      forecast: Measure;
      /** The month the budget runs out at that rate (the period's last month when already over); null if it lasts the year. */
      runsOut: IsoMonth | null;
    };
    /** Money year to date at the same rate (a CoP has no money budget of its own: refreshments are capped per head). */
    money: { forecast: number };
  };
}

/** One person's CoP work time (attendance in work hours, all CoPs) against their monthly hours. */
export interface PersonReport {
  id: string;
  name: string;
  /** people.yaml monthly_hours, else the policy's default_monthly_hours. */
  monthlyHours: number;
  months: { month: IsoMonth; hours: Measure }[];
  period: Measure;
  yearToDate: Measure;
  /** Hours in the period by CoP (all CoPs, also those filtered out). */
  byCop: Record<string, number>;
}

export interface PeopleSummary {
  months: { month: IsoMonth; people: number; hours: number; overBudget: number }[];
  /** overBudget: people over their monthly hours in at least one month of the period. */
  period: { people: number; hours: number; overBudget: number };
}

/** All CoPs (filters do not apply) against cop.config.yaml's budget for the year. */
export interface OrganisationReport {
  name: string | null;
  currency: string | null;
  year: number;
  /** The year's budget: a twelfth of the figures in force in each month (dated `changes` applied), summed over the year. */
  budget: { hours: number; money: number } | null;
  /** Months of the year up to the period's last month (10 for October). */
  monthsElapsed: number;
  /** `preparationHours` includes `outputHours`, the part spent on outputs. */
  period: { attendanceHours: number; preparationHours: number; outputHours: number; hours: number; money: number };
  yearToDate: { attendanceHours: number; preparationHours: number; outputHours: number; hours: Measure; money: Measure };
  /** Year to date against the budget of the months elapsed (a twelfth of the figures in force in each). */
  proRata: { hours: Measure; money: Measure };
  /** Year to date ÷ monthsElapsed × 12, against the yearly budget. */
  forecast: { hours: Measure; money: Measure };
  /** The yearly budget minus year to date (negative when over); null without a budget. */
  remaining: { hours: number; money: number } | null;
  /** The month the yearly budget runs out at the year-to-date rate (the period's last month when already over; null if it lasts the year); null without a budget. */
  runsOut: { hours: IsoMonth | null; money: IsoMonth | null } | null;
}

export type AttentionKind =
  /** No CoP is counted in the period: what to do next (a new organisation, or a month before the first activation). */
  | 'no-active-cops'
  | 'no-yearly-budget'
  | 'organisation-over-budget'
  | 'organisation-over-pro-rata'
  | 'organisation-forecast-over'
  | 'no-logs'
  | 'preparation-over-budget'
  | 'preparation-under-used'
  | 'refreshments-over-cap'
  | 'cost-over-allowance'
  | 'cost-not-allowed'
  | 'person-over-budget'
  | 'people-over-budget'
  | 'proposed-not-budgeted';

export interface Attention {
  kind: AttentionKind;
  cop?: string;
  person?: string;
  month?: IsoMonth;
  message: string;
}

/**
 * `cop report --format json`:
 * `{ period, anonymised, cops[], people[], peopleSummary, organisation, attention[] }`.
 * `people` is empty when anonymised (`--no-names` or policy `anonymise_reports`).
 */
export interface Report {
  period: Period;
  anonymised: boolean;
  /** The --cop / --sponsor filters applied (empty when none). */
  filters: { cops: string[]; sponsor: string | null };
  cops: CopReport[];
  people: PersonReport[];
  peopleSummary: PeopleSummary;
  organisation: OrganisationReport;
  attention: Attention[];
}

