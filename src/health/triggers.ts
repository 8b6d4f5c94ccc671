/** The policy's dissolution triggers for one active CoP: low participation, and the declared ones. */
import { monthOf, type IsoDate, type IsoMonth } from '../core/dates.js';
import { currentTerm } from '../model/charter.js';
import type { ResolvedPolicy } from '../model/policy.js';
import type { Charter, Config, DissolutionTrigger } from '../model/schema-types.js';
import { monthEvidence, trailingCompleteMonths, type MonthStats } from './months.js';
import type { DecidedBy, HealthLevel, LowParticipationEvidence, TriggerResult } from './types.js';

/** Who decides each trigger, from the first seed: the CoP, its leader (coordinator), the CTO. */
export function decidedBy(trigger: DissolutionTrigger, charter: Charter, config: Config, asOf: IsoDate): DecidedBy {
  switch (trigger) {
    case 'low-participation':
      return { role: 'cop', people: [...charter.members] };
    case 'topics-finished': {
      const term = currentTerm(charter, asOf);
      return { role: 'coordinator', people: term ? [term.person] : [] };
    }
    case 'not-strategic':
      return { role: 'cto', people: [...new Set([config.cto, charter.sponsor].filter((id): id is string => id !== undefined))] };
  }
}

/**
 * DESIGN.md "Exact semantics": a month is reached when one of its meetings had at least
 * `min_participants` participants; a month without a meeting is not. Only complete months count
 * against the CoP: a reached meeting in the as-of month ends the run, and the month it became
 * active never counts. The trailing run of unreached complete months is measured; longer than
 * `low_participation_months` is flagged, one month or more is at risk.
 */
export function lowParticipation(
  charter: Charter,
  stats: ReadonlyMap<IsoMonth, MonthStats>,
  policy: ResolvedPolicy,
  asOf: IsoDate,
): { level: HealthLevel; evidence: LowParticipationEvidence } {
  const reached = (month: IsoMonth) => (stats.get(month)?.evidence.bestAttendance ?? 0) >= policy.min_participants;
  const run = reached(monthOf(asOf)) ? [] : trailingCompleteMonths(charter, asOf, (month) => !reached(month));
  const level: HealthLevel = run.length > policy.low_participation_months ? 'flagged' : run.length >= 1 ? 'at-risk' : 'ok';
  const months = run.map((month) => monthEvidence(stats, month));
  const logged = months.flatMap((m) => m.meetings);
  const cancelled = logged.filter((m) => m.cancelled).length;
  return {
    level,
    evidence: { run: run.length, allowed: policy.low_participation_months, months, ...(cancelled > 0 ? { cancelled: { count: cancelled, of: logged.length } } : {}) },
  };
}

/** Every trigger an active CoP meets as of `asOf`: low participation and the declared ones. */
export function triggersOf(
  charter: Charter,
  stats: ReadonlyMap<IsoMonth, MonthStats>,
  policy: ResolvedPolicy,
  config: Config,
  asOf: IsoDate,
): TriggerResult[] {
  const results: TriggerResult[] = [];
  const low = lowParticipation(charter, stats, policy, asOf);
  if (low.level !== 'ok') {
    results.push({ id: 'low-participation', level: low.level, decidedBy: decidedBy('low-participation', charter, config, asOf), evidence: low.evidence });
  }
  for (const declared of charter.triggers ?? []) {
    if (declared.date > asOf) continue;
    results.push({
      id: declared.trigger,
      level: 'flagged',
      decidedBy: decidedBy(declared.trigger, charter, config, asOf),
      evidence: { declaredBy: declared.declared_by, date: declared.date, ...(declared.note === undefined ? {} : { note: declared.note }) },
    });
  }
  return results;
}
