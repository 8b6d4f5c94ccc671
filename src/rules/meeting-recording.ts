import { isCancelled } from '../model/meeting.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const meetingRecording: Rule = {
  meta: {
    id: 'meeting-recording',
    description: 'A meeting has a `recording` link (CoP meetings are recorded and published); a cancelled meeting needs none.',
    defaultSeverity: 'warn',
    docs: ruleDocsUrl('meeting-recording'),
  },
  *checkCop({ meetings }) {
    for (const { file, data } of meetings) {
      if (!data.recording && !isCancelled(data)) yield { file, path: [], message: 'No `recording` link: CoP meetings are public, so publish the recording and link it.' };
    }
  },
};
