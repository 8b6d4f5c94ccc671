/**
 * What the static site shows, as plain data: the report (time and money), the health check and
 * the charters, joined per CoP, with people as display names. Pure: workspace + options → Site.
 * Anonymised, it holds no person at all (see redact.ts for the free text).
 */
import { incompleteLines, type IncompleteBanner } from '../render/incomplete.js';
import type { LeftOutFile } from '../workspace/leave-out.js';
import { computeReport, measure } from '../budget/compute.js';
import { resolvePeriod } from '../budget/period.js';
import type { CopMonth, CopReport, Measure } from '../budget/types.js';
import { addDaysIso, addMonthsIso, addMonthsToMonth, monthOf, monthsBetween, type IsoDate, type IsoMonth } from '../core/dates.js';
import { calendarFiles, scheduledCops } from '../calendar/ics.js';
import { COMBINED_CALENDAR_ID } from '../calendar/reserved.js';
import { evaluateHealth } from '../health/evaluate.js';
import type { CopHealth, HealthLevel, MonthEvidence } from '../health/types.js';
import { activeSince, currentTerm, rotationMonths } from '../model/charter.js';
import { isCancelled, participantCount } from '../model/meeting.js';
import type { Charter, Format, Goal, Scope } from '../model/schema-types.js';
import { charters, personIndex, type CopFolder, type Workspace } from '../workspace/workspace.js';
import { idsToNames, redactPeople, type PersonNames } from './redact.js';

/** Months in every chart, ending with the as-of month. */
export const SITE_MONTHS = 12;

export interface SiteOptions {
  asOf: IsoDate;
  /** Overrides policy.anonymise_reports. */
  anonymise?: boolean;
  /** Where charter files are read in the repository, e.g. `https://github.com/org/cops/blob/main/`. */
  sourceUrl?: string | null;
  /** Whether calendars are written beside the pages (`calendar/<id>.ics`, `calendar/all.ics`); default true. */
  calendars?: boolean;
  /** Files with errors the figures leave out (src/workspace/leave-out.ts): every page says so at its top. */
  leftOut?: LeftOutFile[];
}

export type Level = HealthLevel | 'not-judged';

export interface MeetingView {
  date: IsoDate;
  title: string;
  format: string;
  durationMinutes: number;
  slot: string;
  participants: number;
  guests: number;
  /** Display names; empty when anonymised. */
  attendees: string[];
  topics: string[];
  recording: string | null;
  /** Why it did not take place, for a cancelled meeting; null for one that was held. */
  cancelled: string | null;
}

export interface CopMonthView {
  month: IsoMonth;
  meetings: number;
  attendanceHours: number;
  preparation: number;
  /** The CoP's preparation budget that month; null when it was not active. */
  hoursBudget: number | null;
  money: number;
  /** Refreshments cap × participants fed, plus approved monthly costs; null when not active. */
  moneyAllowance: number | null;
}

export interface TermView {
  /** Null when anonymised. */
  person: string | null;
  from: IsoDate;
  until: IsoDate | null;
}

export interface TriggerView {
  id: string;
  level: Exclude<HealthLevel, 'ok'>;
  sentence: string;
  decidedBy: string;
  /** The months of a low-participation run, oldest first. */
  months: MonthEvidence[];
}

export interface HealthView {
  level: Level;
  triggers: TriggerView[];
  warnings: { id: string; message: string }[];
  /** The 12 months ending with the as-of month: the most participants at one meeting, null without a meeting. */
  trend: { month: IsoMonth; bestAttendance: number | null }[];
  /** Unreached complete months in a row (0 when the last complete month was reached). */
  run: number;
}

export interface CopView {
  id: string;
  name: string;
  status: Charter['status'];
  charterFile: string;
  created: IsoDate;
  activeSince: IsoDate | null;
  dissolved: { date: IsoDate | null; reason: string | null; note: string | null } | null;
  scope: Scope;
  rationale: string | null;
  goals: Goal[];
  format: Format;
  membership: string;
  maxMembers: number | null;
  /** Display names, null when anonymised or absent. */
  sponsor: string | null;
  coordinator: string | null;
  deputy: string | null;
  memberCount: number;
  members: string[];
  coreGroup: string[];
  terms: TermView[];
  /** The day the next coordinator takes over (the day after the current term's `until`, else when it rotates); null for a fixed leader or no current term. */
  nextHandover: IsoDate | null;
  budget: { hoursPerMonth: number; refreshmentsPerHead: number; otherCosts: { category: string; amount: number; per: string }[] };
  /** Newest first, within the chart window and before. */
  meetings: MeetingView[];
  /** One per chart month. */
  months: CopMonthView[];
  /** Preparation this (as-of) month against the monthly budget. */
  thisMonth: Measure;
  yearToDate: { meetings: number; attendanceHours: number; preparation: Measure; money: number } | null;
  health: HealthView;
  calendar: string | null;
}

export interface OrganisationView {
  year: number;
  monthsElapsed: number;
  budget: { hours: number; money: number } | null;
  hours: Measure;
  money: Measure;
  proRata: { hours: number | null; money: number | null };
  forecast: { hours: number; money: number };
  /** January to the as-of month: hours (attendance + preparation) and money by CoP. */
  months: { month: IsoMonth; byCop: { id: string; hours: number; money: number }[] }[];
}

export interface Site {
  organisation: string | null;
  currency: string | null;
  asOf: IsoDate;
  anonymised: boolean;
  sourceUrl: string | null;
  minParticipants: number;
  lowParticipationMonths: number;
  months: IsoMonth[];
  cops: CopView[];
  budget: OrganisationView;
  /** Path of the calendar of every CoP, when calendars are written and some CoP has a schedule. */
  calendar: string | null;
  /** The iCalendar files written beside the pages (src/calendar/ics.ts): `calendar/<id>.ics` per scheduled CoP and `calendar/all.ics`. */
  calendarFiles: { path: string; text: string }[];
  /** What the pages leave out, headline and files in words (src/render/incomplete.ts); null when nothing. */
  incomplete: IncompleteBanner | null;
}

export function buildSite(ws: Workspace, options: SiteOptions): Site {
  const { asOf } = options;
  const anonymised = options.anonymise ?? ws.policy.anonymise_reports;
  const current = monthOf(asOf);
  const months = monthsBetween(addMonthsToMonth(current, 1 - SITE_MONTHS), current);
  const report = computeReport(ws, { period: resolvePeriod({ from: months[0]!, to: current }, asOf), anonymise: anonymised });
  const health = new Map(evaluateHealth(ws, asOf).cops.map((cop) => [cop.id, cop]));
  const reports = new Map(report.cops.map((cop) => [cop.id, cop]));
  const index = personIndex(ws);
  const names: PersonNames = new Map([...index.values()].map((p) => [p.id, p.name]));
  const name = (id: string | undefined): string | null => (id === undefined || anonymised ? null : (names.get(id) ?? id));
  const withNames = idsToNames(names);
  const text = (value: string): string => (anonymised ? value : withNames(value));

  const scheduled = options.calendars === false ? [] : scheduledCops(charters(ws)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const calendars = scheduled.length === 0 ? [] : calendarFiles(scheduled, { ...(ws.config.organisation ? { organisation: ws.config.organisation } : {}), stamp: asOf });
  const calendarOf = new Set(calendars.flatMap((f) => (f.copId === undefined ? [] : [f.copId])));
  const cops = charters(ws)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((cop) => copView(cop, reports.get(cop.id), health.get(cop.id)!, { ws, asOf, months, anonymised, name, text, calendar: calendarOf.has(cop.id) ? `calendar/${cop.id}.ics` : null }));

  const org = report.organisation;
  const ytdMonths = months.filter((m) => m.startsWith(`${org.year}-`));
  const site: Site = {
    organisation: ws.config.organisation ?? null,
    currency: ws.config.currency ?? null,
    asOf,
    anonymised,
    sourceUrl: options.sourceUrl ?? null,
    minParticipants: ws.policy.min_participants,
    lowParticipationMonths: ws.policy.low_participation_months,
    months,
    cops,
    budget: {
      year: org.year,
      monthsElapsed: org.monthsElapsed,
      budget: org.budget,
      hours: org.yearToDate.hours,
      money: org.yearToDate.money,
      proRata: { hours: org.proRata.hours.budget, money: org.proRata.money.budget },
      forecast: { hours: org.forecast.hours.actual, money: org.forecast.money.actual },
      months: ytdMonths.map((month) => ({
        month,
        byCop: report.cops.map((cop) => {
          const m = cop.months.find((x) => x.month === month);
          return { id: cop.id, hours: m ? m.attendanceHours + m.preparation.actual : 0, money: m ? m.money.total : 0 };
        }),
      })),
    },
    calendar: calendars.length > 0 ? `calendar/${COMBINED_CALENDAR_ID}.ics` : null,
    calendarFiles: calendars.map((f) => ({ path: `calendar/${f.name}`, text: f.text })),
    incomplete: incompleteLines(options.leftOut ?? []) ?? null,
  };
  return anonymised ? redactPeople(site, names) : site;
}

interface Context {
  ws: Workspace;
  asOf: IsoDate;
  months: IsoMonth[];
  anonymised: boolean;
  name: (id: string | undefined) => string | null;
  text: (value: string) => string;
  /** This CoP's calendar file in the site, when it has one. */
  calendar: string | null;
}

function copView(cop: CopFolder & { charter: Charter }, report: CopReport | undefined, health: CopHealth, ctx: Context): CopView {
  const { charter } = cop;
  const { name, anonymised } = ctx;
  const names = (ids: readonly string[] | undefined): string[] => (anonymised ? [] : (ids ?? []).map((id) => name(id)!));
  const term = currentTerm(charter, ctx.asOf);
  const rotation = rotationMonths(charter, ctx.ws.policy);
  const byMonth = new Map((report?.months ?? []).map((m) => [m.month, m]));
  const hoursPerMonth = report?.budget.hoursPerMonth ?? charter.budget?.hours_per_month ?? 0;
  const thisMonth = byMonth.get(ctx.months.at(-1)!);
  return {
    id: cop.id,
    name: charter.name,
    status: charter.status,
    charterFile: cop.charterFile,
    created: charter.created,
    activeSince: charter.status === 'proposed' ? null : activeSince(charter),
    dissolved: charter.dissolved
      ? { date: charter.dissolved.date ?? null, reason: charter.dissolved.reason ?? null, note: charter.dissolved.note ?? null }
      : null,
    scope: charter.scope,
    rationale: charter.rationale ?? null,
    goals: charter.goals ?? [],
    format: charter.format,
    membership: charter.membership ?? ctx.ws.policy.membership,
    maxMembers: charter.max_members ?? null,
    sponsor: name(charter.sponsor),
    coordinator: name(term?.person),
    deputy: name(charter.coordinator.deputy),
    memberCount: charter.members.length,
    members: names(charter.members),
    coreGroup: names(charter.core_group),
    terms: charter.coordinator.terms.map((t) => ({ person: name(t.person), from: t.from, until: t.until ?? null })),
    // The day the next coordinator takes over, as `cop show` and the READMEs say: the day after `until`.
    nextHandover: term && rotation !== null && charter.status !== 'dissolved' ? (term.until !== undefined ? addDaysIso(term.until, 1) : addMonthsIso(term.from, rotation)) : null,
    budget: {
      hoursPerMonth,
      refreshmentsPerHead: report?.budget.refreshmentsPerHead ?? charter.budget?.refreshments_per_head ?? ctx.ws.policy.refreshments_per_head,
      otherCosts: (charter.budget?.other_costs ?? []).map((c) => ({ category: c.category, amount: c.amount, per: c.per })),
    },
    meetings: cop.meetings
      .filter((m) => m.data.date <= ctx.asOf)
      .map(({ data }) => ({
        date: data.date,
        title: data.title,
        format: data.format,
        durationMinutes: data.duration_minutes,
        slot: data.slot ?? charter.format.slot,
        participants: participantCount(data),
        guests: data.guests?.length ?? 0,
        attendees: names(data.attendees),
        topics: data.topics ?? [],
        recording: data.recording ?? null,
        cancelled: isCancelled(data) ? (data.reason ?? 'cancelled') : null,
      }))
      .reverse(),
    months: ctx.months.map((month) => monthView(month, byMonth.get(month), report)),
    thisMonth: measure(thisMonth?.preparation.actual ?? 0, thisMonth?.active ? thisMonth.preparation.budget : null),
    yearToDate: report
      ? {
          meetings: report.yearToDate.meetings,
          attendanceHours: report.yearToDate.attendanceHours,
          preparation: report.yearToDate.preparation,
          money: report.yearToDate.money.total,
        }
      : null,
    health: healthView(health, ctx),
    calendar: ctx.calendar,
  };
}

function monthView(month: IsoMonth, m: CopMonth | undefined, report: CopReport | undefined): CopMonthView {
  if (!m || !report) return { month, meetings: 0, attendanceHours: 0, preparation: 0, hoursBudget: null, money: 0, moneyAllowance: null };
  const monthly = report.budget.otherCosts.reduce((sum, c) => sum + c.perMonth, 0);
  const cap = m.refreshments.perHead?.budget ?? report.budget.refreshmentsPerHead;
  return {
    month,
    meetings: m.meetings,
    attendanceHours: m.attendanceHours,
    preparation: m.preparation.actual,
    // The budget in force that month (dated budget changes apply).
    hoursBudget: m.active ? m.preparation.budget : null,
    money: m.money.total,
    moneyAllowance: m.active ? cap * m.refreshments.participants + monthly : null,
  };
}

function healthView(health: CopHealth, ctx: Context): HealthView {
  const { name, text } = ctx;
  const triggers = health.triggers.map((t): TriggerView => {
    const who = t.decidedBy.role === 'cop' ? 'the CoP (its members)' : t.decidedBy.role === 'coordinator' ? 'the coordinator' : 'the CTO or sponsor';
    const people = ctx.anonymised || t.decidedBy.role === 'cop' ? [] : t.decidedBy.people.map((id) => name(id)!);
    const decidedBy = people.length ? `${who}: ${people.join(', ')}` : who;
    if ('run' in t.evidence) {
      const { run, allowed, months } = t.evidence;
      const sentence = `${run === 1 ? '1 complete month' : `${run} complete months in a row`} without a meeting of the minimum participants; the policy flags more than ${allowed}.`;
      return { id: t.id, level: t.level, sentence, decidedBy, months };
    }
    const by = name(t.evidence.declaredBy);
    const sentence = `Declared${by ? ` by ${by}` : ''} on ${t.evidence.date}${t.evidence.note ? `: ${text(t.evidence.note)}` : '.'}`;
    return { id: t.id, level: t.level, sentence, decidedBy, months: [] };
  });
  const low = health.triggers.find((t) => 'run' in t.evidence)?.evidence;
  return {
    level: health.level,
    triggers,
    warnings: health.warnings.map((w) => ({ id: w.id, message: text(w.message) })),
    trend: health.trend,
    run: low && 'run' in low ? low.run : 0,
  };
}
