import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const dissolutionRecorded: Rule = {
  meta: {
    id: 'dissolution-recorded',
    description: 'A dissolved CoP records the date, one of the policy\'s reasons and who decided; a live one records none.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('dissolution-recorded'),
  },
  *checkCop({ charterFile: file, charter }) {
    if (!charter) return;
    const dissolved = charter.dissolved;
    if (charter.status !== 'dissolved') {
      if (dissolved) yield { file, path: ['dissolved'], atKey: true, message: `A ${charter.status} CoP has a \`dissolved\` record: set \`status: dissolved\` or remove it.` };
      return;
    }
    if (!dissolved) {
      yield { file, path: ['status'], message: 'A dissolved CoP needs a `dissolved` record: date, reason (low-participation, topics-finished, not-strategic) and decided_by.' };
      return;
    }
    for (const field of ['date', 'reason', 'decided_by'] as const) {
      if (!dissolved[field]) yield { file, path: ['dissolved'], message: `The \`dissolved\` record has no \`${field}\`.` };
    }
  },
};
