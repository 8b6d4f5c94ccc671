import { isLive } from '../model/charter.js';
import { charters } from '../workspace/workspace.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const goalReviewDue: Rule = {
  meta: {
    id: 'goal-review-due',
    description: "A proposed or active CoP's goal has not passed its `review_by` date.",
    defaultSeverity: 'warn',
    docs: ruleDocsUrl('goal-review-due'),
  },
  *check({ ws, asOf }) {
    for (const { charterFile: file, charter } of charters(ws)) {
      if (!isLive(charter)) continue;
      for (const [i, goal] of (charter.goals ?? []).entries()) {
        if (goal.review_by < asOf) {
          yield { file, path: ['goals', i, 'review_by'], message: `This goal was due for review on ${goal.review_by}: review it with the sponsor and set the next date.` };
        }
      }
    }
  },
};
