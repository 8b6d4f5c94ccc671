import { refreshmentsCap } from '../model/charter.js';
import { participantCount, refreshmentsCost } from '../model/meeting.js';
import type { Rule } from './rule.js';

export const refreshmentsPerHead: Rule = {
  meta: {
    id: 'refreshments-per-head',
    description: "A meeting's refreshments cost per participant is within the cap (the charter's, else the policy's).",
    defaultSeverity: 'warn',
  },
  *check({ ws }) {
    for (const { charter, meetings } of ws.cops) {
      const cap = refreshmentsCap(charter, ws.policy.refreshments_per_head);
      for (const { file, data } of meetings) {
        const cost = refreshmentsCost(data);
        if (cost === 0) continue;
        const index = (data.costs ?? []).findIndex((c) => c.category === 'refreshments');
        const at = { file, path: ['costs', index, 'amount'] };
        const heads = participantCount(data);
        if (heads === 0) {
          yield { ...at, message: `Refreshments cost ${cost} but the meeting lists no participants.` };
        } else if (cost / heads > cap) {
          yield { ...at, message: `Refreshments cost ${(cost / heads).toFixed(2)} per head (${cost} for ${heads}), over the cap of ${cap}.` };
        }
      }
    }
  },
};
