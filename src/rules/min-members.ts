import { isLive, tooFewMembers } from '../model/charter.js';
import { charters } from '../workspace/workspace.js';
import type { Rule } from './rule.js';

export const minMembers: Rule = {
  meta: {
    id: 'min-members',
    description: "A proposed or active CoP has at least the policy's minimum number of members (5).",
    defaultSeverity: 'error',
  },
  *check({ ws }) {
    for (const { charterFile, charter } of charters(ws)) {
      if (!isLive(charter)) continue;
      const problem = tooFewMembers(charter, ws.policy);
      if (problem) yield { file: charterFile, path: ['members'], message: problem };
    }
  },
};
