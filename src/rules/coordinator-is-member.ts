import { currentTerm, isLive } from '../model/charter.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const coordinatorIsMember: Rule = {
  meta: {
    id: 'coordinator-is-member',
    description: 'The current coordinator, the deputy and the core group of a proposed or active CoP are among its members.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('coordinator-is-member'),
  },
  *checkCop({ charterFile: file, charter }, { asOf }) {
    if (!charter || !isLive(charter)) return;
    const members = new Set(charter.members);
    const terms = charter.coordinator.terms;
    const term = currentTerm(charter, asOf);
    if (term && !members.has(term.person)) {
      yield { file, path: ['coordinator', 'terms', terms.indexOf(term), 'person'], message: `The current coordinator \`${term.person}\` is not a member: add them to \`members\`.` };
    }
    const deputy = charter.coordinator.deputy;
    if (deputy && !members.has(deputy)) {
      yield { file, path: ['coordinator', 'deputy'], message: `The deputy coordinator \`${deputy}\` is not a member: add them to \`members\`.` };
    }
    for (const [i, id] of (charter.core_group ?? []).entries()) {
      if (!members.has(id)) yield { file, path: ['core_group', i], message: `Core group member \`${id}\` is not a member: add them to \`members\`.` };
    }
  },
};
