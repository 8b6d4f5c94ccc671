/**
 * The report's arithmetic: logs + charters + people + policy + period → report data. Pure (no I/O).
 *
 * One pass over each CoP's meetings and outputs buckets them by month (tally.ts: only months of
 * the period or its year to date are kept); everything else is computed from the buckets, so the
 * cost is linear in the number of meetings plus CoPs × months. Each CoP's own figures are
 * computed from its buckets alone (copFigurer), so `cop report` computes them where each CoP is
 * read (src/lint/per-cop.ts), and the organisation's from those (reportFromFigures).
 */
import { pairCache } from '../core/pair-cache.js';
import { compareText } from '../core/compare-text.js';
import { personLabeller } from '../core/person-label.js';
import { addDaysIso, addMonthsToMonth, monthLabel, monthOf, monthsBetween, type IsoDate, type IsoMonth } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { didYouMean, unknownCop } from '../core/suggest.js';
import { hoursText, moneyText, percentText } from '../core/numbers.js';
import { activeSince, refreshmentsCap } from '../model/charter.js';
import { OUTPUT_KINDS } from '../model/output.js';
import type { Charter, OutputKind } from '../model/schema-types.js';
import type { ResolvedPolicy } from '../model/policy.js';
import { charters, personIndex, type CopCharter, type CopFolder, type Organisation, type Workspace } from '../workspace/workspace.js';
import { hoursPerMonthIn, yearlyBudgetThrough } from './in-force.js';
import type { Period } from './period.js';
import { addTally, copTallier, emptyBucket, windowOf, type Bucket, type CopTally, type Window } from './tally.js';
import type { Attention, CopMonth, CopReport, CostLine, Measure, Money, OrganisationReport, OutputFigures, OutputTally, PeopleSummary, PersonReport, Report } from './types.js';

export interface ReportOptions {
  period: Period;
  /** Only these CoPs (by id); empty or absent for all. */
  cops?: readonly string[];
  /** Only the CoPs this person sponsors. */
  sponsor?: string;
  /** Replace people with aggregates. */
  anonymise?: boolean;
}

/** Below this share of its year-to-date budget a CoP's preparation budget counts as under-used. */
export const UNDER_USED_SHARE = 0.5;

type Cop = CopCharter & { charter: Charter };

export function measure(actual: number, budget: number | null): Measure {
  if (budget === null) return { actual, budget, variance: null, percent: null, over: false };
  return { actual, budget, variance: actual - budget, percent: budget === 0 ? null : (actual / budget) * 100, over: actual > budget };
}

/**
 * What the report reads of one CoP, for one period: its own report, and its part of the
 * organisation's and the people's figures. Plain data (structured-clonable), so it can be
 * computed in the thread that read the CoP (`cop report`: src/lint/per-cop.ts).
 */
export interface CopFigures {
  /** Its report; absent for a proposed CoP, which has no budget. */
  report?: CopReport;
  /** Its part of the organisation's figures, by window month; undefined for a month with nothing logged. */
  months: (OrganisationMonth | undefined)[];
  /** Each attendee's minutes in its work-hours meetings. */
  people: CopTally['people'];
  /** Its meeting logs dated in the period (a proposed CoP's are not counted: the report says how many). */
  logsInPeriod: number;
}

/**
 * A CoP's logs in a month as the organisation adds them up: each output's hours and each cost
 * apart, so the organisation's sums add the same numbers in the same order wherever they came from.
 */
interface OrganisationMonth {
  attendanceMinutes: number;
  preparation: number;
  outputHours: number[];
  money: number[];
}

/** The report of `ws`: each CoP with a charter figured here (copFigurer), then reportFromFigures. */
export function computeReport(ws: Workspace, options: ReportOptions): Report {
  const figure = copFigurer(options.period, ws.policy);
  return reportFromFigures(ws, new Map(charters(ws).map((cop) => [cop.id, figure(cop)])), options);
}

/** The function that computes a CoP's figures for the report of `period` under `policy`. */
export function copFigurer(period: Period, policy: ResolvedPolicy): (cop: CopFolder & { charter: Charter }) => CopFigures {
  const window = windowOf(period);
  const tally = copTallier(window);
  return (cop) => {
    const { buckets, people, logsInPeriod } = tally(cop);
    const months = Array.from(buckets, (b) => b && { attendanceMinutes: b.attendanceMinutes, preparation: b.preparation, outputHours: [...b.outputs.values()].map((t) => t.hours), money: [...b.money.values()] });
    return { ...(cop.charter.status === 'proposed' ? {} : { report: copReport(cop, buckets, window, policy) }), months, people, logsInPeriod };
  };
}

/**
 * The report from each CoP's figures for `options.period` (by id, one for every CoP with a
 * charter), wherever they were computed: the organisation's meetings are not read here.
 */
export function reportFromFigures(org: Organisation, figures: ReadonlyMap<string, CopFigures>, options: ReportOptions): Report {
  const { period } = options;
  const window = windowOf(period);
  const all = charters(org);
  const selected = selectCops(all, options);
  const budgeted = all.filter((cop) => cop.charter.status !== 'proposed');
  const figuresOf = (cop: Cop) => figures.get(cop.id)!;
  const people = new PersonHours(window);
  for (const cop of budgeted) people.add(cop.id, figuresOf(cop).people);

  const cops = budgeted
    .filter((cop) => selected.has(cop.id))
    .map((cop) => figuresOf(cop).report!)
    .filter((cop) => cop.months.length > 0);
  const anonymise = options.anonymise ?? org.policy.anonymise_reports;
  const persons = personReports(org, people, window, selected);
  const organisation = organisationReport(org, period, window, budgeted.map((cop) => figuresOf(cop).months));
  const attention = [
    ...(cops.length === 0 ? [noActiveCops(all.filter((cop) => selected.has(cop.id)), period)] : []),
    ...organisationAttention(organisation),
    ...cops.flatMap((cop) => copAttention(cop, org.config.currency)),
    ...proposedAttention(all.filter((cop) => selected.has(cop.id) && cop.charter.status === 'proposed'), period, figuresOf),
    ...peopleAttention(persons, anonymise),
  ];
  return {
    period,
    anonymised: anonymise,
    filters: { cops: [...(options.cops ?? [])], sponsor: options.sponsor ?? null },
    cops,
    people: anonymise ? [] : persons,
    peopleSummary: peopleSummary(persons, window),
    organisation,
    attention,
  };
}

function selectCops(all: readonly Cop[], options: ReportOptions): Set<string> {
  const known = new Set(all.map((cop) => cop.id));
  for (const id of options.cops ?? []) {
    if (!known.has(id)) throw new UsageError(`--cop ${id}: ${unknownCop(id, known)}`);
  }
  const wanted = options.cops?.length ? new Set(options.cops) : known;
  const { sponsor } = options;
  if (sponsor !== undefined && !all.some((cop) => cop.charter.sponsor === sponsor)) {
    throw new UsageError(`--sponsor ${sponsor}: no CoP has this sponsor.${didYouMean(sponsor, new Set(all.flatMap((cop) => (cop.charter.sponsor ? [cop.charter.sponsor] : []))))}`);
  }
  return new Set(all.filter((cop) => wanted.has(cop.id) && (sponsor === undefined || cop.charter.sponsor === sponsor)).map((cop) => cop.id));
}

/** Attendance minutes per person and window month, and per person and CoP in the period: the budgeted CoPs' tallies added up. */
class PersonHours {
  readonly minutes = new Map<string, Float64Array>();
  readonly byCop = new Map<string, Map<string, number>>();
  constructor(private readonly window: Window) {}

  add(cop: string, { ids, months, period }: CopTally['people']): void {
    const length = this.window.months.length;
    ids.forEach((person, k) => {
      let all = this.minutes.get(person);
      if (!all) this.minutes.set(person, (all = new Float64Array(length)));
      // Whole minutes: the sums are exact whatever the order they are added in.
      for (let i = 0; i < length; i++) all[i]! += months[k * length + i]!;
      if (period[k] === 0) return;
      let cops = this.byCop.get(person);
      if (!cops) this.byCop.set(person, (cops = new Map()));
      cops.set(cop, period[k]!);
    });
  }
}

/** The outputs of some months: how many, their hours, and both by kind (in the schema's order of kinds). */
function outputFigures(tallies: ReadonlyMap<OutputKind, OutputTally>): OutputFigures {
  const byKind = OUTPUT_KINDS.filter((kind) => tallies.has(kind)).map((kind) => ({ kind, ...tallies.get(kind)! }));
  return { count: byKind.reduce((sum, k) => sum + k.outputs, 0), hours: byKind.reduce((sum, k) => sum + k.hours, 0), byKind };
}

/** The month a CoP became active (else was created). */
const activeFrom = (charter: Charter): IsoMonth => monthOf(activeSince(charter));

/** The months a CoP was active on at least one day: from its activation (else creation) month to its last active day's month. */
export function activeMonths(cop: CopFolder & { charter: Charter }): { from: IsoMonth; until: IsoMonth | null } {
  const { charter } = cop;
  const from = activeFrom(charter);
  if (charter.status !== 'dissolved') return { from, until: null };
  // Its last active day is the day before the dissolution date; without a date (a finding of
  // its own), the day of its last logged meeting.
  const dissolved = charter.dissolved?.date;
  const last = dissolved ? addDaysIso(dissolved, -1) : cop.meetings.at(-1)?.data.date;
  return { from, until: last && monthOf(last) > from ? monthOf(last) : from };
}

/** Adds up buckets first…last (window indices), counting the months the CoP was active. */
function addUp(buckets: readonly (Bucket | undefined)[], first: number, last: number, isActive: (i: number) => boolean) {
  const total = { ...emptyBucket(), activeMonths: 0 };
  for (let i = first; i <= last; i++) {
    if (isActive(i)) total.activeMonths += 1;
    const b = buckets[i];
    if (!b) continue;
    total.meetings += b.meetings;
    total.cancelled += b.cancelled;
    for (const id of b.people) total.people.add(id);
    for (const guest of b.guests) total.guests.add(guest);
    total.attendanceMinutes += b.attendanceMinutes;
    total.preparation += b.preparation;
    for (const [kind, tally] of b.outputs) addTally(total.outputs, kind, tally);
    for (const [category, amount] of b.money) total.money.set(category, (total.money.get(category) ?? 0) + amount);
    total.refreshmentsCost += b.refreshmentsCost;
    total.refreshmentsParticipants += b.refreshmentsParticipants;
  }
  return total;
}

function money(byCategory: ReadonlyMap<string, number>): Money {
  let total = 0;
  for (const amount of byCategory.values()) total += amount;
  return { total, byCategory: Object.fromEntries([...byCategory].sort(([a], [b]) => compareText(a, b))) };
}

function copReport(cop: CopFolder & { charter: Charter }, buckets: readonly (Bucket | undefined)[], window: Window, policy: ResolvedPolicy): CopReport {
  const { charter } = cop;
  const active = activeMonths(cop);
  const isActive = (i: number) => window.months[i]! >= active.from && (active.until === null || window.months[i]! <= active.until);
  // The budget in force in each window month (dated changes apply from their month on); 0 while not active.
  const budgetIn = window.months.map((month, i) => (isActive(i) ? hoursPerMonthIn(charter.budget, month) : 0));
  const budgetOver = (first: number) => budgetIn.slice(first, window.end + 1).reduce((sum, hours) => sum + hours, 0);
  const hoursPerMonth = hoursPerMonthIn(charter.budget, window.months[window.end]!);
  const cap = refreshmentsCap(charter, policy.refreshments_per_head);
  const otherCosts = allowedCosts(charter);

  const months: CopMonth[] = [];
  for (let i = window.periodStart; i <= window.end; i++) {
    const b = buckets[i];
    if (!isActive(i) && !b) continue;
    const m = b ?? emptyBucket();
    months.push({
      month: window.months[i]!,
      active: isActive(i),
      meetings: m.meetings,
      cancelled: m.cancelled,
      people: m.people.size,
      guests: m.guests.size,
      attendanceHours: m.attendanceMinutes / 60,
      preparation: measure(m.preparation, budgetIn[i]!),
      outputs: outputFigures(m.outputs),
      money: money(m.money),
      refreshments: {
        cost: m.refreshmentsCost,
        participants: m.refreshmentsParticipants,
        perHead: m.refreshmentsCost > 0 ? measure(m.refreshmentsCost / Math.max(m.refreshmentsParticipants, 1), cap) : null,
      },
    });
  }

  const p = addUp(buckets, window.periodStart, window.end, isActive);
  // A period from January (`--year`, a January month) is its own year to date.
  const y = window.ytdStart === window.periodStart ? p : addUp(buckets, window.ytdStart, window.end, isActive);
  const ytdBudget = budgetOver(window.ytdStart);
  const costs: CostLine[] = [];
  const categories = new Set([...y.money.keys(), ...otherCosts.map((c) => c.category)]);
  for (const category of [...categories].sort()) {
    const spent = y.money.get(category) ?? 0;
    const other = otherCosts.find((c) => c.category === category);
    const refreshments = category === 'refreshments' ? cap * y.refreshmentsParticipants : null;
    const allowance = other || refreshments !== null ? (refreshments ?? 0) + (other ? other.perMonth * y.activeMonths + other.perYear : 0) : null;
    costs.push({ category, spent, allowance, over: allowance === null ? spent > 0 : spent > allowance });
  }
  return {
    id: cop.id,
    name: charter.name,
    costCentre: charter.cost_centre ?? null,
    status: charter.status as 'active' | 'dissolved',
    sponsor: charter.sponsor ?? null,
    activeFrom: active.from,
    activeUntil: active.until,
    budget: { hoursPerMonth, refreshmentsPerHead: cap, otherCosts },
    months,
    period: {
      activeMonths: p.activeMonths,
      meetings: p.meetings,
      cancelled: p.cancelled,
      people: p.people.size,
      guests: p.guests.size,
      attendanceHours: p.attendanceMinutes / 60,
      preparation: measure(p.preparation, budgetOver(window.periodStart)),
      outputs: outputFigures(p.outputs),
      money: money(p.money),
    },
    yearToDate: {
      from: window.months[window.ytdStart]!,
      to: window.months[window.end]!,
      activeMonths: y.activeMonths,
      meetings: y.meetings,
      cancelled: y.cancelled,
      attendanceHours: y.attendanceMinutes / 60,
      preparation: measure(y.preparation, ytdBudget),
      preparationAverage: measure(y.activeMonths > 0 ? y.preparation / y.activeMonths : y.preparation, y.activeMonths > 0 ? ytdBudget / y.activeMonths : hoursPerMonth),
      outputs: outputFigures(y.outputs),
      money: money(y.money),
      costs,
    },
    yearEnd: copYearEnd(cop, active, y.preparation, y.money, y.activeMonths, window),
  };
}

/**
 * The CoP's whole year: its preparation budget (the figures in force in each month it is active
 * in the year), what remains of it, and the year-end forecast at the year-to-date rate per active
 * month. Money has no per-CoP yearly budget (refreshments are capped per head), so its forecast
 * stands alone.
 */
function copYearEnd(cop: Cop, active: { from: IsoMonth; until: IsoMonth | null }, preparation: number, spent: ReadonlyMap<string, number>, ytdMonths: number, window: Window): CopReport['yearEnd'] {
  const year = window.months[window.end]!.slice(0, 4);
  const months = monthsBetween(`${year}-01`, `${year}-12`).filter((month) => month >= active.from && (active.until === null || month <= active.until));
  const budget = months.reduce((sum, month) => sum + hoursPerMonthIn(cop.charter.budget, month), 0);
  const rate = (amount: number) => (ytdMonths > 0 ? (amount / ytdMonths) * months.length : amount);
  const forecast = measure(rate(preparation), budget);
  return {
    activeMonths: months.length,
    preparation: { budget, remaining: budget - preparation, forecast, runsOut: runsOut(preparation, ytdMonths > 0 ? preparation / ytdMonths : 0, budget, window.months[window.end]!, months.at(-1)) },
    money: { forecast: rate(money(spent).total) },
  };
}

/**
 * The month in which `spent` so far, growing by `perMonth` each month after `from`, first exceeds
 * `budget`: `from` itself when already over; null when it stays within budget up to `last`.
 */
export function runsOut(spent: number, perMonth: number, budget: number, from: IsoMonth, last: IsoMonth | undefined): IsoMonth | null {
  if (spent > budget) return from;
  if (perMonth <= 0 || last === undefined) return null;
  // Counted in months, not compared as text: at a slow rate the month is past the year 9999.
  const months = Math.floor((budget - spent) / perMonth) + 1;
  return months < monthsBetween(from, last).length ? addMonthsToMonth(from, months) : null;
}

/** The charter's other_costs, summed by category. */
function allowedCosts(charter: Charter): CopReport['budget']['otherCosts'] {
  const byCategory = new Map<string, { category: string; perMonth: number; perYear: number }>();
  for (const cost of charter.budget?.other_costs ?? []) {
    const line = byCategory.get(cost.category) ?? { category: cost.category, perMonth: 0, perYear: 0 };
    if (cost.per === 'month') line.perMonth += cost.amount;
    else line.perYear += cost.amount;
    byCategory.set(cost.category, line);
  }
  return [...byCategory.values()];
}

function organisationReport(org: Organisation, period: Period, window: Window, all: readonly (OrganisationMonth | undefined)[][]): OrganisationReport {
  const sum = (first: number) => {
    const total = { attendanceHours: 0, preparationHours: 0, outputHours: 0, money: 0 };
    for (const months of all) {
      for (let i = first; i <= window.end; i++) {
        const m = months[i];
        if (!m) continue;
        total.attendanceHours += m.attendanceMinutes / 60;
        total.preparationHours += m.preparation;
        for (const hours of m.outputHours) total.outputHours += hours;
        for (const amount of m.money) total.money += amount;
      }
    }
    return total;
  };
  const p = sum(window.periodStart);
  const y = sum(window.ytdStart);
  const yearly = org.config.budgets?.find((b) => b.year === period.year);
  const budget = yearly ? yearlyBudgetThrough(yearly, 12) : null;
  const elapsed = Number(period.to.slice(5, 7));
  const proRata = yearly ? yearlyBudgetThrough(yearly, elapsed) : null;
  const hours = y.attendanceHours + y.preparationHours;
  return {
    name: org.config.organisation ?? null,
    currency: org.config.currency ?? null,
    year: period.year,
    budget,
    monthsElapsed: elapsed,
    period: { attendanceHours: p.attendanceHours, preparationHours: p.preparationHours, outputHours: p.outputHours, hours: p.attendanceHours + p.preparationHours, money: p.money },
    yearToDate: {
      attendanceHours: y.attendanceHours,
      preparationHours: y.preparationHours,
      outputHours: y.outputHours,
      hours: measure(hours, budget?.hours ?? null),
      money: measure(y.money, budget?.money ?? null),
    },
    proRata: { hours: measure(hours, proRata?.hours ?? null), money: measure(y.money, proRata?.money ?? null) },
    remaining: budget ? { hours: budget.hours - hours, money: budget.money - y.money } : null,
    forecast: {
      hours: measure((hours / elapsed) * 12, budget?.hours ?? null),
      money: measure((y.money / elapsed) * 12, budget?.money ?? null),
    },
    runsOut: budget
      ? { hours: runsOut(hours, hours / elapsed, budget.hours, period.to, `${period.year}-12`), money: runsOut(y.money, y.money / elapsed, budget.money, period.to, `${period.year}-12`) }
      : null,
  };
}

function personReports(org: Organisation, hours: PersonHours, window: Window, selected: ReadonlySet<string>): PersonReport[] {
  const index = personIndex(org);
  const monthMeasure = sharedMeasures();
  // A person-month is its month and its measure, both shared: one object for each pair.
  const personMonth = pairCache<PersonReport['months'][number]>();
  const reports: PersonReport[] = [];
  for (const [id, cops] of hours.byCop) {
    if (!someKey(cops, selected)) continue;
    const minutes = hours.minutes.get(id)!;
    const person = index.get(id);
    const monthly = person?.monthly_hours ?? org.policy.default_monthly_hours;
    const total = (first: number) => {
      let sum = 0;
      for (let i = first; i <= window.end; i++) sum += minutes[i]!;
      return sum / 60;
    };
    const months = [];
    for (let i = window.periodStart; i <= window.end; i++) {
      const hours = monthMeasure(minutes[i]! / 60, monthly);
      months.push(personMonth(i, hours, () => ({ month: window.months[i]!, hours })));
    }
    reports.push({
      id,
      name: person?.name ?? id,
      monthlyHours: monthly,
      months,
      period: measure(total(window.periodStart), monthly * (window.end - window.periodStart + 1)),
      yearToDate: measure(total(window.ytdStart), monthly * (window.end - window.ytdStart + 1)),
      byCop: Object.fromEntries([...cops].sort(([a], [b]) => compareText(a, b)).map(([cop, m]) => [cop, m / 60])),
    });
  }
  return reports.sort((a, b) => compareText(a.id, b.id));
}

/**
 * `measure`, one object for each actual and budget: a report's tens of thousands of people-months
 * repeat a few hundred figures, so they share them (the report is read, never changed).
 */
function sharedMeasures(): (actual: number, budget: number) => Measure {
  const measures = pairCache<Measure>();
  return (actual, budget) => measures(budget, actual, () => measure(actual, budget));
}

/** Whether any key of `map` is in `set`. */
function someKey(map: ReadonlyMap<string, unknown>, set: ReadonlySet<string>): boolean {
  for (const key of map.keys()) if (set.has(key)) return true;
  return false;
}

function peopleSummary(persons: readonly PersonReport[], window: Window): PeopleSummary {
  const months = window.months.slice(window.periodStart).map((month, k) => {
    let people = 0;
    let hours = 0;
    let overBudget = 0;
    for (const person of persons) {
      const m = person.months[k]!.hours;
      if (m.actual > 0) people += 1;
      hours += m.actual;
      if (m.over) overBudget += 1;
    }
    return { month, people, hours, overBudget };
  });
  return {
    months,
    period: {
      people: persons.length,
      hours: persons.reduce((sum, p) => sum + p.period.actual, 0),
      overBudget: persons.filter((p) => p.months.some((m) => m.hours.over)).length,
    },
  };
}

/** `5.5 h, 138% of 4 h` */
function against(m: Measure, text: (n: number) => string): string {
  if (m.budget === null) return text(m.actual);
  return m.percent === null ? `${text(m.actual)} with no budget` : `${text(m.actual)}, ${percentText(m.percent)} of ${text(m.budget)}`;
}

function organisationAttention(org: OrganisationReport): Attention[] {
  if (!org.budget) return [{ kind: 'no-yearly-budget', message: `cop.config.yaml has no budget for ${org.year}: add an entry to \`budgets\`.` }];
  const money = (n: number) => moneyText(n, org.currency);
  const items: Attention[] = [];
  for (const [what, text] of [['hours', hoursText], ['money', money]] as const) {
    const ytd = org.yearToDate[what];
    if (ytd.over) {
      items.push({ kind: 'organisation-over-budget', message: `The organisation has used ${against(ytd, text)} of its ${org.year} ${what} budget already.` });
    } else if (org.proRata[what].over) {
      items.push({
        kind: 'organisation-over-pro-rata',
        message: `The organisation's ${what} year to date (${against(org.proRata[what], text)} pro rata) are ahead of budget: at this rate the year ends at ${against(org.forecast[what], text)}.`,
      });
    }
  }
  return items;
}

function copAttention(cop: CopReport, currency: string | undefined): Attention[] {
  const items: Attention[] = [];
  const money = (n: number) => moneyText(n, currency ?? null);
  for (const m of cop.months) {
    if (m.active && m.meetings === 0 && m.cancelled === 0) items.push({ kind: 'no-logs', cop: cop.id, month: m.month, message: `${cop.id}: no meeting logged in ${monthLabel(m.month)}.` });
    if (m.refreshments.perHead?.over) {
      items.push({
        kind: 'refreshments-over-cap',
        cop: cop.id,
        month: m.month,
        message: `${cop.id}: refreshments in ${monthLabel(m.month)} cost ${against(m.refreshments.perHead, money)} per head.`,
      });
    }
  }
  const ytd = cop.yearToDate;
  // A CoP that became active during the year has spent nothing before: its figures run from then.
  const since = `since ${monthLabel(cop.activeFrom > ytd.from ? cop.activeFrom : ytd.from)}`;
  if (ytd.preparation.over) {
    items.push({
      kind: 'preparation-over-budget',
      cop: cop.id,
      message: `${cop.id}: preparation ${since} is over budget: ${against(ytd.preparation, hoursText)} (${hoursText(ytd.preparationAverage.actual)} a month on average, budget ${hoursText(cop.budget.hoursPerMonth)}).`,
    });
  } else if (ytd.preparation.budget && ytd.preparation.actual < ytd.preparation.budget * UNDER_USED_SHARE) {
    items.push({ kind: 'preparation-under-used', cop: cop.id, message: `${cop.id}: preparation budget under-used ${since}: ${against(ytd.preparation, hoursText)}.` });
  }
  for (const line of ytd.costs) {
    if (!line.over) continue;
    items.push(
      line.allowance === null
        ? { kind: 'cost-not-allowed', cop: cop.id, message: `${cop.id}: ${money(line.spent)} spent on ${line.category} ${since}, which the charter does not allow.` }
        : { kind: 'cost-over-allowance', cop: cop.id, message: `${cop.id}: ${line.category} ${since}: ${against(measure(line.spent, line.allowance), money)} allowed.` },
    );
  }
  return items;
}

/** Why the period has no CoP to report, and the step that gives it one. */
function noActiveCops(cops: readonly Cop[], period: Period): Attention {
  const when = period.from === period.to ? monthLabel(period.from) : `${monthLabel(period.from)} to ${monthLabel(period.to)}`;
  if (cops.length === 0) return { kind: 'no-active-cops', message: 'No CoP exists yet: `cop new` proposes one, and once its sponsor approves, `cop activate` makes it active; it is counted from then.' };
  const later = cops
    .filter((cop) => cop.charter.status !== 'proposed' && activeFrom(cop.charter) > period.to)
    .sort((a, b) => (activeFrom(a.charter) < activeFrom(b.charter) ? -1 : 1))[0];
  if (later) {
    const month = activeFrom(later.charter);
    return { kind: 'no-active-cops', message: `No CoP was active in ${when}: ${later.id} became active in ${monthLabel(month)}; see \`cop report --month ${month}\`.` };
  }
  const proposed = cops.filter((cop) => cop.charter.status === 'proposed').length;
  return {
    kind: 'no-active-cops',
    message: proposed > 0 ? `No CoP was active in ${when}: ${proposed} ${proposed === 1 ? 'is' : 'are'} proposed; \`cop activate\` makes an approved proposal active.` : `No CoP was active in ${when}.`,
  };
}

function proposedAttention(proposed: readonly Cop[], period: Period, figuresOf: (cop: Cop) => CopFigures): Attention[] {
  return proposed
    .filter((cop) => monthOf(cop.charter.created) <= period.to)
    .map((cop) => {
      const logs = figuresOf(cop).logsInPeriod;
      const counted = logs > 0 ? `; its ${logs} meeting log${logs === 1 ? '' : 's'} in the period ${logs === 1 ? 'is' : 'are'} not counted` : '';
      return { kind: 'proposed-not-budgeted' as const, cop: cop.id, message: `${cop.id} is proposed, not yet approved: it has no budget${counted}.` };
    });
}

function peopleAttention(persons: readonly PersonReport[], anonymise: boolean): Attention[] {
  if (anonymise) {
    const over = new Map<IsoMonth, number>();
    for (const p of persons) for (const m of p.months) if (m.hours.over) over.set(m.month, (over.get(m.month) ?? 0) + 1);
    return [...over].sort(([a], [b]) => compareText(a, b)).map(([month, n]) => ({
      kind: 'people-over-budget' as const,
      month,
      message: `${n} ${n === 1 ? 'person' : 'people'} over their monthly CoP hours in ${monthLabel(month)}.`,
    }));
  }
  const label = personLabeller(persons);
  return persons.flatMap((p) =>
    p.months
      .filter((m) => m.hours.over)
      .map((m) => ({ kind: 'person-over-budget' as const, person: p.id, month: m.month, message: `${label(p)}: ${against(m.hours, hoursText)} of CoP work time in ${monthLabel(m.month)}.` })),
  );
}
