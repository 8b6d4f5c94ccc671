/** `cop show <id>` for a terminal: one CoP on one screen, every figure from the view model. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Measure } from '../../budget/types.js';
import { monthLabel } from '../../core/dates.js';
import { hoursText, moneyText, percentText } from '../../core/numbers.js';
import type { CopView, OrganisationView, PersonRef } from '../../view/types.js';
import { levelLabel, paintLevel, sparkline } from '../health/shared.js';
import { evidenceLines } from '../health/table.js';
import { hoursAgainst } from './list.js';
import { textTable } from '../table.js';

/** The context a CoP's figures need: the as-of date, the currency and the policy. */
export type ShowContext = Pick<OrganisationView, 'asOf' | 'currency' | 'policy'>;

const LABEL = 13;
/** Long prose (the rationale) wraps to this width. */
const WIDTH = 100;

export function showText(cop: CopView, context: ShowContext, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const field = (label: string, text: string) => `${chalk.bold(label.padEnd(LABEL))}${text}`;
  const more = (text: string) => `${' '.repeat(LABEL)}${text}`;
  const level = paintLevel(chalk, cop.health.level)(levelLabel(cop.health.level));
  const out = [`${chalk.bold(cop.name)} (${cop.id}): ${since(cop)}, health ${level}  ${chalk.dim(`as of ${context.asOf}`)}`, ''];

  out.push(field('Scope', cop.scope.subject), ...cop.scope.in.map((s) => more(`in:  ${s}`)), ...cop.scope.out.map((s) => more(`out: ${s}`)));
  if (cop.rationale) wrap(cop.rationale, WIDTH - LABEL).forEach((line, i) => out.push(i === 0 ? field('Rationale', line) : more(line)));
  if (cop.goals.length === 0) out.push(field('Goals', chalk.yellow('none')));
  cop.goals.forEach((g, i) => {
    const review = g.reviewDue ? chalk.yellow(`review was due ${g.reviewBy}`) : `review by ${g.reviewBy}`;
    out.push((i === 0 ? (t: string) => field('Goals', t) : more)(`${g.type} (${g.audiences.join(', ')}): ${g.description} ${chalk.dim('·')} ${review}`));
  });
  out.push(field('Sponsor', cop.sponsor ? person(cop.sponsor) : chalk.yellow('none')));
  out.push(field('Coordinator', coordinator(cop, chalk)));
  const core = new Set(cop.coreGroup.map((p) => p.id));
  const limits = [cop.maxMembers !== null ? `max ${cop.maxMembers}` : '', cop.membership].filter(Boolean).join(', ');
  out.push(field('Members', `${cop.members.length} (${limits}${core.size ? '; * core group' : ''})`));
  out.push(more(cop.members.map((p) => `${p.name}${core.has(p.id) ? '*' : ''}`).join(', ')));
  const f = cop.format;
  out.push(field('Format', [f.formats.join(', '), f.cadence, `${f.durationMinutes} min`, f.slot, f.channel].filter(Boolean).join(' · ')));
  if (f.recordings) out.push(more(`recordings: ${f.recordings}`));
  if (f.schedule) out.push(more(`schedule: ${f.schedule.text}`));
  if (cop.status !== 'dissolved' && f.schedule) out.push(field('Next meeting', cop.nextMeeting ? cop.nextMeeting.text : chalk.dim('none scheduled')));

  const cancelled = cop.meetings.cancelled ? `; ${cop.meetings.cancelled} cancelled` : '';
  out.push('', chalk.bold(`Last meetings (${cop.meetings.count} held${cancelled})`));
  if (cop.meetings.recent.length === 0) out.push('  none logged');
  for (const m of cop.meetings.recent) {
    if (m.cancelled) {
      out.push(`  ${m.date}  ${m.title}  ${chalk.dim('·')} ${chalk.yellow('cancelled')}${m.cancelReason ? `: ${m.cancelReason}` : ''}`);
      continue;
    }
    const attendance = `${m.participants} participant${m.participants === 1 ? '' : 's'}`;
    const mark = m.reached ? chalk.green('✓') : chalk.yellow(`below ${context.policy.minParticipants}`);
    out.push(`  ${m.date}  ${m.title}  ${chalk.dim('·')} ${attendance} ${mark}`);
  }

  out.push('', ...budget(cop, context, chalk));
  out.push('', ...health(cop, context, chalk, level));
  if (cop.activation) {
    out.push('', chalk.bold('Activation'));
    out.push(cop.activation.ready ? `  ready: \`cop activate ${cop.id}\` makes it active` : `  not ready:`, ...cop.activation.problems.map((p) => `    ${chalk.yellow('!')} ${p}`));
  }
  return `${out.join('\n')}\n`;
}

/** Words joined into lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
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

function person(p: PersonRef): string {
  return p.name === p.id ? p.id : `${p.name} (${p.id})`;
}

function coordinator(cop: CopView, chalk: ChalkInstance): string {
  const c = cop.coordinator;
  const parts = [c.now ? `${person(c.now)} since ${c.since}` : chalk.yellow('nobody now')];
  if (c.nextHandover) {
    const to = c.nextHandover.to ? ` to ${c.nextHandover.to.name}` : '';
    const text = `next handover ${c.nextHandover.date}${to}`;
    parts.push(c.nextHandover.overdue ? chalk.yellow(`${text} (overdue)`) : text);
  } else if (c.now) {
    parts.push('fixed leader');
  }
  if (c.rotationMonths !== null) parts.push(`rotates every ${c.rotationMonths} months`);
  if (c.deputy) parts.push(`deputy ${c.deputy.name}`);
  return parts.join('; ');
}

function budget(cop: CopView, context: ShowContext, chalk: ChalkInstance): string[] {
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
      ['Preparation', paint(b.thisMonth.preparation, hoursAgainst(b.thisMonth.preparation)), paint(ytd.preparation, against(ytd.preparation, hoursText))],
      ['  a month', '', `${hoursText(ytd.preparationAverage.actual)} on average`],
      ['Attendance', hoursText(b.thisMonth.attendanceHours), `${hoursText(ytd.attendanceHours)} (work hours only; charged to each person's own budget)`],
      ['Money', money(b.thisMonth.money.total), paint(ytd.moneyAgainstAllowance, `${against(ytd.moneyAgainstAllowance, money)} allowed`)],
    ],
  );
  const lines = [
    chalk.bold(`Budget: ${hoursText(b.hoursPerMonth)} preparation a month, refreshments up to ${money(b.refreshmentsPerHead)} per head`),
    ...table.trimEnd().split('\n').map((line) => `  ${line}`),
  ];
  for (const line of ytd.costs.filter((c) => c.over)) {
    lines.push(`  ${chalk.red('!')} ${line.category}: ${money(line.spent)} spent, ${line.allowance === null ? 'not allowed by the charter' : `${money(line.allowance)} allowed`}`);
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
