import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const charterExists: Rule = {
  meta: {
    id: 'charter-exists',
    description: 'Every folder under cops/ has a charter.yaml.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('charter-exists'),
  },
  *checkCop(cop) {
    if (cop.hasCharterFile) return;
    const logs = cop.meetings.length ? ' but holds meeting logs' : '';
    yield {
      file: cop.charterFile,
      path: [],
      message: `cops/${cop.id}/ has no charter.yaml${logs}: add one with \`cop new ${cop.id}\`, or remove the folder.`,
    };
  },
};
