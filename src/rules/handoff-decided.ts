import { isDecided } from '../model/output.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const handoffDecided: Rule = {
  meta: {
    id: 'handoff-decided',
    description: 'A hand-off the circle has answered (`accepted`, `declined`, `done`) has a `decided` date, not before the output; a `proposed` one has none yet.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('handoff-decided'),
  },
  *checkCop({ outputs }) {
    for (const { file, data } of outputs) {
      const { handoff } = data;
      if (!handoff) continue;
      if (isDecided(handoff) && handoff.decided === undefined) {
        yield { file, path: ['handoff', 'status'], message: `The hand-off is \`${handoff.status}\` but has no \`decided\` date: add the day the circle answered.` };
      } else if (!isDecided(handoff) && handoff.decided !== undefined) {
        yield { file, path: ['handoff', 'decided'], message: 'The hand-off is still `proposed` but has a `decided` date: set its `status` to what the circle decided, or remove the date.' };
      } else if (handoff.decided !== undefined && handoff.decided < data.date) {
        yield { file, path: ['handoff', 'decided'], message: `The hand-off was decided on ${handoff.decided}, before the output's date ${data.date}: fix one of the dates.` };
      }
    }
  },
};
