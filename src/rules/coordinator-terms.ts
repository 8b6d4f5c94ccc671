import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const coordinatorTerms: Rule = {
  meta: {
    id: 'coordinator-terms',
    description: 'Coordinator terms run oldest first, each ends after it starts, and no two overlap.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('coordinator-terms'),
  },
  *checkCop({ charterFile: file, charter }) {
    if (!charter) return;
    const terms = charter.coordinator.terms;
    for (const [i, term] of terms.entries()) {
      if (term.until !== undefined && term.until < term.from) {
        yield { file, path: ['coordinator', 'terms', i, 'until'], message: `This term ends (${term.until}) before it starts (${term.from}).` };
      }
      const previous = terms[i - 1];
      if (!previous) continue;
      if (previous.until === undefined) {
        yield { file, path: ['coordinator', 'terms', i - 1], message: `Only the last coordinator term may be open-ended: give \`${previous.person}\`'s term an \`until\` date before ${term.from}.` };
      } else if (term.from <= previous.until) {
        yield { file, path: ['coordinator', 'terms', i, 'from'], message: `This term starts ${term.from}, on or before the previous term ends (${previous.until}): terms must not overlap.` };
      }
    }
  },
};
