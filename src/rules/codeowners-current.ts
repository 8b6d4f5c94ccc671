import { compareCodeowners, planCodeowners } from '../codeowners/codeowners.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const codeownersCurrent: Rule = {
  meta: {
    id: 'codeowners-current',
    description: 'When .github/CODEOWNERS exists, its generated block matches the charters and config, and every sponsor and approver has a GitHub handle.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('codeowners-current'),
  },
  *check({ ws, asOf }) {
    if (!ws.codeowners) return;
    const { file, text, prefix } = ws.codeowners;
    const plan = planCodeowners(ws, asOf, prefix);
    yield* plan.problems;
    const state = compareCodeowners(text, plan.lines);
    if (state.kind === 'no-block') {
      yield { file, path: [], line: 1, message: 'CODEOWNERS has no generated block, so no sponsor\'s approval is required: run `cop codeowners --write`.' };
    } else if (state.kind === 'stale') {
      for (const { sign, text: line, line: at } of state.lines) {
        yield {
          file,
          path: [],
          line: at,
          message: sign === '-'
            ? `CODEOWNERS is out of date: the charters do not call for \`${line.trim()}\`; run \`cop codeowners --write\`.`
            : `CODEOWNERS is out of date: the charters call for \`${line.trim()}\` here; run \`cop codeowners --write\`.`,
        };
      }
    }
  },
};
