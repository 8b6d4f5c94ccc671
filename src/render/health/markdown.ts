/** `cop health --format markdown`: for an issue or a pull request. */
import type { CopHealth, HealthReport } from '../../health/types.js';
import { markdownTable } from '../table.js';
import { bestLabel, decidedByLabel, headline, isLowParticipation, levelLabel, meetingLabel, needsDetail, sparkline, triggerIds, triggerSentence } from './shared.js';

export function healthMarkdown(report: HealthReport): string {
  const { minParticipants, lowParticipationMonths } = report.policy;
  const summary = markdownTable(
    [{ header: 'CoP' }, { header: 'Status' }, { header: 'Level' }, { header: 'Triggers' }, { header: 'Last 12 months' }, { header: 'Warnings', align: 'right' }],
    report.cops.map((cop) => [
      `\`${cop.id}\``,
      cop.status,
      cop.level === 'ok' || cop.level === 'not-judged' ? levelLabel(cop.level) : `**${cop.level}**`,
      triggerIds(cop),
      `\`${sparkline(cop.trend, minParticipants)}\``,
      String(cop.warnings.length),
    ]),
  );
  const sections = report.cops.filter(needsDetail).map((cop) => section(cop, minParticipants));
  return [`## CoP health as of ${report.asOf}`, '', headline(report.asOf, minParticipants, lowParticipationMonths), '', summary, ...sections].join('\n');
}

function section(cop: CopHealth, minParticipants: number): string {
  const parts = [`### ${cop.name} (\`${cop.id}\`): ${levelLabel(cop.level)}`, ''];
  for (const trigger of cop.triggers) {
    parts.push(`**${trigger.id}**: ${triggerSentence(trigger, minParticipants)} Decided by ${decidedByLabel(trigger.decidedBy)}.`, '');
    if (!isLowParticipation(trigger)) continue;
    const rows = trigger.evidence.months.map((month) => [
      month.month,
      bestLabel(month.bestAttendance),
      month.meetings.map((m) => `\`${m.file}\` (${m.cancelled ? meetingLabel(m) : m.participants})`).join('<br>') || '–',
    ]);
    parts.push(markdownTable([{ header: 'Month' }, { header: 'Best attendance', align: 'right' }, { header: 'Meetings (participants)' }], rows));
  }
  const trend = cop.trend.map((p) => `${p.month}: ${bestLabel(p.bestAttendance)}`).join(' · ');
  parts.push(`Best attendance per month: ${trend}`, '');
  if (cop.warnings.length) parts.push('Warnings:', '', ...cop.warnings.map((w) => `- ${w.message} (\`${w.id}\`)`), '');
  return parts.join('\n');
}
