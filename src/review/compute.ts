/**
 * `cop review <id>`'s core: the facts of a CoP's review for some months. Pure.
 *
 * Budget figures are `cop report`'s CoP entry for the same months and health is `cop health`'s
 * entry as of the same day, so the draft agrees with both by construction.
 */
import { computeReport } from '../budget/compute.js';
import { resolvePeriod, type Period } from '../budget/period.js';
import { addMonthsToMonth, monthOf, type IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { copHealth } from '../health/evaluate.js';
import type { CopHealth } from '../health/types.js';
import { activeSince, rotationDue, currentTerm } from '../model/charter.js';
import { isCancelled, participantCount } from '../model/meeting.js';
import { latestDecision } from '../model/review.js';
import type { Charter, Meeting } from '../model/schema-types.js';
import { charters, type Loaded, type Workspace } from '../workspace/workspace.js';
import { BANDS, type Band, type BandCounts, type BandMove, type CopReview } from './types.js';
import { valueMatrix } from './value.js';

export interface ReviewOptions {
  /** The months reviewed, as `cop report` resolves `--from`/`--to`. */
  period: Period;
  anonymise: boolean;
}

/** `2026Q3` → July to September 2026. */
export function quarterMonths(quarter: string): { from: string; to: string } {
  const match = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!match) throw new UsageError(`--quarter ${quarter}: expected a quarter written YYYYQn, e.g. 2026Q3.`);
  const first = `${match[1]}-${String((Number(match[2]) - 1) * 3 + 1).padStart(2, '0')}`;
  return { from: first, to: addMonthsToMonth(first, 2) };
}

/** The last quarter that ended before `asOf`. */
export function lastCompleteQuarter(asOf: IsoDate): string {
  const month = Number(asOf.slice(5, 7));
  const quarter = Math.floor((month - 1) / 3);
  return quarter === 0 ? `${Number(asOf.slice(0, 4)) - 1}Q4` : `${asOf.slice(0, 4)}Q${quarter}`;
}

export function reviewPeriod(options: { quarter?: string; from?: string; to?: string }, asOf: IsoDate): Period {
  if (options.quarter !== undefined && (options.from !== undefined || options.to !== undefined)) {
    throw new UsageError('choose --quarter or --from/--to, not both.');
  }
  const months = options.from !== undefined || options.to !== undefined ? { from: options.from, to: options.to } : quarterMonths(options.quarter ?? lastCompleteQuarter(asOf));
  return resolvePeriod(months, asOf);
}

/** Why a CoP has no budget in the period, and the command that reviews what it has. */
function noBudgetReason(id: string, charter: Charter, period: Period): string {
  if (charter.status === 'proposed') return `\`${id}\` is proposed: only active and dissolved CoPs have a budget to review.`;
  const since = activeSince(charter);
  const dissolved = charter.dissolved?.date;
  if (dissolved !== undefined && monthOf(dissolved) < period.from) {
    // Its last quarter, or its whole life if that was shorter.
    const last = monthOf(dissolved);
    const from = [monthOf(since), addMonthsToMonth(last, -2)].sort().at(-1)!;
    return `\`${id}\` was dissolved on ${dissolved}, before the period reviewed (${period.from} to ${period.to}): review its last months with \`cop review ${id} --from ${from} --to ${last}\`.`;
  }
  return `\`${id}\` became active on ${since}, after the period reviewed (${period.from} to ${period.to}): review it from its first month with \`cop review ${id} --from ${monthOf(since)}\`.`;
}

export function reviewCop(ws: Workspace, id: string, options: ReviewOptions): CopReview {
  const cop = charters(ws).find((c) => c.id === id);
  if (!cop) throw new UsageError(`No CoP with a charter named \`${id}\`: see the folders under cops/.`);
  const { period, anonymise } = options;
  const { charter } = cop;
  const asOf = period.asOf;
  const inMonths = (from: string, to: string) => cop.meetings.filter((m) => monthOf(m.data.date) >= from && monthOf(m.data.date) <= to && m.data.date <= asOf);
  const logged = inMonths(period.from, period.to);
  const held = logged.filter((m) => !isCancelled(m.data));
  const previousFrom = addMonthsToMonth(period.from, -period.months.length);
  const previousTo = addMonthsToMonth(period.from, -1);
  const previousHeld = inMonths(previousFrom, previousTo).filter((m) => !isCancelled(m.data));

  const bandsNow = bandsOf(charter.members, held);
  const bandsBefore = bandsOf(charter.members, previousHeld);
  const moves: BandMove[] = charter.members
    .filter((person) => bandsNow.get(person) !== bandsBefore.get(person))
    .map((person) => ({ ...(anonymise ? {} : { person }), from: bandsBefore.get(person)!, to: bandsNow.get(person)! }));

  const guests = [...new Set(held.flatMap((m) => (m.data.guests ?? []).map((g) => `${g.name} (${g.organisation})`)))].sort();
  const budget = computeReport(ws, { period, cops: [id], anonymise }).cops.find((c) => c.id === id);
  if (!budget) throw new UsageError(noBudgetReason(id, charter, period));
  const next = rotationDue(charter, ws.policy, asOf);
  const current = currentTerm(charter, asOf)?.person;
  return {
    version: 1,
    id,
    name: charter.name,
    asOf,
    period,
    previous: { from: previousFrom, to: previousTo },
    anonymised: anonymise,
    goals: (charter.goals ?? []).map((goal, i) => ({
      ...goal,
      reviewDue: goal.review_by <= asOf,
      servedBy: goal.id === undefined ? [] : held.filter((m) => m.data.goals?.includes(goal.id!)).map((m) => m.data.date),
      lastOutcome: latestDecision(cop.reviews.filter((r) => r.data.date <= asOf), charter, i, '') ?? null,
    })),
    meetings: {
      held: held.length,
      cancelled: logged.length - held.length,
      list: logged.map(({ file, data }) => ({
        file,
        date: data.date,
        title: data.title,
        cancelled: isCancelled(data),
        participants: isCancelled(data) ? 0 : participantCount(data),
        recording: data.recording ?? null,
      })),
    },
    participation: {
      members: charter.members.length,
      bands: countBands(bandsNow),
      previousBands: countBands(bandsBefore),
      moves,
      byBand: Object.fromEntries(BANDS.map((band) => [band, anonymise ? [] : charter.members.filter((p) => bandsNow.get(p) === band)])) as Record<Band, string[]>,
    },
    topics: [...new Set(held.flatMap((m) => m.data.topics ?? []))],
    guests: anonymise ? [] : guests,
    guestCount: guests.length,
    // `cop report`'s own figure: output hours and a cancelled meeting's preparation are work too.
    preparationHours: budget.period.preparation.actual,
    recordingsMissing: held.filter((m) => !m.data.recording).map((m) => m.file),
    budget: anonymise ? { ...budget, sponsor: null } : budget,
    coordinator: {
      handovers: charter.coordinator.terms
        .filter((t) => monthOf(t.from) >= period.from && monthOf(t.from) <= period.to)
        .map((t) => ({ ...(anonymise ? {} : { person: t.person }), from: t.from })),
      ...(current !== undefined && !anonymise ? { current } : {}),
      nextHandover: next?.due ?? null,
    },
    health: anonymise ? withoutPeople(copHealth(cop, ws, asOf)) : copHealth(cop, ws, asOf),
    value: valueMatrix(cop, cop.outputs.map((o) => o.data), { from: period.from, to: period.to, asOf, anonymise }),
  };
}

/** Health with the deciders, declarers and warning texts (which name people) left out, for an anonymised review. */
function withoutPeople(health: CopHealth): CopHealth {
  return {
    ...health,
    warnings: health.warnings.map(({ id }) => ({ id, message: 'left out: the review is anonymised' })),
    triggers: health.triggers.map((t) => ({
      ...t,
      decidedBy: { ...t.decidedBy, people: [] },
      evidence: 'declaredBy' in t.evidence ? { ...t.evidence, declaredBy: '' } : t.evidence,
    })),
  };
}

/** Each member's band over the meetings held: by the share of them attended. */
function bandsOf(members: readonly string[], held: readonly Loaded<Meeting>[]): Map<string, Band> {
  const attended = new Map<string, number>();
  for (const m of held) for (const person of m.data.attendees) attended.set(person, (attended.get(person) ?? 0) + 1);
  return new Map(
    members.map((person) => {
      const n = attended.get(person) ?? 0;
      const band: Band = n === 0 ? 'silent' : n * 3 >= held.length * 2 ? 'core' : n * 3 >= held.length ? 'active' : 'peripheral';
      return [person, band];
    }),
  );
}

function countBands(bands: ReadonlyMap<string, Band>): BandCounts {
  const counts: BandCounts = { core: 0, active: 0, peripheral: 0, silent: 0 };
  for (const band of bands.values()) counts[band]++;
  return counts;
}
