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
import type { CopMonth, CopReport, Measure, OrganisationReport } from '../budget/types.js';
import type { IsoDate, IsoMonth } from '../core/dates.js';
import type { CopHealth, MonthEvidence } from '../health/types.js';
import type { Charter, Format, Goal, Guest, HandoffStatus, Meeting, Output, ValueCycle } from '../model/schema-types.js';
import type { ValueIndicator } from '../review/value.js';

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

/** A MeetingView with each attendee as an id, not yet resolved through people.yaml (src/view/log.ts): plain and small, so `cop site` sends CoPs' logs to a worker thread as these. */
export type MeetingRow = Omit<MeetingView, 'attendees'> & { attendees: string[] };

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

/** A CoP's health level: `not-judged` unless active. */
export type Level = CopView['health']['level'];

/**
 * One month of a CoP's charts on the site and in the API (`cops/<id>.json`): the 12 months ending
 * with the as-of month, every month present (0 where nothing was logged).
 */
export interface CopMonthView {
  month: IsoMonth;
  /** Meetings held (cancelled ones are not). */
  meetings: number;
  cancelled: number;
  /** The most participants (attendees + guests) at one held meeting; 0 for a month without one. */
  mostParticipants: number;
  /** The participants of every held meeting added up; 0 for a month without one. */
  participants: number;
  attendanceHours: number;
  preparation: number;
  /** The CoP's preparation budget in force that month; null when it was not active. */
  hoursBudget: number | null;
  money: number;
  /**
   * Refreshments cap × participants fed, plus the approved monthly costs; null when not active.
   * In an active month without a meeting it is the approved monthly costs alone (0 without any):
   * the line runs on through every active month, and breaks only where the CoP was not active.
   */
  moneyAllowance: number | null;
}

/** A dissolution trigger in words: what happened, and who decides. */
export interface TriggerSentence {
  id: CopHealth['triggers'][number]['id'];
  level: CopHealth['triggers'][number]['level'];
  sentence: string;
  /** `the coordinator: Ana Lima`: the role, and the people unless anonymised. */
  decidedBy: string;
  /** The months of a low-participation run, oldest first (empty for a declared trigger). */
  months: MonthEvidence[];
}

/** What the site and the API say of one CoP: its view, plus charts, every meeting and health in words. */
export interface CopPageView extends CopView {
  memberCount: number;
  /** What the charter allows: preparation hours a month (in force in the as-of month), refreshments per head, other costs. */
  allowance: { hoursPerMonth: number; refreshmentsPerHead: number; otherCosts: { category: string; amount: number; per: 'month' | 'year' }[] };
  /** The 12 months ending with the as-of month, oldest first. */
  months: CopMonthView[];
  /** Every meeting logged on or before the as-of date, newest first; cancelled ones carry their reason. */
  log: MeetingView[];
  /** Health in sentences: triggers with their evidence, warnings with people named (or withheld). */
  healthText: {
    triggers: TriggerSentence[];
    warnings: { id: string; message: string }[];
    /** Unreached complete months in a row (0 when the last complete month was reached). */
    run: number;
  };
  /** Where the CoP's iCalendar file is written beside the pages (`calendar/<id>.ics`); null without one. */
  calendar: string | null;
  /** The value-creation matrix for the months of `cop review --org --year`'s year (the budget page's): the same figures. */
  value: ValueMatrixView;
}

/** A CoP's page view without its meeting log: what the pages about every CoP (the index, health) read. */
export type CopPageSummary = Omit<CopPageView, 'log'>;

/** A CoP's value-creation matrix (src/review/value.ts) over the months `from` … `to` of `year`. */
export interface ValueMatrixView {
  year: number;
  from: IsoMonth;
  to: IsoMonth;
  /** Every cycle of value, in the framework's order (immediate, potential, applied, realised, reframing). */
  cycles: {
    cycle: ValueCycle;
    indicators: ValueIndicator[];
    /** The stories recorded for the cycle in goal reviews of the months, oldest review first. */
    stories: {
      /** The recorded review that holds it. */
      file: string;
      /** Who told it; null when anonymised. */
      teller: PersonRef | null;
      text: string;
      /** The goal it is about (its id or position); null for none. */
      goal: string | number | null;
      /** The outputs it refers to, as the review names them. */
      outputs: string[];
    }[];
    /** Neither an indicator above zero nor a story: shown as a gap, not hidden. */
    gap: boolean;
  }[];
}

/** A hand-off of an output to a circle, as the hand-offs page lists it. */
export interface HandoffView {
  cop: { id: string; name: string };
  output: Pick<OutputView, 'file' | 'date' | 'title' | 'url'>;
  status: HandoffStatus;
  decided: IsoDate | null;
}

/**
 * The organisation's budget for the report year: the figures of `cop report --year` for the same
 * as-of date (the year of the last complete month), taken from its data, never recomputed.
 */
export interface BudgetPaceView extends Pick<OrganisationReport, 'year' | 'budget' | 'monthsElapsed' | 'yearToDate' | 'proRata' | 'forecast' | 'remaining' | 'runsOut'> {
  /** The months counted: January of `year` to the last complete month. */
  from: IsoMonth;
  to: IsoMonth;
  /**
   * Each month counted: hours (attendance + preparation) and money by CoP (the CoPs of `cops`, in
   * that order), and the month's share of the yearly budget (a twelfth of the figures in force
   * that month, so a mid-year change moves it; null without a yearly budget).
   */
  months: { month: IsoMonth; byCop: { id: string; hours: number; money: number }[]; share: { hours: number; money: number } | null }[];
  /** Each CoP the report counts, year to date. */
  cops: { id: string; name: string; meetings: number; attendanceHours: number; preparation: Measure; money: number }[];
}

/** The site's and the API's view of the organisation: every CoP's page view and the budget pace. */
export interface SiteView extends Omit<OrganisationView, 'cops' | 'policy'> {
  /** People are withheld everywhere (policy.anonymise_reports or --anonymise). */
  anonymised: boolean;
  policy: OrganisationView['policy'] & { lowParticipationMonths: number };
  /** The 12 chart months, ending with the as-of month. */
  months: IsoMonth[];
  cops: CopPageView[];
  budget: BudgetPaceView;
  /**
   * Every hand-off dated on or before the as-of date, by circle: the circles of cop.config.yaml
   * `circles:` in its order (each, even without a hand-off), then any circle a hand-off names
   * that the config does not. Newest first within a circle.
   */
  handoffs: { circle: { id: string; name: string }; handoffs: HandoffView[] }[];
}

/** The site view with each CoP's meeting log left out (src/view/site.ts siteViewInParts builds a CoP's log when its page is written). */
export interface SiteSummaryView extends Omit<SiteView, 'cops'> {
  cops: CopPageSummary[];
}
