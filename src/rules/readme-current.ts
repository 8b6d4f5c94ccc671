import { COPS_DIR } from '../workspace/root.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

const FIX = 'run `cop readme --write`';

export const readmeCurrent: Rule = {
  meta: {
    id: 'readme-current',
    description: 'Where generated READMEs exist under cops/, each one (the index and one per CoP) matches the data as of the date it records (`cop readme --write`).',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('readme-current'),
  },
  *checkOrganisation({ readmeStates = [] }) {
    for (const readme of readmeStates) {
      const { file } = readme;
      if (readme.state === 'missing') {
        // A missing CoP README is reported at its charter (a new CoP's pull request), the index at its own place.
        const at = readme.copId === undefined ? { file, path: [], line: 1 } : { file: `${COPS_DIR}/${readme.copId}/charter.yaml`, path: [] };
        yield { ...at, message: `${file} does not exist: ${FIX}.` };
      } else if (readme.state === 'no-block') {
        yield { file, path: [], line: 1, message: `${file} has no generated block: ${FIX}.` };
      } else if (readme.state === 'malformed') {
        for (const problem of readme.problems ?? []) yield { file, path: [], line: problem.line, message: problem.message };
      } else if (readme.state === 'stale') {
        for (const { sign, text, line } of readme.differences) {
          const what = sign === '-' ? `the data as of ${readme.asOf} no longer gives \`${text.trim()}\`` : `the data as of ${readme.asOf} gives \`${text.trim()}\` here`;
          yield { file, path: [], line, message: `Out of date: ${what}; ${FIX}.` };
        }
      }
    }
  },
};
