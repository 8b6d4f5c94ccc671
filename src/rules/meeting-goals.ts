import { ruleDocsUrl } from './docs.js';
import { goalIds, unknownGoals } from './goal-ids.js';
import type { Rule } from './rule.js';

export const meetingGoals: Rule = {
  meta: {
    id: 'meeting-goals',
    description: "A meeting's `goals` name goals of its CoP's charter by their `id`, and goal ids are unique in a charter.",
    defaultSeverity: 'error',
    docs: ruleDocsUrl('meeting-goals'),
  },
  *checkCop({ id: copId, charterFile, charter, meetings }) {
    if (!charter) return;
    const ids = new Map<string, number>();
    for (const [i, goal] of (charter.goals ?? []).entries()) {
      if (goal.id === undefined) continue;
      const first = ids.get(goal.id);
      if (first === undefined) ids.set(goal.id, i);
      else yield { file: charterFile, path: ['goals', i, 'id'], message: `The goal id \`${goal.id}\` is used twice (goals ${first + 1} and ${i + 1}): give each goal its own.` };
    }
    yield* unknownGoals(copId, charterFile, goalIds(charter), meetings);
  },
};
