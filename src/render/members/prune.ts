/** `cop members prune` as text: who would leave (or left), who stays and why; ids and the file through the plain-text layer. */
import { lastAttendedText, type PrunePlan } from '../../model/membership.js';
import { escapeTerminal } from '../../output/terminal.js';

export function pruneText(given: PrunePlan): string {
  const plan = { ...given, cop: escapeTerminal(given.cop), file: escapeTerminal(given.file) };
  const lines: string[] = [];
  const window = `the ${plan.months} months after ${plan.since} (to ${plan.asOf})`;
  if (plan.notJudged) {
    lines.push(`${plan.cop}: nothing to prune: ${escapeTerminal(plan.notJudged)}.`);
    return lines.join('\n') + '\n';
  }
  if (plan.prune.length === 0 && plan.kept.length === 0) {
    lines.push(`${plan.cop}: every member attended a meeting held in ${window}; nothing to prune.`);
    return lines.join('\n') + '\n';
  }
  const width = Math.max(0, ...[...plan.prune, ...plan.kept].map((m) => escapeTerminal(m.person).length));
  const row = (m: PrunePlan['prune'][number]) => `  ${escapeTerminal(m.person).padEnd(width)}  ${lastAttendedText(m)}${m.role ? `; the ${m.role}, kept` : ''}`;
  if (plan.prune.length > 0) {
    const verb = plan.written ? 'moved to alumni' : 'to move to alumni';
    lines.push(`${plan.cop}: ${plan.prune.length} of ${plan.members} members attended no meeting held in ${window}, ${verb}:`, ...plan.prune.map(row));
  } else {
    lines.push(`${plan.cop}: no member to prune in ${window}.`);
  }
  if (plan.kept.length > 0) lines.push(`Inactive but holding a role (hand it over first):`, ...plan.kept.map(row));
  const below = plan.remaining < plan.minMembers ? `, below the policy's minimum of ${plan.minMembers}` : '';
  if (plan.prune.length > 0) {
    lines.push(
      plan.written
        ? `${plan.file}: ${plan.remaining} members remain; each alumnus left on ${plan.asOf}. Open a pull request for the sponsor.`
        : `Dry run: nothing was changed. ${plan.remaining} members would remain${below}. Run again with --write to record it (left ${plan.asOf}).`,
    );
  }
  return lines.join('\n') + '\n';
}
