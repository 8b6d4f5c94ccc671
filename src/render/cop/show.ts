/** `cop show <id>` for a terminal: one CoP on one screen, every figure from the view model. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Measure } from '../../budget/types.js';
import { monthLabel } from '../../core/dates.js';
import { hoursText, moneyText, percentText } from '../../core/numbers.js';
import type { CopView, OrganisationView, PersonRef } from '../../view/types.js';
import { levelLabel, paintLevel, sparkline } from '../health/shared.js';
import { evidenceLines } from '../health/table.js';
import { escapeTerminal, painted } from '../../output/terminal.js';
import { hoursAgainst } from './list.js';
import { textTable, wrapLines, wrapWords } from '../table.js';

/** The context a CoP's figures need: the as-of date, the currency and the policy. */
export type ShowContext = Pick<OrganisationView, 'asOf' | 'currency' | 'policy'>;

const LABEL = 13;
/** Outputs `cop show` lists, newest first; the JSON has them all. */
const RECENT_OUTPUTS = 5;
/** Long prose (the rationale) wraps to this width, or the terminal's when narrower. */
const WIDTH = 100;

/** `width`: the columns the page may fill (src/core/terminal.ts outputWidth); unlimited by default. */
/** Every data string goes through the plain-text layer (`escapeTerminal`) before it is styled or wrapped. */
export function showText(cop: CopView, context: ShowContext, color: boolean, width = Infinity): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const field = (label: string, text: string) => `${chalk.bold(label.padEnd(LABEL))}${text}`;
  const more = (text: string) => `${' '.repeat(LABEL)}${text}`;
  const level = paintLevel(chalk, cop.health.level)(levelLabel(cop.health.level));
  const out = [`${chalk.bold(escapeTerminal(cop.name))} (${escapeTerminal(cop.id)}): ${escapeTerminal(since(cop))}, health ${level}  ${chalk.dim(`as of ${context.asOf}`)}`, ''];

  out.push(field('Scope', escapeTerminal(cop.scope.subject)), ...cop.scope.in.map((s) => more(`in:  ${escapeTerminal(s)}`)), ...cop.scope.out.map((s) => more(`out: ${escapeTerminal(s)}`)));
  if (cop.rationale) wrap(escapeTerminal(cop.rationale), Math.min(WIDTH, width) - LABEL).forEach((line, i) => out.push(i === 0 ? field('Rationale', line) : more(line)));
  if (cop.goals.length === 0) out.push(field('Goals', chalk.yellow('none')));
  cop.goals.forEach((g, i) => {
    const review = g.reviewDue ? chalk.yellow(`review was due ${g.reviewBy}`) : `review by ${g.reviewBy}`;
    out.push((i === 0 ? (t: string) => field('Goals', t) : more)(`${escapeTerminal(g.type)} (${escapeTerminal(g.audiences.join(', '))}): ${escapeTerminal(g.description)} ${chalk.dim('·')} ${review}`));
  });
  out.push(field('Sponsor', cop.sponsor ? person(cop.sponsor) : chalk.yellow('none')));
  out.push(field('Coordinator', coordinator(cop, chalk)));
  const core = new Set(cop.coreGroup.map((p) => p.id));
  const limits = [cop.maxMembers !== null ? `max ${cop.maxMembers}` : '', escapeTerminal(cop.membership)].filter(Boolean).join(', ');
  out.push(field('Members', `${cop.members.length} (${limits}${core.size ? '; * core group' : ''})`));
  out.push(more(cop.members.map((p) => `${escapeTerminal(p.name)}${core.has(p.id) ? '*' : ''}`).join(', ')));
  const f = cop.format;
  out.push(field('Format', escapeTerminal([f.formats.join(', '), f.cadence, `${f.durationMinutes} min`, f.slot, f.channel].filter(Boolean).join(' · '))));
  if (f.recordings) out.push(more(`recordings: ${escapeTerminal(f.recordings)}`));
  if (f.schedule) out.push(more(`schedule: ${escapeTerminal(f.schedule.text)}`));
  if (cop.status !== 'dissolved' && f.schedule) out.push(field('Next meeting', cop.nextMeeting ? escapeTerminal(cop.nextMeeting.text) : chalk.dim('none scheduled')));

  const cancelled = cop.meetings.cancelled ? `; ${cop.meetings.cancelled} cancelled` : '';
  out.push('', chalk.bold(`Last meetings (${cop.meetings.count} held${cancelled})`));
  if (cop.meetings.recent.length === 0) out.push('  none logged');
  for (const m of cop.meetings.recent) {
    if (m.cancelled) {
      out.push(`  ${m.date}  ${escapeTerminal(m.title)}  ${chalk.dim('·')} ${chalk.yellow('cancelled')}${m.cancelReason ? `: ${escapeTerminal(m.cancelReason)}` : ''}`);
      continue;
    }
    const attendance = `${m.participants} participant${m.participants === 1 ? '' : 's'}`;
    const mark = m.reached ? chalk.green('✓') : chalk.yellow(`below ${context.policy.minParticipants}`);
    out.push(`  ${m.date}  ${escapeTerminal(m.title)}  ${chalk.dim('·')} ${attendance} ${mark}`);
  }

  out.push('', chalk.bold(`Outputs (${cop.outputs.length})`));
  if (cop.outputs.length === 0) out.push('  none recorded');
  for (const o of cop.outputs.slice(0, RECENT_OUTPUTS)) {
    const handoff = o.handoff ? ` ${chalk.dim('·')} to ${escapeTerminal(o.handoff.to.name)}: ${o.handoff.status}${o.handoff.decided ? ` ${o.handoff.decided}` : ''}` : '';
    out.push(`  ${o.date}  ${escapeTerminal(o.title)}  ${chalk.dim('·')} ${o.kind}, ${o.audience}${o.hours > 0 ? `, ${hoursText(o.hours)}` : ''}${handoff}`);
    if (o.url) out.push(`              ${escapeTerminal(o.url)}`);
  }
  if (cop.outputs.length > RECENT_OUTPUTS) out.push(chalk.dim(`  … and ${cop.outputs.length - RECENT_OUTPUTS} earlier (\`cop show ${escapeTerminal(cop.id)} --format json\` lists them all)`));

  out.push('', ...budget(cop, context, chalk, width));
  out.push('', ...health(cop, context, chalk, level));
  if (cop.activation) {
    out.push('', chalk.bold('Activation'));
    out.push(cop.activation.ready ? `  ready: \`cop activate ${escapeTerminal(cop.id)}\` makes it active` : `  not ready:`, ...cop.activation.problems.map((p) => `    ${chalk.yellow('!')} ${escapeTerminal(p)}`));
  }
  return wrapLines(`${out.join('\n')}\n`, width);
}

/** Words joined into lines of at most `width` columns (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  return wrapWords(text.trim().replace(/\s+/g, ' '), Math.max(20, width));
}

function since(cop: CopView): string {
  switch (cop.status) {
    case 'proposed':
      return `proposed on ${cop.created}`;
    case 'active':
      return `active since ${cop.activated ?? cop.created}`;
    case 'dissolved':
      return `dissolved${cop.dissolved?.date ? ` on ${cop.dissolved.date}` : ''}${cop.dissolved?.reason ? ` (${cop.dissolved.reason})` : ''}`;
  }
}

/** A person's name and id, escaped. */
function person(p: PersonRef): string {
  return escapeTerminal(p.name === p.id ? p.id : `${p.name} (${p.id})`);
}

function coordinator(cop: CopView, chalk: ChalkInstance): string {
  const c = cop.coordinator;
  const parts = [c.now ? `${person(c.now)} since ${c.since}` : chalk.yellow('nobody now')];
  if (c.nextHandover) {
    const to = c.nextHandover.to ? ` to ${escapeTerminal(c.nextHandover.to.name)}` : '';
    const text = `next handover ${c.nextHandover.date}${to}`;
    parts.push(c.nextHandover.overdue ? chalk.yellow(`${text} (overdue)`) : text);
  } else if (c.now) {
    parts.push('fixed leader');
  }
  if (c.rotationMonths !== null) parts.push(`rotates every ${c.rotationMonths} months`);
  if (c.deputy) parts.push(`deputy ${escapeTerminal(c.deputy.name)}`);
  return parts.join('; ');
}

function budget(cop: CopView, context: ShowContext, chalk: ChalkInstance, width: number): string[] {
  const b = cop.budget;
  if (!b) return [chalk.bold('Budget'), cop.status === 'proposed' ? '  none yet: a proposal has no budget until it is active' : '  not active this month'];
  const money = (n: number) => moneyText(n, context.currency);
  const against = (m: Measure, text: (n: number) => string) =>
    m.budget === null ? text(m.actual) : `${text(m.actual)} of ${text(m.budget)}${m.percent !== null ? ` (${percentText(m.percent)})` : ''}`;
  const paint = (m: Measure, text: string) => (m.over ? chalk.red(text) : text);
  const ytd = b.yearToDate;
  const table = textTable(
    [{ header: '' }, { header: `${monthLabel(b.month)} so far`, align: 'right' }, { header: `year to date (${ytd.activeMonths} active month${ytd.activeMonths === 1 ? '' : 's'})` }],
    [
      ['Meetings', String(b.thisMonth.meetings), String(ytd.meetings)],
      ['Preparation', painted(paint(b.thisMonth.preparation, hoursAgainst(b.thisMonth.preparation))), painted(paint(ytd.preparation, against(ytd.preparation, hoursText)))],
      ['  a month', '', `${hoursText(ytd.preparationAverage.actual)} on average`],
      ['Attendance', hoursText(b.thisMonth.attendanceHours), `${hoursText(ytd.attendanceHours)} (work hours only; charged to each person's own budget)`],
      ['Money', money(b.thisMonth.money.total), painted(paint(ytd.moneyAgainstAllowance, `${against(ytd.moneyAgainstAllowance, money)} allowed`))],
    ],
    width - 2,
  );
  const lines = [
    chalk.bold(`Budget: ${hoursText(b.hoursPerMonth)} preparation a month, refreshments up to ${money(b.refreshmentsPerHead)} per head`),
    ...table.trimEnd().split('\n').map((line) => `  ${line}`),
  ];
  for (const line of ytd.costs.filter((c) => c.over)) {
    lines.push(`  ${chalk.red('!')} ${escapeTerminal(line.category)}: ${money(line.spent)} spent, ${line.allowance === null ? 'not allowed by the charter' : `${money(line.allowance)} allowed`}`);
  }
  return lines;
}

function health(cop: CopView, context: ShowContext, chalk: ChalkInstance, level: string): string[] {
  const h = cop.health;
  const lines = [`${chalk.bold('Health')} ${level}  ${chalk.dim('last 12 months')} ${sparkline(h.trend, context.policy.minParticipants)}`];
  if (h.level === 'not-judged') lines.push(`  only active CoPs are judged`);
  lines.push(...evidenceLines(h, chalk, context.policy.minParticipants, false));
  return lines;
}
