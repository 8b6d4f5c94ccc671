/** `cop health` for a terminal: a summary table, then each CoP with triggers or warnings and its evidence. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { CopHealth, HealthReport } from '../../health/types.js';
import { escapeTerminal, painted } from '../../output/terminal.js';
import { textTable, wrapLines } from '../table.js';
import {
  decidedByLabel,
  headline,
  isLowParticipation,
  levelLabel,
  meetingLabel,
  monthBestLabel,
  needsDetail,
  outputLabel,
  paintLevel,
  sparkline,
  triggerIds,
  triggerSentence,
} from './shared.js';

export function healthTable(report: HealthReport, color: boolean, width = Infinity): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const { minParticipants, lowParticipationMonths } = report.policy;
  const paint = (cop: CopHealth) => paintLevel(chalk, cop.level)(levelLabel(cop.level));
  const summary = textTable(
    [{ header: 'CoP' }, { header: 'Status' }, { header: 'Level' }, { header: 'Triggers' }, { header: 'Last 12 months' }, { header: 'Warnings', align: 'right' }],
    report.cops.map((cop) => [cop.id, cop.status, painted(paint(cop)), triggerIds(cop), sparkline(cop.trend, minParticipants), String(cop.warnings.length)]),
    width,
  );
  const sections = report.cops.filter(needsDetail).map((cop) => detail(cop, chalk, minParticipants, paint));
  const judged = report.cops.some((cop) => cop.level !== 'not-judged');
  // Only active CoPs are judged: without one, say so and how one becomes active.
  const none = judged ? [] : ['', report.cops.length === 0 ? 'No CoP yet: `cop new` proposes one.' : 'None of these CoPs is active, so none is judged: `cop activate <id>` makes an approved proposal active.'];
  return wrapLines([headline(report.asOf, minParticipants, lowParticipationMonths), '', summary, ...none, ...sections].join('\n'), width);
}

function detail(cop: CopHealth, chalk: ChalkInstance, minParticipants: number, paint: (cop: CopHealth) => string): string {
  const lines = [`${chalk.bold(escapeTerminal(cop.name))} (${escapeTerminal(cop.id)}): ${paint(cop)}`, ...evidenceLines(cop, chalk, minParticipants)];
  return lines.join('\n') + '\n';
}

/**
 * Each trigger with who decides and its month-by-month evidence, then the warnings: indented lines
 * (also `cop show`'s). Sentences that quote data (a note, a reason, a file) go through the plain-text layer whole.
 */
export function evidenceLines(cop: Pick<CopHealth, 'triggers' | 'warnings'>, chalk: ChalkInstance, minParticipants: number, warningsHeading = true): string[] {
  const lines: string[] = [];
  for (const trigger of cop.triggers) {
    lines.push(`  ${trigger.id}: ${escapeTerminal(triggerSentence(trigger, minParticipants))}`, `    decided by ${escapeTerminal(decidedByLabel(trigger.decidedBy))}`);
    if (!isLowParticipation(trigger)) continue;
    for (const month of trigger.evidence.months) {
      lines.push(`    ${month.month}  ${monthBestLabel(month.bestAttendance)}`);
      for (const m of month.meetings) lines.push(chalk.dim(`      ${escapeTerminal(m.file)}  ${escapeTerminal(meetingLabel(m))}`));
      for (const o of month.outputs ?? []) lines.push(chalk.dim(`      ${escapeTerminal(o.file)}  ${escapeTerminal(outputLabel(o))}`));
    }
  }
  const indent = warningsHeading ? '    ' : '  ';
  if (cop.warnings.length && warningsHeading) lines.push('  warnings:');
  lines.push(...cop.warnings.map((w) => `${indent}${chalk.yellow('!')} ${escapeTerminal(w.message)} ${chalk.dim(w.id)}`));
  return lines;
}
