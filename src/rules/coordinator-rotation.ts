import { currentTerm, overdueRotation } from '../model/charter.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const coordinatorRotation: Rule = {
  meta: {
    id: 'coordinator-rotation',
    description: 'An active CoP has a current coordinator and, where the post rotates, the term is not older than the rotation period.',
    defaultSeverity: 'warn',
    docs: ruleDocsUrl('coordinator-rotation'),
  },
  *checkCop({ charterFile: file, charter }, { asOf, policy }) {
    if (charter?.status !== 'active') return;
    const term = currentTerm(charter, asOf);
    if (!term) {
      yield { file, path: ['coordinator', 'terms'], message: `No coordinator term covers ${asOf}: add the current coordinator's term.` };
      return;
    }
    const overdue = overdueRotation(charter, policy, asOf);
    if (overdue) {
      const { rotation, due } = overdue;
      const index = charter.coordinator.terms.indexOf(term);
      yield { file, path: ['coordinator', 'terms', index, 'from'], message: `\`${term.person}\` has coordinated since ${term.from}; the post rotates every ${rotation} months, so a new term was due on ${due}.` };
    }
  },
};
