import { RESERVED_COP_ID, RESERVED_COP_IDS } from '../calendar/reserved.js';
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
      // The folder cannot be the truth when its name is reserved: the id must not follow it.
      if (RESERVED_COP_IDS.includes(id)) {
        yield { file: charterFile, path: ['id'], message: `The charter's id \`${charter.id}\` differs from its folder \`cops/${id}/\`, whose name ${RESERVED_COP_ID}: rename the folder to \`cops/${charter.id}/\`.` };
        return;
      }
      yield { file: charterFile, path: ['id'], message: `The charter's id \`${charter.id}\` differs from its folder \`cops/${id}/\`: rename one to match the other.` };
    }
  },
};
