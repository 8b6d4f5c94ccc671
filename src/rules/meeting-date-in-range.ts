import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const meetingDateInRange: Rule = {
  meta: {
    id: 'meeting-date-in-range',
    description: 'A meeting is not before its CoP was created, not after it was dissolved, and not in the future.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('meeting-date-in-range'),
  },
  *checkCop({ charter, meetings }, { asOf }) {
    for (const { file, data } of meetings) {
      const at = { file, path: ['date'] };
      if (data.date > asOf) yield { ...at, message: `The meeting is dated ${data.date}, after today (${asOf}): record meetings once they have happened.` };
      if (!charter) continue;
      if (data.date < charter.created) yield { ...at, message: `The meeting is dated ${data.date}, before the CoP was created (${charter.created}).` };
      const dissolved = charter.dissolved?.date;
      if (dissolved && data.date > dissolved) yield { ...at, message: `The meeting is dated ${data.date}, after the CoP was dissolved (${dissolved}).` };
    }
  },
};
