import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

const NAME = /^(\d{4}-\d{2}-\d{2})(?:-([2-9]|[1-9]\d+))?\.yaml$/;

export const meetingFileName: Rule = {
  meta: {
    id: 'meeting-file-name',
    description: "A meeting file is named after its date: YYYY-MM-DD.yaml, or YYYY-MM-DD-2.yaml for the day's second meeting.",
    defaultSeverity: 'error',
    docs: ruleDocsUrl('meeting-file-name'),
  },
  *checkCop({ meetings }) {
    for (const { file, data } of meetings) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      const match = NAME.exec(name);
      if (!match) {
        yield { file, path: ['date'], message: `The file name \`${name}\` is not \`${data.date}.yaml\` (a second meeting that day is \`${data.date}-2.yaml\`).` };
      } else if (match[1] !== data.date) {
        yield { file, path: ['date'], message: `The meeting's date ${data.date} differs from its file name \`${name}\`: rename the file or fix the date.` };
      }
    }
  },
};
