/**
 * `cop review --org --year`'s draft for the CTO: the year's lifecycle, totals against the yearly
 * budget, the flags and their decisions, one short section per CoP, and blanks for the judgements,
 * built by the Markdown layer. Every figure comes from the `OrgReview` data, which `--format json` prints.
 */
import type { Measure } from '../../budget/types.js';
import { hoursText, moneyText, percentText } from '../../core/numbers.js';
import { code, emphasis, heading, list, markdown, paragraph, table } from '../../output/markdown.js';
import { BANDS, type OrgReview } from '../../review/types.js';
import { levelLabel } from '../health/shared.js';
import { valueMatrixTable } from './value.js';

const toWrite = () => paragraph(emphasis('To be written by the CTO.'));

export function orgReviewMarkdown(review: OrgReview): string {
  const { budget: org, lifecycle, period } = review;
  const money = (amount: number) => moneyText(amount, org.currency);
  const measure = (m: Measure, text: (n: number) => string) => `${text(m.actual)}${m.budget === null ? '' : ` of ${text(m.budget)}${m.percent === null ? '' : ` (${percentText(m.percent)})`}`}`;
  const events = [
    ...lifecycle.created.map((c) => [c.date, 'created', `${c.name} (${c.id})`, `now ${c.status}`]),
    ...lifecycle.activated.map((c) => [c.date, 'activated', `${c.name} (${c.id})`, '']),
    ...lifecycle.dissolved.map((c) => [
      c.date,
      'dissolved',
      `${c.name} (${c.id})`,
      [`reason: ${c.reason ?? 'not recorded'}`, c.decidedBy ? `decided by ${c.decidedBy}` : '', c.triggersMet ? `triggers met: ${c.triggersMet.join(', ') || 'none'}` : '', c.note ?? ''].filter(Boolean).join('; '),
    ]),
  ].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));

  return markdown([
    heading(1, `${review.organisation ?? 'The organisation'}: communities of practice in ${review.year}`),
    paragraph(
      'Draft made by ',
      code('cop review --org'),
      ` as of ${review.asOf}, covering ${period.from} to ${period.to}. Figures are `,
      code(`cop report --year ${review.year}`),
      "'s and ",
      code('cop health'),
      `'s for the same day.${review.anonymised ? ' People are left out (anonymised).' : ''}`,
    ),
    heading(2, 'CoPs created, activated and dissolved'),
    events.length ? table([{ header: 'Date' }, { header: 'Event' }, { header: 'CoP' }, { header: 'Details' }], events) : paragraph(`No CoP was created, activated or dissolved in ${review.year}.`),
    heading(2, 'Time and money against the yearly budget'),
    org.budget === null
      ? paragraph(`No budget for ${review.year} in cop.config.yaml. Year to date: ${hoursText(org.yearToDate.hours.actual)} and ${money(org.yearToDate.money.actual)}.`)
      : table(
          [{ header: '' }, { header: 'Hours', align: 'right' }, { header: 'Money', align: 'right' }],
          [
            [`Budget for ${review.year}`, hoursText(org.budget.hours), money(org.budget.money)],
            [`Year to date (${org.monthsElapsed} months)`, hoursText(org.yearToDate.hours.actual), money(org.yearToDate.money.actual)],
            ['Pro-rata budget', hoursText(org.proRata.hours.budget ?? 0), money(org.proRata.money.budget ?? 0)],
            ['Year-end forecast', hoursText(org.forecast.hours.actual), money(org.forecast.money.actual)],
            ['Remaining', hoursText(org.remaining?.hours ?? 0), money(org.remaining?.money ?? 0)],
            ['Runs out', org.runsOut?.hours ?? 'lasts the year', org.runsOut?.money ?? 'lasts the year'],
          ],
        ),
    heading(2, 'Flags raised and what was decided'),
    review.flags.length
      ? table(
          [{ header: 'CoP' }, { header: 'Trigger' }, { header: 'Raised by' }, { header: 'Decision' }],
          review.flags.map((f) => [
            f.cop,
            `${f.trigger} (${f.level})`,
            f.source === 'health' ? `cop health as of ${review.asOf}` : f.source === 'declared' ? `declared on ${f.date}` : `met at dissolution on ${f.date}`,
            f.decision ? `dissolved on ${f.decision.dissolved}${f.decision.reason ? ` (${f.decision.reason})` : ''}${f.decision.decidedBy ? ` by ${f.decision.decidedBy}` : ''}` : 'none recorded',
          ]),
        )
      : paragraph(`No dissolution trigger was raised in ${review.year}.`),
    heading(2, 'The CoPs'),
    ...review.cops.flatMap((cop) => {
      const prep = cop.budget.period.preparation;
      return [
        heading(3, `${cop.name} (${cop.id}), ${cop.status}`),
        list([
          [`${cop.members} members; ${cop.meetings.held} meetings held${cop.meetings.cancelled ? `, ${cop.meetings.cancelled} cancelled` : ''}; participation ${BANDS.map((b) => `${cop.bands[b]} ${b}`).join(', ')}.`],
          [`Preparation ${measure(prep, hoursText)}; attendance in work hours ${hoursText(cop.budget.period.attendanceHours)}; money ${money(cop.budget.period.money.total)}.`],
          [`${cop.goals.total} goal${cop.goals.total === 1 ? '' : 's'}${cop.goals.reviewDue ? `, ${cop.goals.reviewDue} due for review` : ''}; ${cop.handovers} coordinator handover${cop.handovers === 1 ? '' : 's'}.`],
          [`Health as of ${review.asOf}: ${levelLabel(cop.health.level)}${cop.health.triggers.length ? ` (${cop.health.triggers.map((t) => `${t.id}, ${t.level}`).join('; ')})` : ''}.`],
        ]),
        paragraph(`Value created in ${review.year}:`),
        valueMatrixTable(cop.value),
      ];
    }),
    heading(2, 'What the year showed'),
    toWrite(),
    heading(2, `Priorities for ${review.year + 1}`),
    toWrite(),
  ]);
}
