/** `cop due` for a terminal: one row per item, soonest first; "overdue" is a word, not only a colour. */
import { Chalk } from 'chalk';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { toDate } from '../../core/dates.js';
import type { DueItem, DueReport } from '../../due/types.js';
import { escapeTerminal, painted } from '../../output/terminal.js';
import { textTable, wrapLines } from '../table.js';

/** `width`: the columns the table may fill (src/core/terminal.ts outputWidth); unlimited by default. */
export function dueTable(report: DueReport, color: boolean, width = Infinity): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const whose = report.person ? ` for ${escapeTerminal(report.person)}` : '';
  const headline = `Due as of ${report.asOf}, up to ${report.until}${whose}: ${report.items.length} item${report.items.length === 1 ? '' : 's'}.`;
  if (report.items.length === 0) return wrapLines(`${headline}\n`, width);
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
    report.items.map((item) => [item.date, painted(when(item)), item.cop ?? 'organisation', item.kind, item.message, who(item)]),
    width,
  );
  return `${wrapLines(headline, width)}\n\n${table}`;
}
