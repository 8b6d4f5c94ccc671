import { isLive, missingParts } from '../model/charter.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const charterComplete: Rule = {
  meta: {
    id: 'charter-complete',
    description: 'A proposed or active CoP has a sponsor, a rationale and at least one goal.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('charter-complete'),
  },
  *checkCop({ charterFile: file, charter }) {
    if (!charter || !isLive(charter)) return;
    for (const part of missingParts(charter)) yield { file, path: part.present ? [part.field] : [], message: part.message };
  },
};
