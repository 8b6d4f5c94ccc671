import { ruleDocsUrl } from './docs.js';
import { goalIds, unknownGoals } from './goal-ids.js';
import type { Rule } from './rule.js';

export const outputGoals: Rule = {
  meta: {
    id: 'output-goals',
    description: "An output's `goals` name goals of its CoP's charter by their `id`.",
    defaultSeverity: 'error',
    docs: ruleDocsUrl('output-goals'),
  },
  *checkCop({ id: copId, charterFile, charter, outputs }) {
    if (charter) yield* unknownGoals(copId, charterFile, goalIds(charter), outputs);
  },
};
