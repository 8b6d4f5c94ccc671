import { goalIndex } from '../model/review.js';
import type { Charter, GoalRef } from '../model/schema-types.js';
import type { PathSegment } from '../schema/messages.js';
import { ruleDocsUrl } from './docs.js';
import { noGoalMessage } from './goal-ids.js';
import type { Finding, Rule } from './rule.js';

export const reviewGoals: Rule = {
  meta: {
    id: 'review-goals',
    description: "A recorded goal review names goals of its CoP's charter (by `id`, or by position for a goal without one), each once, and its period ends by its date.",
    defaultSeverity: 'error',
    docs: ruleDocsUrl('review-goals'),
  },
  *checkCop({ id: copId, charterFile, charter, reviews }) {
    if (!charter) return;
    for (const { file, data } of reviews) {
      const seen = new Map<number, number>();
      for (const [i, entry] of data.goals.entries()) {
        const path = ['goals', i, 'goal'];
        const index = goalIndex(charter, entry.goal);
        if (index === -1) {
          yield unknownGoal(entry.goal, { file, path, copId, charterFile, charter });
          continue;
        }
        const first = seen.get(index);
        if (first === undefined) seen.set(index, i);
        else yield { file, path, message: `The goal \`${entry.goal}\` is reviewed twice (entries ${first + 1} and ${i + 1}): give it one outcome.` };
      }
      for (const [i, story] of (data.stories ?? []).entries()) {
        if (story.goal !== undefined && goalIndex(charter, story.goal) === -1) yield unknownGoal(story.goal, { file, path: ['stories', i, 'goal'], copId, charterFile, charter });
      }
      const { from, to } = data.period;
      if (from > to) yield { file, path: ['period'], message: `The period runs backwards: from ${from} to ${to}.` };
      else if (to > data.date.slice(0, 7)) yield { file, path: ['period', 'to'], message: `The period ends in ${to}, after the review's month (${data.date.slice(0, 7)}): a review looks back.` };
    }
  },
};

function unknownGoal(ref: GoalRef, at: { file: string; path: PathSegment[]; copId: string; charterFile: string; charter: Charter }): Finding {
  const goals = at.charter.goals ?? [];
  const ids = goals.flatMap((goal) => (goal.id === undefined ? [] : [goal.id]));
  if (typeof ref === 'string') return { file: at.file, path: at.path, message: noGoalMessage(ref, at.copId, at.charterFile, ids) };
  const named = goals[ref - 1]?.id;
  const message = named
    ? `Goal ${ref} of ${at.charterFile} has the id \`${named}\`: name it by its id.`
    : `No goal ${ref} in ${at.charterFile}: it has ${goals.length} goal${goals.length === 1 ? '' : 's'}.`;
  return { file: at.file, path: at.path, message };
}
