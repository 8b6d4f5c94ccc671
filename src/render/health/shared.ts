/** Words and marks shared by the health renderers: levels, who decides, the run's sentence, the sparkline. */
import type { ChalkInstance } from 'chalk';
import { monthLabel, type IsoMonth } from '../../core/dates.js';
import type { CopHealth, DecidedBy, LowParticipationEvidence, MeetingEvidence, OutputEvidence, TrendPoint, TriggerResult } from '../../health/types.js';

const BARS = '▁▂▃▄▅▆▇█';
/** A month without any meeting in the sparkline. */
export const NO_MEETING = '·';

/**
 * The trend as a sparkline, one character per month, on a scale from 0 to the larger of the best
 * attendance and the policy minimum (so a full bar always means at least the minimum).
 */
export function sparkline(trend: readonly TrendPoint[], minParticipants: number): string {
  const top = Math.max(minParticipants, ...trend.map((p) => p.bestAttendance ?? 0));
  return trend
    .map(({ bestAttendance: best }) => (best === null ? NO_MEETING : BARS[Math.min(BARS.length - 1, Math.round((best / top) * (BARS.length - 1)))]!))
    .join('');
}

export function levelLabel(level: CopHealth['level']): string {
  return level === 'not-judged' ? 'not judged' : level;
}

export function decidedByLabel({ role, people }: DecidedBy): string {
  switch (role) {
    case 'cop':
      return 'the CoP (its members)';
    case 'coordinator':
      return people.length ? `the coordinator (${people.join(', ')})` : 'the coordinator';
    case 'cto':
      return people.length ? `the CTO or sponsor (${people.join(', ')})` : 'the CTO or sponsor';
  }
}

export function isLowParticipation(trigger: TriggerResult): trigger is TriggerResult & { evidence: LowParticipationEvidence } {
  return trigger.id === 'low-participation';
}

/** One sentence on why the trigger applies, without the per-month evidence. */
export function triggerSentence(trigger: TriggerResult, minParticipants: number): string {
  if (isLowParticipation(trigger)) {
    const { run, allowed } = trigger.evidence;
    const months = `${run === 1 ? '1 complete month' : `${run} complete months in a row`} without a meeting of ${minParticipants} or more participants`;
    const cancelled = cancelledSentence(trigger.evidence);
    return `${months}; the policy flags more than ${allowed}.${cancelled ? ` ${cancelled}.` : ''}`;
  }
  const evidence = trigger.evidence as Exclude<TriggerResult['evidence'], LowParticipationEvidence>;
  return `declared by ${evidence.declaredBy} on ${evidence.date}${evidence.note ? `: ${evidence.note}` : '.'}`;
}

/** `3 of 4 meetings in Sep–Oct 2026 were cancelled`, or '' when none of the run's meetings was. */
export function cancelledSentence(evidence: LowParticipationEvidence): string {
  if (!evidence.cancelled) return '';
  const { count, of } = evidence.cancelled;
  const first = evidence.months[0]!.month;
  const last = evidence.months.at(-1)!.month;
  const span = first === last ? shortMonth(first, true) : `${shortMonth(first, first.slice(0, 4) !== last.slice(0, 4))}–${shortMonth(last, true)}`;
  return `${count} of ${of} meeting${of === 1 ? '' : 's'} in ${span} ${count === 1 ? 'was' : 'were'} cancelled`;
}

function shortMonth(month: IsoMonth, withYear: boolean): string {
  const name = monthLabel(month).slice(0, 3);
  return withYear ? `${name} ${month.slice(0, 4)}` : name;
}

export function triggerIds(cop: CopHealth): string {
  return cop.triggers.map((t) => t.id).join(', ') || '–';
}

/** The CoPs that need a section of their own: any trigger or warning. */
export function needsDetail(cop: CopHealth): boolean {
  return cop.triggers.length > 0 || cop.warnings.length > 0;
}

/** `4 participants`, or `cancelled: the speaker was ill`. */
export function meetingLabel(meeting: MeetingEvidence): string {
  if (meeting.cancelled) return meeting.reason ? `cancelled: ${meeting.reason}` : 'cancelled';
  return `${meeting.participants} participants`;
}

/** `output: Terraform conventions (policies-and-standards)`: it never counts as attendance. */
export function outputLabel(output: OutputEvidence): string {
  return `output: ${output.title} (${output.kind})`;
}

export function bestLabel(best: number | null): string {
  return best === null ? 'no meeting' : String(best);
}

/** `best 4`, or `no meeting`. */
export function monthBestLabel(best: number | null): string {
  return best === null ? 'no meeting' : `best ${best}`;
}

export function headline(asOf: string, minParticipants: number, allowed: number): string {
  return `CoP health as of ${asOf}: a month is reached by a meeting of ${minParticipants}+ participants; more than ${allowed} unreached complete months in a row flags a CoP.`;
}

/** The colour of a health level, wherever it is printed (`cop health`, `cop ls`, `cop show`). */
export function paintLevel(chalk: ChalkInstance, level: CopHealth['level']): (text: string) => string {
  switch (level) {
    case 'flagged':
      return chalk.red.bold;
    case 'at-risk':
      return chalk.yellow;
    case 'ok':
      return chalk.green;
    case 'not-judged':
      return chalk.dim;
  }
}
