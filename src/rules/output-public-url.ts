import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const outputPublicUrl: Rule = {
  meta: {
    id: 'output-public-url',
    description: 'A public output (`audience: public`) has a `url` where it can be read or watched.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('output-public-url'),
  },
  *checkCop({ outputs }) {
    for (const { file, data } of outputs) {
      if (data.audience === 'public' && data.url === undefined) {
        yield { file, path: ['audience'], message: 'A public output needs a `url`: add the link where it was published (the talk\'s video, the post).' };
      }
    }
  },
};
