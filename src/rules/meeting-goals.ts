import { suggest } from '../core/suggest.js';
import { ruleDocsUrl } from './docs.js';
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
    for (const { file, data } of meetings) {
      for (const [i, goal] of (data.goals ?? []).entries()) {
        if (!ids.has(goal)) yield { file, path: ['goals', i], message: noGoalMessage(goal, copId, charterFile, [...ids.keys()]) };
      }
    }
  },
};

/** Why `goal` names no goal of the charter: the ids it has, and the nearest (meeting logs and recorded reviews name goals alike). */
export function noGoalMessage(goal: string, copId: string, charterFile: string, ids: readonly string[]): string {
  const near = suggest(goal, ids);
  const known = ids.length === 0 ? `the charter of \`${copId}\` gives none of its goals an \`id\`` : `the goals of \`${copId}\` are ${ids.map((g) => `\`${g}\``).join(', ')}`;
  return `No goal \`${goal}\` in ${charterFile}: ${known}.${near.length > 0 ? ` Did you mean \`${near[0]}\`?` : ''}`;
}
