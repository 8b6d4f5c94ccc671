import { addMonthsIso } from '../core/dates.js';
import { currentTerm } from '../model/charter.js';
import { charters } from '../workspace/workspace.js';
import type { Rule } from './rule.js';

export const coordinatorRotation: Rule = {
  meta: {
    id: 'coordinator-rotation',
    description: 'An active CoP has a current coordinator and, where the post rotates, the term is not older than the rotation period.',
    defaultSeverity: 'warn',
  },
  *check({ ws, asOf }) {
    for (const { charterFile: file, charter } of charters(ws)) {
      if (charter.status !== 'active') continue;
      const term = currentTerm(charter, asOf);
      if (!term) {
        yield { file, path: ['coordinator', 'terms'], message: `No coordinator term covers ${asOf}: add the current coordinator's term.` };
        continue;
      }
      // null means a fixed leader (appointed by the CTO); absent means the policy decides.
      const declared = charter.coordinator.rotation_months;
      const rotation = declared === undefined ? (ws.policy.leader === 'rotating' ? ws.policy.rotation_months : null) : declared;
      if (rotation === null) continue;
      const due = addMonthsIso(term.from, rotation);
      if (asOf > due) {
        const index = charter.coordinator.terms.indexOf(term);
        yield { file, path: ['coordinator', 'terms', index, 'from'], message: `\`${term.person}\` has coordinated since ${term.from}; the post rotates every ${rotation} months, so a new term was due on ${due}.` };
      }
    }
  },
};
