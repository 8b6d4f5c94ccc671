/**
 * `cop review`'s draft: the facts as GitHub-flavoured Markdown, with headed blanks where the CoP
 * writes its judgement. Every figure comes from the `CopReview` data, which `--format json` prints.
 */
import { hoursText, moneyText } from '../../core/numbers.js';
import { isLowParticipation, levelLabel, triggerSentence } from '../health/shared.js';
import { BANDS, type CopReview } from '../../review/types.js';
import { markdownTable } from '../table.js';

const TO_WRITE = '_To be written by the CoP._';

export function reviewMarkdown(review: CopReview, currency: string | null, minParticipants: number): string {
  const { period, budget, participation } = review;
  const money = (amount: number) => moneyText(amount, currency);
  const prep = budget.period.preparation;
  const lines: string[] = [
    `# Review of ${review.name} (${review.id}): ${period.from} to ${period.to}`,
    '',
    `Draft made by \`cop review\` as of ${review.asOf}. The facts below come from the charter and the meeting logs; write the judgements under the headings that ask for them.${review.anonymised ? ' People are left out (anonymised).' : ''}`,
    '',
    '## Goals',
    '',
    review.goals.length
      ? markdownTable(
          [{ header: 'Type' }, { header: 'Audiences' }, { header: 'Goal' }, { header: 'Review by' }, { header: 'Meetings that served it' }],
          review.goals.map((g) => [
            g.type,
            g.audiences.join(', '),
            g.description,
            `${g.review_by}${g.reviewDue ? ' (due)' : ''}`,
            g.id === undefined ? 'no goal `id` to name' : g.servedBy.join(', ') || 'none',
          ]),
        )
      : 'The charter has no goals.\n',
    '### How far did the CoP get with each goal?',
    '',
    TO_WRITE,
    '',
    '## Meetings',
    '',
    `${review.meetings.held} held, ${review.meetings.cancelled} cancelled.`,
    '',
  ];
  if (review.meetings.list.length) {
    lines.push(
      markdownTable(
        [{ header: 'Date' }, { header: 'Title' }, { header: 'Participants', align: 'right' }, { header: 'Recording' }],
        review.meetings.list.map((m) => [m.date, m.title, m.cancelled ? 'cancelled' : String(m.participants), m.recording ?? (m.cancelled ? '' : 'missing')]),
      ),
    );
  }
  lines.push(
    '## Participation',
    '',
    `Bands over the meetings held: core attended at least two-thirds, active at least one-third, peripheral at least one, silent none. Compared with ${review.previous.from} to ${review.previous.to}.`,
    '',
    markdownTable(
      [{ header: 'Band' }, { header: 'Members', align: 'right' }, { header: 'Before', align: 'right' }, ...(review.anonymised ? [] : [{ header: 'Who' }])],
      BANDS.map((band) => [band, String(participation.bands[band]), String(participation.previousBands[band]), ...(review.anonymised ? [] : [participation.byBand[band].join(', ')])]),
    ),
  );
  if (participation.moves.length) {
    const moves = participation.moves.map((m) => `- ${m.person ? `${m.person}: ` : ''}${m.from} → ${m.to}`);
    lines.push(`${participation.moves.length} of ${participation.members} members changed band:`, '', ...moves, '');
  }
  lines.push(
    '## Topics, guests and preparation',
    '',
    review.topics.length ? review.topics.map((t) => `- ${t}`).join('\n') : 'No topics logged.',
    '',
    `Guests: ${review.guestCount}${review.guests.length ? ` (${review.guests.join('; ')})` : ''}. Preparation: ${hoursText(review.preparationHours)}.`,
    '',
    review.recordingsMissing.length ? `Recordings missing: ${review.recordingsMissing.map((f) => `\`${f}\``).join(', ')}.` : 'Every meeting held has a recording.',
    '',
    '## Time and money',
    '',
    `Preparation ${hoursText(prep.actual)}${prep.budget === null ? '' : ` of ${hoursText(prep.budget)} budgeted, ${hoursText(prep.budget - prep.actual)} remaining`}. Attendance in work hours: ${hoursText(budget.period.attendanceHours)}. Money spent: ${money(budget.period.money.total)}.`,
    '',
    `Year to date (${budget.yearToDate.from} to ${budget.yearToDate.to}): preparation ${hoursText(budget.yearToDate.preparation.actual)}${budget.yearToDate.preparation.budget === null ? '' : ` of ${hoursText(budget.yearToDate.preparation.budget)}`}, money ${money(budget.yearToDate.money.total)}.`,
    '',
    '## Coordinator',
    '',
    review.coordinator.handovers.length
      ? `Handovers in the period: ${review.coordinator.handovers.map((h) => `${h.person ? `${h.person} ` : ''}from ${h.from}`).join('; ')}.`
      : 'No handover in the period.',
    review.coordinator.nextHandover ? `Next handover due ${review.coordinator.nextHandover}${review.coordinator.current ? ` (now ${review.coordinator.current})` : ''}.` : 'A fixed leader: no rotation.',
    '',
    '## Health',
    '',
    `Level as of ${review.asOf}: ${levelLabel(review.health.level)}.`,
    ...review.health.triggers.map((t) => `- ${t.id} (${t.level}): ${review.anonymised && !isLowParticipation(t) ? 'declared.' : triggerSentence(t, minParticipants)}`),
    '',
    '## What went well',
    '',
    TO_WRITE,
    '',
    '## What to change',
    '',
    TO_WRITE,
    '',
    '## Decisions',
    '',
    TO_WRITE,
    '',
  );
  return lines.join('\n');
}
