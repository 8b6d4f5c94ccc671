import { isLive, missingParts } from '../model/charter.js';
import { charters } from '../workspace/workspace.js';
import type { Rule } from './rule.js';

export const charterComplete: Rule = {
  meta: {
    id: 'charter-complete',
    description: 'A proposed or active CoP has a sponsor, a rationale and at least one goal.',
    defaultSeverity: 'error',
  },
  *check({ ws }) {
    for (const { charterFile: file, charter } of charters(ws)) {
      if (!isLive(charter)) continue;
      for (const part of missingParts(charter)) yield { file, path: part.present ? [part.field] : [], message: part.message };
    }
  },
};
