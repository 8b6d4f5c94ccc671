import { isLive } from '../model/charter.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const goalReviewDue: Rule = {
  meta: {
    id: 'goal-review-due',
    description: "A proposed or active CoP's goal has not passed its `review_by` date.",
    defaultSeverity: 'warn',
    docs: ruleDocsUrl('goal-review-due'),
  },
  *checkCop({ charterFile: file, charter }, { asOf }) {
    if (!charter || !isLive(charter)) return;
    for (const [i, goal] of (charter.goals ?? []).entries()) {
      if (goal.review_by < asOf) {
        yield { file, path: ['goals', i, 'review_by'], message: `This goal was due for review on ${goal.review_by}: review it with the sponsor and set the next date.` };
      }
    }
  },
};
