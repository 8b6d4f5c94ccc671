import { inactiveMembers, lastAttendedText } from '../model/membership.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const memberInactive: Rule = {
  meta: {
    id: 'member-inactive',
    description: "An active CoP's members attended a meeting held in the policy's last `inactive_months` (6); `cop members prune` moves the others to `alumni`.",
    defaultSeverity: 'warn',
    docs: ruleDocsUrl('member-inactive'),
  },
  *checkCop({ charterFile: file, charter, meetings }, { asOf, policy }) {
    if (!charter) return;
    const months = policy.inactive_months;
    const inactivity = inactiveMembers(charter, meetings.map((m) => m.data), months, asOf);
    if (!inactivity.judged) return;
    for (const member of inactivity.inactive) {
      const advice = member.role ? `they are the ${member.role}: hand the role over, or confirm they are still active` : `run \`cop members prune ${charter.id} --write\` to move them to \`alumni\``;
      yield {
        file,
        path: ['members', charter.members.indexOf(member.person)],
        message: `\`${member.person}\` attended no meeting held in the last ${months} months (after ${inactivity.since}; ${lastAttendedText(member)}): ${advice}.`,
      };
    }
  },
};
