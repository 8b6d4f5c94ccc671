/** What `cop dissolve` prints once the charter is edited: the decision and the pull-request step. */
import { shellCommand } from '../../output/shell.js';
import type { PullRequestStep } from '../../health/dissolve.js';
import type { Charter, Dissolution } from '../../model/schema-types.js';
import type { CopFolder } from '../../workspace/workspace.js';
import { escapeTerminal } from '../../output/terminal.js';

export function dissolutionDone(cop: CopFolder & { charter: Charter }, dissolved: Dissolution, given: PullRequestStep): string {
  // Every data string through the plain-text layer: names, reasons and people come from the charter and the command line.
  const pr = { branch: escapeTerminal(given.branch), files: given.files.map(escapeTerminal), commitMessage: escapeTerminal(given.commitMessage), approvers: given.approvers.map(escapeTerminal) };
  const approval = pr.approvers.length
    ? `Approval: ${pr.approvers.join(' and ')} approve${pr.approvers.length === 1 ? 's' : ''} the pull request (CODEOWNERS).`
    : 'Approval: the charter names no sponsor; ask the CTO to review the pull request.';
  return [
    `Recorded in ${pr.files.join(', ')}: ${escapeTerminal(cop.charter.name)} dissolved on ${dissolved.date} (${escapeTerminal(String(dissolved.reason))}, decided by ${escapeTerminal(String(dissolved.decided_by))}).`,
    '',
    'Next: open a pull request so the decision is reviewed and kept in the history:',
    `  ${escapeTerminal(shellCommand('git', 'switch', '-c', pr.branch))}`,
    `  ${escapeTerminal(shellCommand('git', 'add', ...pr.files))}`,
    `  ${escapeTerminal(shellCommand('git', 'commit', '-m', pr.commitMessage))}`,
    `  ${escapeTerminal(shellCommand('git', 'push', '-u', 'origin', pr.branch))}`,
    approval,
    '',
  ].join('\n');
}
