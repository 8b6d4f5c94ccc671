/**
 * `cop review --org --year <year>`'s core: the organisation's annual report, built from the
 * per-CoP reviews, `cop report --year` and `cop health` for the same year and day, so every figure
 * agrees with them by construction. Pure.
 */
import { computeReport } from '../budget/compute.js';
import { resolvePeriod } from '../budget/period.js';
import type { IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { activeSince } from '../model/charter.js';
import { charters, type Workspace } from '../workspace/workspace.js';
import { reviewCop } from './compute.js';
import type { OrgCopSection, OrgFlag, OrgReview } from './types.js';

export function reviewOrganisation(ws: Workspace, year: string, asOf: IsoDate, anonymise: boolean): OrgReview {
  if (!/^\d{4}$/.test(year)) throw new UsageError(`--year ${year}: expected a year written YYYY.`);
  const period = resolvePeriod({ year }, asOf);
  const inYear = (date: IsoDate | undefined): date is IsoDate => date !== undefined && date.startsWith(`${year}-`) && date <= asOf;
  const all = charters(ws);
  const report = computeReport(ws, { period, anonymise });

  const cops: OrgCopSection[] = report.cops.map((budget) => {
    const review = reviewCop(ws, budget.id, { period, anonymise });
    return {
      id: budget.id,
      name: budget.name,
      status: budget.status,
      members: review.participation.members,
      meetings: { held: review.meetings.held, cancelled: review.meetings.cancelled },
      bands: review.participation.bands,
      goals: { total: review.goals.length, reviewDue: review.goals.filter((g) => g.reviewDue).length },
      handovers: review.coordinator.handovers.length,
      budget: anonymise ? { ...budget, sponsor: null } : budget,
      health: review.health,
      value: review.value,
    };
  });

  const dissolved = all
    .filter((c) => inYear(c.charter.dissolved?.date))
    .map(({ id, charter }) => {
      const d = charter.dissolved!;
      return {
        id,
        name: charter.name,
        date: d.date!,
        reason: d.reason ?? null,
        ...(anonymise || d.decided_by === undefined ? {} : { decidedBy: d.decided_by }),
        triggersMet: d.triggers_met ?? null,
        note: d.note ?? null,
      };
    });
  const decisionOf = (cop: string): OrgFlag['decision'] => {
    const d = dissolved.find((x) => x.id === cop);
    return d ? { dissolved: d.date, reason: d.reason, ...(d.decidedBy === undefined ? {} : { decidedBy: d.decidedBy }) } : null;
  };

  const flags: OrgFlag[] = [];
  for (const { id, charter } of all) {
    for (const t of charter.triggers ?? []) {
      if (inYear(t.date)) flags.push({ cop: id, trigger: t.trigger, source: 'declared', level: 'flagged', date: t.date, decision: decisionOf(id) });
    }
    for (const trigger of charter.dissolved?.triggers_met ?? []) {
      if (inYear(charter.dissolved?.date)) flags.push({ cop: id, trigger, source: 'dissolution', level: 'flagged', date: charter.dissolved!.date!, decision: decisionOf(id) });
    }
  }
  for (const section of cops) {
    for (const t of section.health.triggers) flags.push({ cop: section.id, trigger: t.id, source: 'health', level: t.level, date: null, decision: decisionOf(section.id) });
  }

  return {
    version: 1,
    organisation: ws.config.organisation ?? null,
    year: period.year,
    asOf,
    period,
    anonymised: anonymise,
    lifecycle: {
      created: all.filter((c) => inYear(c.charter.created)).map(({ id, charter }) => ({ id, name: charter.name, date: charter.created, status: charter.status })),
      activated: all
        .filter((c) => c.charter.status !== 'proposed' && inYear(activeSince(c.charter)))
        .map(({ id, charter }) => ({ id, name: charter.name, date: activeSince(charter) })),
      dissolved,
    },
    budget: report.organisation,
    cops,
    flags,
  };
}
