/** `cop health`'s core: workspace + as-of → every CoP's level, triggers, warnings and trend. Pure. */
import { addMonthsToMonth, monthOf, monthsBetween, type IsoDate } from '../core/dates.js';
import { charters, type CopFolder, type Workspace } from '../workspace/workspace.js';
import type { Charter } from '../model/schema-types.js';
import { monthStats, withOutputEvidence } from './months.js';
import { triggersOf } from './triggers.js';
import type { CopHealth, HealthLevel, HealthReport, TrendPoint } from './types.js';
import { warningsOf } from './warnings.js';

/** Months in the attendance trend, ending with the as-of month. */
export const TREND_MONTHS = 12;

const RANK: Record<HealthLevel, number> = { ok: 0, 'at-risk': 1, flagged: 2 };

export function atLeast(level: CopHealth['level'], threshold: HealthLevel): boolean {
  return level !== 'not-judged' && RANK[level] >= RANK[threshold];
}

export function evaluateHealth(ws: Workspace, asOf: IsoDate): HealthReport {
  return healthReport(ws, asOf, charters(ws).map((cop) => copHealth(cop, ws, asOf)));
}

/** The report from each CoP's health, wherever it was judged (`cop health`: where the CoP was read, src/lint/per-cop.ts). */
export function healthReport({ policy }: Pick<Workspace, 'policy'>, asOf: IsoDate, cops: readonly CopHealth[]): HealthReport {
  return {
    version: 1,
    asOf,
    policy: { minParticipants: policy.min_participants, lowParticipationMonths: policy.low_participation_months },
    cops: [...cops].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/** One CoP's health: it reads the CoP, the policy and the config (who decides), nothing else of the organisation. */
export function copHealth(cop: CopFolder & { charter: Charter }, ws: Pick<Workspace, 'policy' | 'config'>, asOf: IsoDate): CopHealth {
  const { charter } = cop;
  const held = cop.meetings.filter((m) => m.data.date <= asOf);
  const stats = monthStats(held);
  const current = monthOf(asOf);
  const trend: TrendPoint[] = monthsBetween(addMonthsToMonth(current, 1 - TREND_MONTHS), current).map((month) => ({
    month,
    bestAttendance: stats.get(month)?.evidence.bestAttendance ?? null,
  }));
  const base = { id: cop.id, name: charter.name, status: charter.status };
  if (charter.status !== 'active') return { ...base, level: 'not-judged', triggers: [], warnings: [], trend };

  const triggers = withOutputEvidence(triggersOf(charter, stats, ws.policy, ws.config, asOf), cop.outputs);
  const level = triggers.reduce<HealthLevel>((worst, t) => (RANK[t.level] > RANK[worst] ? t.level : worst), 'ok');
  const warnings = warningsOf({ charter, held, stats, policy: ws.policy, asOf });
  return { ...base, level, triggers, warnings, trend };
}
