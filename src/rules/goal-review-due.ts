import { isLive } from '../model/charter.js';
import { latestDecision } from '../model/review.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const goalReviewDue: Rule = {
  meta: {
    id: 'goal-review-due',
    description: "A proposed or active CoP's goal has not passed its `review_by` date, unless a recorded review decided it since (then its `next_review`, for a kept or revised goal).",
    defaultSeverity: 'warn',
    docs: ruleDocsUrl('goal-review-due'),
  },
  *checkCop({ charterFile: file, charter, reviews }, { asOf }) {
    if (!charter || !isLive(charter)) return;
    for (const [i, goal] of (charter.goals ?? []).entries()) {
      if (goal.review_by >= asOf) continue;
      const path = ['goals', i, 'review_by'];
      const decision = latestDecision(reviews, charter, i, goal.review_by);
      if (!decision) {
        yield { file, path, message: `This goal was due for review on ${goal.review_by}: review it with the sponsor and record it (\`cop review ${charter.id} --record\`).` };
      } else if (decision.next_review !== undefined && decision.next_review < asOf && (decision.outcome === 'keep' || decision.outcome === 'revise')) {
        yield { file, path, message: `This goal was reviewed on ${decision.date} (${decision.file}: ${decision.outcome}), and due for review again on ${decision.next_review}: review it with the sponsor and record it.` };
      }
    }
  },
};
