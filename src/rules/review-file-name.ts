import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const reviewFileName: Rule = {
  meta: {
    id: 'review-file-name',
    description: 'A recorded goal review is named after its date: reviews/YYYY-MM-DD.yaml.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('review-file-name'),
  },
  *checkCop({ reviews }) {
    for (const { file, data } of reviews) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      if (name !== `${data.date}.yaml`) yield { file, path: ['date'], message: `The review's date ${data.date} differs from its file name \`${name}\`: name it \`${data.date}.yaml\`, or fix the date.` };
    }
  },
};
