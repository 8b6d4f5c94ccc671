/** The goal ids a record (a meeting log, an output, a recorded review) names that its CoP's charter does not have: shared by `meeting-goals`, `output-goals` and `review-goals`. */
import { suggest } from '../core/suggest.js';
import type { Charter } from '../model/schema-types.js';
import type { Finding } from './rule.js';

/** The charter's goal ids, in its order. */
export function goalIds(charter: Charter): Set<string> {
  return new Set((charter.goals ?? []).flatMap((goal) => (goal.id === undefined ? [] : [goal.id])));
}

/** One finding per goal id in `records` that is not in `ids`, with the nearest as a hint. */
export function* unknownGoals(copId: string, charterFile: string, ids: ReadonlySet<string>, records: readonly { file: string; data: { goals?: string[] } }[]): Generator<Finding> {
  for (const { file, data } of records) {
    for (const [i, goal] of (data.goals ?? []).entries()) {
      if (!ids.has(goal)) yield { file, path: ['goals', i], message: noGoalMessage(goal, copId, charterFile, [...ids]) };
    }
  }
}

/** Why `goal` names no goal of the charter: the ids it has, and the nearest. */
export function noGoalMessage(goal: string, copId: string, charterFile: string, ids: readonly string[]): string {
  const near = suggest(goal, ids);
  const known = ids.length === 0 ? `the charter of \`${copId}\` gives none of its goals an \`id\`` : `the goals of \`${copId}\` are ${ids.map((g) => `\`${g}\``).join(', ')}`;
  return `No goal \`${goal}\` in ${charterFile}: ${known}.${near.length > 0 ? ` Did you mean \`${near[0]}\`?` : ''}`;
}
