/** `cop health` for a terminal: a summary table, then each CoP with triggers or warnings and its evidence. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { CopHealth, HealthReport } from '../../health/types.js';
import { textTable } from '../table.js';
import {
  decidedByLabel,
  headline,
  isLowParticipation,
  levelLabel,
  meetingLabel,
  monthBestLabel,
  needsDetail,
  paintLevel,
  sparkline,
  triggerIds,
  triggerSentence,
} from './shared.js';

export function healthTable(report: HealthReport, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const { minParticipants, lowParticipationMonths } = report.policy;
  const paint = (cop: CopHealth) => paintLevel(chalk, cop.level)(levelLabel(cop.level));
  const summary = textTable(
    [{ header: 'CoP' }, { header: 'Status' }, { header: 'Level' }, { header: 'Triggers' }, { header: 'Last 12 months' }, { header: 'Warnings', align: 'right' }],
    report.cops.map((cop) => [cop.id, cop.status, paint(cop), triggerIds(cop), sparkline(cop.trend, minParticipants), String(cop.warnings.length)]),
  );
  const sections = report.cops.filter(needsDetail).map((cop) => detail(cop, chalk, minParticipants, paint));
  return [headline(report.asOf, minParticipants, lowParticipationMonths), '', summary, ...sections].join('\n');
}

function detail(cop: CopHealth, chalk: ChalkInstance, minParticipants: number, paint: (cop: CopHealth) => string): string {
  const lines = [`${chalk.bold(cop.name)} (${cop.id}): ${paint(cop)}`, ...evidenceLines(cop, chalk, minParticipants)];
  return lines.join('\n') + '\n';
}

/** Each trigger with who decides and its month-by-month evidence, then the warnings: indented lines (also `cop show`'s). */
export function evidenceLines(cop: Pick<CopHealth, 'triggers' | 'warnings'>, chalk: ChalkInstance, minParticipants: number, warningsHeading = true): string[] {
  const lines: string[] = [];
  for (const trigger of cop.triggers) {
    lines.push(`  ${trigger.id}: ${triggerSentence(trigger, minParticipants)}`, `    decided by ${decidedByLabel(trigger.decidedBy)}`);
    if (!isLowParticipation(trigger)) continue;
    for (const month of trigger.evidence.months) {
      lines.push(`    ${month.month}  ${monthBestLabel(month.bestAttendance)}`);
      for (const m of month.meetings) lines.push(chalk.dim(`      ${m.file}  ${meetingLabel(m)}`));
    }
  }
  const indent = warningsHeading ? '    ' : '  ';
  if (cop.warnings.length && warningsHeading) lines.push('  warnings:');
  lines.push(...cop.warnings.map((w) => `${indent}${chalk.yellow('!')} ${w.message} ${chalk.dim(w.id)}`));
  return lines;
}
