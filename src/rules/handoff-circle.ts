import { didYouMean } from '../core/suggest.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const handoffCircle: Rule = {
  meta: {
    id: 'handoff-circle',
    description: "A hand-off names a circle from cop.config.yaml's `circles:` (by default consulting-thought-leadership, innovation, training).",
    defaultSeverity: 'error',
    docs: ruleDocsUrl('handoff-circle'),
  },
  *checkCop({ outputs }, { circles }) {
    const ids = circles.map((circle) => circle.id);
    for (const { file, data } of outputs) {
      const to = data.handoff?.to;
      if (to === undefined || ids.includes(to)) continue;
      yield { file, path: ['handoff', 'to'], message: `No circle \`${to}\`: the circles are ${ids.map((id) => `\`${id}\``).join(', ')} (\`circles:\` in cop.config.yaml).${didYouMean(to, ids)}` };
    }
  },
};
