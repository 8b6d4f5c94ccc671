import { isLive } from '../model/charter.js';
import { charters } from '../workspace/workspace.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const charterComplete: Rule = {
  meta: {
    id: 'charter-complete',
    description: 'A proposed or active CoP has a sponsor, a rationale and at least one goal.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('charter-complete'),
  },
  *check({ ws }) {
    for (const { charterFile: file, charter } of charters(ws)) {
      if (!isLive(charter)) continue;
      if (!charter.sponsor) yield { file, path: [], message: 'No `sponsor`: name the person who approves the CoP\'s time and money.' };
      if (!charter.rationale?.trim()) yield { file, path: [], message: 'No `rationale`: say why the organisation should invest in this CoP.' };
      if (!charter.goals?.length) yield { file, path: charter.goals ? ['goals'] : [], message: 'No `goals`: start with one or two (support, educate, evaluate, evangelise).' };
    }
  },
};
