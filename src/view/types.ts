/**
 * The per-CoP view model: everything a person wants to know about a CoP, as plain data, as of a
 * date. One model feeds every face of the tool: `cop ls` and `cop show` at the terminal and as
 * JSON, the generated READMEs (Markdown) and the web site (HTML). Renderers format; they never
 * compute. Numbers are numbers (not rounded), dates are `YYYY-MM-DD`, months `YYYY-MM`, absent
 * things are `null` (never `undefined`), lists are sorted as documented. The shape is stable:
 * fields are only ever added.
 *
 * Figures come from the same pure cores as `cop report` (src/budget) and `cop health`
 * (src/health), so every face agrees with those commands to the hour.
 */
import type { CopMonth, CopReport, Measure } from '../budget/types.js';
import type { IsoDate, IsoMonth } from '../core/dates.js';
import type { CopHealth } from '../health/types.js';
import type { Charter, Format, Goal, Guest, HandoffStatus, Meeting, Output } from '../model/schema-types.js';

/** A person named in a charter or log, resolved through people.yaml. */
export interface PersonRef {
  id: string;
  /** The name in people.yaml; the id when the person is not listed there. */
  name: string;
  /** The GitHub handle without the @; null when people.yaml gives none. */
  github: string | null;
}

export interface GoalView {
  type: Goal['type'];
  audiences: Goal['audiences'][number][];
  description: string;
  reviewBy: IsoDate;
  /** The review date is on or before the as-of date. */
  reviewDue: boolean;
}

export interface CoordinatorView {
  /** Who coordinates on the as-of date; null when no term covers it. */
  now: PersonRef | null;
  /** The first day of the current term; null without one. */
  since: IsoDate | null;
  /** Months per term; null for a fixed leader (no rotation). */
  rotationMonths: number | null;
  /**
   * The next change of coordinator: the day after the current term's `until`, else the day the
   * rotation is due (`from` + rotationMonths). Null for a fixed leader with an open term, or with
   * no current term. `to` is the person of the next term when the charter already lists it.
   */
  nextHandover: { date: IsoDate; to: PersonRef | null; overdue: boolean } | null;
  deputy: PersonRef | null;
  /** Every term, oldest first. */
  terms: { person: PersonRef; from: IsoDate; until: IsoDate | null }[];
}

export interface MeetingView {
  /** Relative to the data root: `cops/<id>/meetings/<date>.yaml`. */
  file: string;
  date: IsoDate;
  title: string;
  format: Meeting['format'];
  durationMinutes: number;
  /** The meeting's slot, else the charter's. */
  slot: Format['slot'];
  attendees: PersonRef[];
  guests: Guest[];
  /** Attendees plus guests. */
  participants: number;
  /** participants ≥ the policy's min_participants (never for a cancelled meeting): the meeting makes its month count as reached. */
  reached: boolean;
  /** Logged as `cancelled: true`: planned but not held. */
  cancelled: boolean;
  /** Why it was cancelled; null unless cancelled. */
  cancelReason: string | null;
  preparationHours: number;
  /** Every cost of the meeting added up. */
  money: number;
  recording: string | null;
  topics: string[];
}

/**
 * Time and money against the CoP's budget for the month containing the as-of date (so far) and
 * the year to date: the figures of `cop report --month <as-of month>`. Hours against budget are
 * preparation hours against `budget.hours_per_month` (attendance is charged to each person's own
 * budget, so it is shown but not held against the CoP's).
 */
export interface BudgetView {
  /** The month containing the as-of date; its figures are incomplete until it ends. */
  month: IsoMonth;
  hoursPerMonth: number;
  refreshmentsPerHead: number;
  /** The as-of month so far (`cop report`'s month figures). */
  thisMonth: Pick<CopMonth, 'meetings' | 'attendanceHours' | 'preparation' | 'money'> & {
    /** Refreshments cost per participant against the cap; null when nothing was spent on them. */
    refreshmentsPerHead: Measure | null;
  };
  /** January to the as-of month (`cop report`'s year-to-date figures), plus all money against all allowances. */
  yearToDate: CopReport['yearToDate'] & {
    /** money.total against the sum of what the charter allows (the cost lines' allowances; 0 for a category it does not allow). */
    moneyAgainstAllowance: Measure;
  };
}

/** Whether a proposed CoP may become active, with every reason it may not (empty when ready). */
export interface ActivationView {
  ready: boolean;
  problems: string[];
}

/** Something a CoP produced (cops/<id>/outputs/), and the work it handed to a circle. */
export interface OutputView {
  /** Relative to the data root: `cops/<id>/outputs/<date>-<slug>.yaml`. */
  file: string;
  date: IsoDate;
  title: string;
  kind: Output['kind'];
  audience: Output['audience'];
  authors: PersonRef[];
  /** The charter's goal ids it served. */
  goals: string[];
  /** The work time spent on it: preparation-and-output time in the month of `date`. */
  hours: number;
  url: string | null;
  /** The date of the meeting it came from. */
  meeting: IsoDate | null;
  /** The circle's name comes from cop.config.yaml `circles:` (its id when the circle is unknown). */
  handoff: { to: { id: string; name: string }; status: HandoffStatus; decided: IsoDate | null } | null;
}

export interface CopView {
  id: string;
  name: string;
  status: Charter['status'];
  /** `cops/<id>/charter.yaml`, relative to the data root. */
  charterFile: string;
  created: IsoDate;
  activated: IsoDate | null;
  dissolved: { date: IsoDate | null; reason: string | null; decidedBy: PersonRef | null; note: string | null } | null;
  scope: { subject: string; in: string[]; out: string[] };
  rationale: string | null;
  /** Sorted by review date. */
  goals: GoalView[];
  sponsor: PersonRef | null;
  coordinator: CoordinatorView;
  /** In the charter's order. */
  members: PersonRef[];
  coreGroup: PersonRef[];
  membership: 'open' | 'invite-only';
  maxMembers: number | null;
  format: {
    formats: Format['formats'][number][];
    cadence: Format['cadence'];
    durationMinutes: number;
    slot: Format['slot'];
    channel: string | null;
    recordings: string | null;
    /** The charter's `format.schedule` in words (`The third Thursday of every month, 12:30–13:30 (Europe/London)`); null without one. */
    schedule: { text: string; timeZone: string } | null;
  };
  /**
   * The first scheduled meeting on or after the as-of date (cancelled dates skipped), in the
   * schedule's local time; null without a schedule or after it ends.
   */
  nextMeeting: { date: IsoDate; start: string; end: string; timeZone: string; text: string } | null;
  meetings: {
    /** Meetings held on or before the as-of date (later logs and cancelled meetings are not counted). */
    count: number;
    /** Meetings logged as cancelled on or before the as-of date. */
    cancelled: number;
    /** The latest meeting held; null when there is none. */
    last: MeetingView | null;
    /** The latest RECENT_MEETINGS logs on or before the as-of date, cancelled ones included (marked), newest first. */
    recent: MeetingView[];
  };
  /** The outputs dated on or before the as-of date, newest first. */
  outputs: OutputView[];
  /** Null for a proposed CoP (it has no budget yet) and for one not active in the as-of month. */
  budget: BudgetView | null;
  /** `cop health` for this CoP (level `not-judged` unless active). */
  health: Pick<CopHealth, 'level' | 'triggers' | 'warnings' | 'trend'>;
  /** Only for a proposed CoP: whether `cop activate` would accept it. */
  activation: ActivationView | null;
}

/** The view of every CoP as of a date, with what a renderer needs to print figures. */
export interface OrganisationView {
  organisation: string | null;
  /** ISO 4217, for money; null when cop.config.yaml sets none. */
  currency: string | null;
  asOf: IsoDate;
  policy: { minMembers: number; minParticipants: number };
  /** Sorted by id. */
  cops: CopView[];
}
