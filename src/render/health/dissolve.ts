/** What `cop dissolve` prints once the charter is edited: the decision and the pull-request step. */
import type { PullRequestStep } from '../../health/dissolve.js';
import type { Charter, Dissolution } from '../../model/schema-types.js';
import type { CopFolder } from '../../workspace/workspace.js';

export function dissolutionDone(cop: CopFolder & { charter: Charter }, dissolved: Dissolution, pr: PullRequestStep): string {
  const approval = pr.approvers.length
    ? `Approval: ${pr.approvers.join(' and ')} approve${pr.approvers.length === 1 ? 's' : ''} the pull request (CODEOWNERS).`
    : 'Approval: the charter names no sponsor; ask the CTO to review the pull request.';
  return [
    `Recorded in ${pr.files.join(', ')}: ${cop.charter.name} dissolved on ${dissolved.date} (${dissolved.reason}, decided by ${dissolved.decided_by}).`,
    '',
    'Next: open a pull request so the decision is reviewed and kept in the history:',
    `  git switch -c ${pr.branch}`,
    `  git add ${pr.files.join(' ')}`,
    `  git commit -m "${pr.commitMessage}"`,
    `  git push -u origin ${pr.branch}`,
    approval,
    '',
  ].join('\n');
}
