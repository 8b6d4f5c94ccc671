import { isLive, tooFewMembers } from '../model/charter.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const minMembers: Rule = {
  meta: {
    id: 'min-members',
    description: "A proposed or active CoP has at least the policy's minimum number of members (5).",
    defaultSeverity: 'error',
    docs: ruleDocsUrl('min-members'),
  },
  *checkCop({ charterFile, charter }, { policy }) {
    if (!charter || !isLive(charter)) return;
    const problem = tooFewMembers(charter, policy);
    if (problem) yield { file: charterFile, path: ['members'], message: problem };
  },
};
