import { isLive } from '../model/charter.js';
import { charters } from '../workspace/workspace.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const minMembers: Rule = {
  meta: {
    id: 'min-members',
    description: "A proposed or active CoP has at least the policy's minimum number of members (5).",
    defaultSeverity: 'error',
    docs: ruleDocsUrl('min-members'),
  },
  *check({ ws }) {
    const min = ws.policy.min_members;
    for (const { charterFile, charter } of charters(ws)) {
      if (!isLive(charter)) continue;
      const count = new Set(charter.members).size;
      if (count < min) {
        yield { file: charterFile, path: ['members'], message: `A ${charter.status} CoP needs at least ${min} members; ${count} listed.` };
      }
    }
  },
};
