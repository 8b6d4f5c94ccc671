import { describe } from 'vitest';
import { handoffDecided } from '../../src/rules/handoff-decided.js';
import { output } from '../helpers/workspace.js';
import { outputRuleTable } from './output-rules-table.js';

const FILE = 'cops/aws/outputs/2026-10-02-output-of-2026-10-02.yaml';
const handedOff = (handoff: NonNullable<Parameters<typeof output>[1]>['handoff']) => [output('2026-10-02', { handoff })];

describe('handoff-decided', () => {
  outputRuleTable(
    handoffDecided,
    [
      { name: 'no hand-off', outputs: [output('2026-10-02')] },
      { name: 'a proposed hand-off without a date', outputs: handedOff({ to: 'training', status: 'proposed' }) },
      ...(['accepted', 'declined', 'done'] as const).map((status) => ({ name: `${status} with its date`, outputs: handedOff({ to: 'training', status, decided: '2026-10-20' }) })),
      { name: 'decided the day of the output', outputs: handedOff({ to: 'innovation', status: 'declined', decided: '2026-10-02' }) },
    ],
    [
      ...(['accepted', 'declined', 'done'] as const).map((status) => ({
        name: `${status} without a date, at \`status\``,
        outputs: handedOff({ to: 'training', status }),
        findings: [{ file: FILE, path: ['handoff', 'status'], message: `The hand-off is \`${status}\` but has no \`decided\` date: add the day the circle answered.` }],
      })),
      {
        name: 'proposed, with a date',
        outputs: handedOff({ to: 'training', status: 'proposed', decided: '2026-10-20' }),
        findings: [{ file: FILE, path: ['handoff', 'decided'], message: 'The hand-off is still `proposed` but has a `decided` date: set its `status` to what the circle decided, or remove the date.' }],
      },
      {
        name: 'decided before the output',
        outputs: handedOff({ to: 'training', status: 'accepted', decided: '2026-09-30' }),
        findings: [{ file: FILE, path: ['handoff', 'decided'], message: "The hand-off was decided on 2026-09-30, before the output's date 2026-10-02: fix one of the dates." }],
      },
    ],
  );
});
