/** `cop due` for a terminal: one row per item, soonest first; "overdue" is a word, not only a colour. */
import { Chalk } from 'chalk';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { toDate } from '../../core/dates.js';
import type { DueItem, DueReport } from '../../due/types.js';
import { textTable } from '../table.js';

export function dueTable(report: DueReport, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const whose = report.person ? ` for ${report.person}` : '';
  const headline = `Due as of ${report.asOf}, up to ${report.until}${whose}: ${report.items.length} item${report.items.length === 1 ? '' : 's'}.`;
  if (report.items.length === 0) return `${headline}\n`;
  const when = (item: DueItem) => {
    const days = differenceInCalendarDays(toDate(item.date), toDate(report.asOf));
    if (days < 0) return chalk.red(`overdue ${-days}d`);
    return days === 0 ? chalk.yellow('today') : `in ${days}d`;
  };
  const who = (item: DueItem) =>
    report.person
      ? item.people.filter((p) => p.id === report.person).map((p) => `as ${p.role}`).join(', ')
      : item.people.filter((p) => p.role !== 'member').map((p) => p.id).join(', ');
  const table = textTable(
    [{ header: 'Date' }, { header: 'When' }, { header: 'CoP' }, { header: 'What' }, { header: 'To do' }, { header: report.person ? 'Role' : 'Who' }],
    report.items.map((item) => [item.date, when(item), item.cop ?? 'organisation', item.kind, item.message, who(item)]),
  );
  return `${headline}\n\n${table}`;
}
