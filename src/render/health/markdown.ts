/** `cop health --format markdown`: for an issue or a pull request, built by the Markdown layer. */
import type { CopHealth, HealthReport } from '../../health/types.js';
import { cellBreak, code, codeSpans, heading, list, markdown, paragraph, strong, table, type Inline } from '../../output/markdown.js';
import { bestLabel, decidedByLabel, headline, isLowParticipation, levelLabel, meetingLabel, needsDetail, outputLabel, sparkline, triggerIds, triggerSentence } from './shared.js';

export function healthMarkdown(report: HealthReport): string {
  const { minParticipants, lowParticipationMonths } = report.policy;
  const summary = table(
    [{ header: 'CoP' }, { header: 'Status' }, { header: 'Level' }, { header: 'Triggers' }, { header: 'Last 12 months' }, { header: 'Warnings', align: 'right' }],
    report.cops.map((cop) => [
      code(cop.id),
      cop.status,
      cop.level === 'ok' || cop.level === 'not-judged' ? levelLabel(cop.level) : strong(cop.level),
      triggerIds(cop),
      code(sparkline(cop.trend, minParticipants)),
      String(cop.warnings.length),
    ]),
  );
  return markdown([
    heading(2, `CoP health as of ${report.asOf}`),
    paragraph(headline(report.asOf, minParticipants, lowParticipationMonths)),
    summary,
    ...report.cops.filter(needsDetail).flatMap((cop) => section(cop, minParticipants)),
  ]);
}

function section(cop: CopHealth, minParticipants: number) {
  const blocks = [heading(3, cop.name, ' (', code(cop.id), `): ${levelLabel(cop.level)}`)];
  for (const trigger of cop.triggers) {
    blocks.push(paragraph(strong(trigger.id), `: ${triggerSentence(trigger, minParticipants)} Decided by ${decidedByLabel(trigger.decidedBy)}.`));
    if (!isLowParticipation(trigger)) continue;
    const rows = trigger.evidence.months.map((month) => {
      const meetings = [
        ...month.meetings.map((m): Inline[] => [code(m.file), ` (${m.cancelled ? meetingLabel(m) : m.participants})`]),
        ...(month.outputs ?? []).map((o): Inline[] => [code(o.file), ` (${outputLabel(o)})`]),
      ];
      return [month.month, bestLabel(month.bestAttendance), meetings.length ? meetings.flatMap((m, i) => (i === 0 ? m : [cellBreak, ...m])) : '–'];
    });
    blocks.push(table([{ header: 'Month' }, { header: 'Best attendance', align: 'right' }, { header: 'Meetings (participants)' }], rows));
  }
  blocks.push(paragraph(`Best attendance per month: ${cop.trend.map((p) => `${p.month}: ${bestLabel(p.bestAttendance)}`).join(' · ')}`));
  if (cop.warnings.length) blocks.push(paragraph('Warnings:'), list(cop.warnings.map((w) => [...codeSpans(w.message), ' (', code(w.id), ')'])));
  return blocks;
}
