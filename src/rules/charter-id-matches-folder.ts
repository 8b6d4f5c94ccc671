import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const charterIdMatchesFolder: Rule = {
  meta: {
    id: 'charter-id-matches-folder',
    description: "A charter's `id` equals the name of its folder under cops/.",
    defaultSeverity: 'error',
    docs: ruleDocsUrl('charter-id-matches-folder'),
  },
  *checkCop({ id, charterFile, charter }) {
    if (charter && charter.id !== id) {
      yield { file: charterFile, path: ['id'], message: `The charter's id \`${charter.id}\` differs from its folder \`cops/${id}/\`: rename one to match the other.` };
    }
  },
};
