import { compareCodeowners, planCodeowners } from '../codeowners/codeowners.js';
import { decidingLine, parseCodeownersLines } from '../codeowners/match.js';
import { charters } from '../workspace/workspace.js';
import { ruleDocsUrl } from './docs.js';
import { diffExcerpt, differingCount, fixAdvice } from './drift.js';
import type { Rule } from './rule.js';

export const codeownersCurrent: Rule = {
  meta: {
    id: 'codeowners-current',
    description: 'When .github/CODEOWNERS exists, its generated block matches the charters and config, every sponsor and approver has a GitHub handle, and every charter has an owner by GitHub\'s rules.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('codeowners-current'),
  },
  *checkOrganisation({ org, asOf }) {
    if (!org.codeowners) return;
    const { file, text, prefix } = org.codeowners;
    const plan = planCodeowners(org, asOf, prefix);
    yield* plan.problems;
    const state = compareCodeowners(text, plan.lines);
    if (state.kind === 'no-block') {
      yield { file, path: [], line: 1, message: `CODEOWNERS has no generated block, so no sponsor's approval is required: ${fixAdvice('cop codeowners --write')}.` };
    } else if (state.kind === 'malformed') {
      for (const problem of state.problems) yield { file, path: [], line: problem.line, message: problem.message };
    } else if (state.kind === 'stale') {
      // One finding for the file, however many lines differ: re-padding after a longer id changes them all.
      yield {
        file,
        path: [],
        line: state.lines[0]!.line,
        message: `CODEOWNERS is out of date with the charters and config (${differingCount(state.lines)}): ${fixAdvice('cop codeowners --write')}.`,
        detail: diffExcerpt(state.lines),
      };
    }
    // The block can be current and still be overridden: a later hand-written line wins.
    const owners = parseCodeownersLines(text);
    for (const { charterFile } of charters(org)) {
      const deciding = decidingLine(owners, `${prefix}${charterFile}`);
      if (deciding && deciding.owners.length > 0) continue;
      yield {
        file: charterFile,
        path: [],
        message: deciding
          ? `No one owns this charter by CODEOWNERS: its last matching line (${file}:${deciding.line}, \`${deciding.pattern}\`) names no owner, so a pull request can change it without approval.`
          : `No line of ${file} matches this charter, so a pull request can change it without approval: run \`cop codeowners --write\`.`,
      };
    }
  },
};
