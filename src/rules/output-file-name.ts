import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

/** YYYY-MM-DD-<slug>.yaml: the date, then a few lowercase words joined by single hyphens. */
const NAME = /^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$/;

export const outputFileName: Rule = {
  meta: {
    id: 'output-file-name',
    description: 'An output file is named after its date and a short slug: YYYY-MM-DD-<slug>.yaml.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('output-file-name'),
  },
  *checkCop({ outputs }) {
    for (const { file, data } of outputs) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      const match = NAME.exec(name);
      if (!match) {
        yield { file, path: ['date'], message: `The file name \`${name}\` is not \`${data.date}-<slug>.yaml\` (a few lowercase words joined by hyphens, e.g. \`${data.date}-terraform-conventions.yaml\`).` };
      } else if (match[1] !== data.date) {
        yield { file, path: ['date'], message: `The output's date ${data.date} differs from its file name \`${name}\`: rename the file or fix the date.` };
      }
    }
  },
};
