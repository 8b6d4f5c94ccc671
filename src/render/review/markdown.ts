/**
 * `cop review`'s draft: the facts as GitHub-flavoured Markdown, built by the Markdown layer, with
 * headed blanks where the CoP writes its judgement. Every figure comes from the `CopReview` data,
 * which `--format json` prints.
 */
import { hoursText, moneyText } from '../../core/numbers.js';
import { code, emphasis, heading, joined, lines, list, markdown, paragraph, table, urlOrText } from '../../output/markdown.js';
import { isLowParticipation, levelLabel, triggerSentence } from '../health/shared.js';
import { BANDS, type CopReview } from '../../review/types.js';
import { valueMatrixTable } from './value.js';

const toWrite = () => paragraph(emphasis('To be written by the CoP.'));

export function reviewMarkdown(review: CopReview, currency: string | null, minParticipants: number): string {
  const { period, budget, participation } = review;
  const money = (amount: number) => moneyText(amount, currency);
  const prep = budget.period.preparation;
  const { coordinator } = review;
  return markdown([
    heading(1, `Review of ${review.name} (${review.id}): ${period.from} to ${period.to}`),
    paragraph(
      'Draft made by ',
      code('cop review'),
      ` as of ${review.asOf}. The facts below come from the charter and the meeting logs; write the judgements under the headings that ask for them.${review.anonymised ? ' People are left out (anonymised).' : ''}`,
    ),
    heading(2, 'Goals'),
    review.goals.length
      ? table(
          [{ header: 'Type' }, { header: 'Audiences' }, { header: 'Goal' }, { header: 'Review by' }, { header: 'Meetings that served it' }, { header: 'Last recorded outcome' }],
          review.goals.map((g) => [
            g.type,
            g.audiences.join(', '),
            g.description,
            `${g.review_by}${g.reviewDue ? ' (due)' : ''}`,
            g.id === undefined ? ['no goal ', code('id'), ' to name'] : g.servedBy.join(', ') || 'none',
            g.lastOutcome ? `${g.lastOutcome.outcome} (${g.lastOutcome.date})` : 'none recorded',
          ]),
        )
      : paragraph('The charter has no goals.'),
    heading(3, 'How far did the CoP get with each goal?'),
    toWrite(),
    heading(2, 'Meetings'),
    paragraph(`${review.meetings.held} held, ${review.meetings.cancelled} cancelled.`),
    review.meetings.list.length > 0 &&
      table(
        [{ header: 'Date' }, { header: 'Title' }, { header: 'Participants', align: 'right' }, { header: 'Recording' }],
        review.meetings.list.map((m) => [m.date, m.title, m.cancelled ? 'cancelled' : String(m.participants), m.recording ? urlOrText(m.recording) : m.cancelled ? '' : 'missing']),
      ),
    heading(2, 'Participation'),
    paragraph(
      `Bands over the meetings held: core attended at least two-thirds, active at least one-third, peripheral at least one, silent none. Compared with ${review.previous.from} to ${review.previous.to}.`,
    ),
    table(
      [{ header: 'Band' }, { header: 'Members', align: 'right' }, { header: 'Before', align: 'right' }, ...(review.anonymised ? [] : [{ header: 'Who' }])],
      BANDS.map((band) => [band, String(participation.bands[band]), String(participation.previousBands[band]), ...(review.anonymised ? [] : [participation.byBand[band].join(', ')])]),
    ),
    ...(participation.moves.length
      ? [
          paragraph(`${participation.moves.length} of ${participation.members} members changed band:`),
          list(participation.moves.map((m) => [`${m.person ? `${m.person}: ` : ''}${m.from} → ${m.to}`])),
        ]
      : []),
    heading(2, 'Topics, guests and preparation'),
    review.topics.length ? list(review.topics.map((t) => [t])) : paragraph('No topics logged.'),
    paragraph(`Guests: ${review.guestCount}${review.guests.length ? ` (${review.guests.join('; ')})` : ''}. Preparation: ${hoursText(review.preparationHours)}.`),
    review.recordingsMissing.length
      ? paragraph('Recordings missing: ', ...joined(review.recordingsMissing.map(code), ', '), '.')
      : paragraph('Every meeting held has a recording.'),
    heading(2, 'Time and money'),
    paragraph(
      `Preparation ${hoursText(prep.actual)}${prep.budget === null ? '' : ` of ${hoursText(prep.budget)} budgeted, ${hoursText(prep.budget - prep.actual)} remaining`}. Attendance in work hours: ${hoursText(budget.period.attendanceHours)}. Money spent: ${money(budget.period.money.total)}.`,
    ),
    paragraph(
      `Year to date (${budget.yearToDate.from} to ${budget.yearToDate.to}): preparation ${hoursText(budget.yearToDate.preparation.actual)}${budget.yearToDate.preparation.budget === null ? '' : ` of ${hoursText(budget.yearToDate.preparation.budget)}`}, money ${money(budget.yearToDate.money.total)}.`,
    ),
    heading(2, 'Coordinator'),
    lines(
      [coordinator.handovers.length ? `Handovers in the period: ${coordinator.handovers.map((h) => `${h.person ? `${h.person} ` : ''}from ${h.from}`).join('; ')}.` : 'No handover in the period.'],
      [coordinator.nextHandover ? `Next handover due ${coordinator.nextHandover}${coordinator.current ? ` (now ${coordinator.current})` : ''}.` : 'A fixed leader: no rotation.'],
    ),
    heading(2, 'Value created'),
    paragraph(
      'The value-creation framework (Wenger, Trayner and de Laat, 2011): what the data counts in each cycle of value, beside the stories recorded in goal reviews of the period (',
      code('cop review --record'),
      '). A gap is a cycle with neither.',
    ),
    valueMatrixTable(review.value),
    heading(2, 'Health'),
    paragraph(`Level as of ${review.asOf}: ${levelLabel(review.health.level)}.`),
    review.health.triggers.length > 0 &&
      list(review.health.triggers.map((t) => [`${t.id} (${t.level}): ${review.anonymised && !isLowParticipation(t) ? 'declared.' : triggerSentence(t, minParticipants)}`])),
    heading(2, 'What went well'),
    toWrite(),
    heading(2, 'What to change'),
    toWrite(),
    heading(2, 'Decisions'),
    toWrite(),
  ]);
}
