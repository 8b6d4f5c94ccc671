/** A CoP's meetings grouped by calendar month once, and the month walks the health checks share. */
import { addMonthsToMonth, groupByMonth, monthOf, type IsoDate, type IsoMonth } from '../core/dates.js';
import { activeSince } from '../model/charter.js';
import { isCancelled, participantCount } from '../model/meeting.js';
import type { Charter, Meeting, Output } from '../model/schema-types.js';
import type { Loaded } from '../workspace/workspace.js';
import type { MeetingEvidence, MonthEvidence, OutputEvidence, TriggerResult } from './types.js';

export interface MonthStats {
  evidence: MonthEvidence;
  /** Preparation hours logged in the month's meetings. */
  preparationHours: number;
}

/** One pass over a CoP's meetings (the caller keeps only those held on or before the as-of date). */
export function monthStats(held: readonly Loaded<Meeting>[]): Map<IsoMonth, MonthStats> {
  const stats = new Map<IsoMonth, MonthStats>();
  for (const [month, group] of groupByMonth(held, (m) => m.data.date)) {
    // Best attendance is over the meetings held: a month with only cancelled meetings had none.
    let best: number | null = null;
    let preparationHours = 0;
    const evidence = group.map(({ file, data }): MeetingEvidence => {
      for (const prep of data.preparation ?? []) preparationHours += prep.hours;
      if (isCancelled(data)) return { file, date: data.date, participants: 0, cancelled: true, ...(data.reason === undefined ? {} : { reason: data.reason }) };
      const participants = participantCount(data);
      best = Math.max(best ?? 0, participants);
      return { file, date: data.date, participants };
    });
    stats.set(month, { evidence: { month, bestAttendance: best, meetings: evidence }, preparationHours });
  }
  return stats;
}

/** The evidence for a month, empty when nothing was held. */
export function monthEvidence(stats: ReadonlyMap<IsoMonth, MonthStats>, month: IsoMonth): MonthEvidence {
  return stats.get(month)?.evidence ?? { month, bestAttendance: null, meetings: [] };
}

/**
 * The low-participation evidence with each month's outputs added (the trigger still counts meeting
 * participants only): the months judged show the CoP's asynchronous work too.
 */
export function withOutputEvidence(triggers: readonly TriggerResult[], outputs: readonly Loaded<Output>[]): TriggerResult[] {
  const byMonth = groupByMonth(outputs, (o) => o.data.date);
  return triggers.map((trigger) => {
    if (!('run' in trigger.evidence)) return trigger;
    const months = trigger.evidence.months.map((month) => {
      const found = byMonth.get(month.month);
      return found ? { ...month, outputs: found.map(({ file, data }): OutputEvidence => ({ file, date: data.date, title: data.title, kind: data.kind })) } : month;
    });
    return { ...trigger, evidence: { ...trigger.evidence, months } };
  });
}

/**
 * The trailing run of complete months matching `matches`: walks back from the month before the
 * as-of month, stopping at the first month that does not match or at the month the CoP became
 * active (which never counts against it). Oldest first.
 */
export function trailingCompleteMonths(charter: Charter, asOf: IsoDate, matches: (month: IsoMonth) => boolean): IsoMonth[] {
  const first = addMonthsToMonth(monthOf(activeSince(charter)), 1);
  const run: IsoMonth[] = [];
  for (let month = addMonthsToMonth(monthOf(asOf), -1); month >= first && matches(month); month = addMonthsToMonth(month, -1)) {
    run.push(month);
  }
  return run.reverse();
}
