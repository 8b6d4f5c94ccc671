import { refreshmentsCap } from '../model/charter.js';
import { refreshmentsProblem } from '../model/meeting.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const refreshmentsPerHead: Rule = {
  meta: {
    id: 'refreshments-per-head',
    description: "A meeting's refreshments cost per participant is within the cap (the charter's, else the policy's).",
    defaultSeverity: 'warn',
    docs: ruleDocsUrl('refreshments-per-head'),
  },
  *checkCop({ charter, meetings }, { policy }) {
    const cap = refreshmentsCap(charter, policy.refreshments_per_head);
    for (const { file, data } of meetings) {
      const problem = refreshmentsProblem(data, cap);
      if (!problem) continue;
      const index = (data.costs ?? []).findIndex((c) => c.category === 'refreshments');
      yield { file, path: ['costs', index, 'amount'], message: problem };
    }
  },
};
