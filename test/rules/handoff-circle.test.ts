import { describe } from 'vitest';
import { handoffCircle } from '../../src/rules/handoff-circle.js';
import { output } from '../helpers/workspace.js';
import { outputRuleTable } from './output-rules-table.js';

const FILE = 'cops/aws/outputs/2026-10-02-output-of-2026-10-02.yaml';
const to = (circle: string) => [output('2026-10-02', { handoff: { to: circle, status: 'proposed' } })];
const DEFAULTS = '`consulting-thought-leadership`, `innovation`, `training`';

describe('handoff-circle', () => {
  outputRuleTable(
    handoffCircle,
    [
      { name: 'no hand-off', outputs: [output('2026-10-02')] },
      ...['consulting-thought-leadership', 'innovation', 'training'].map((circle) => ({ name: `the default circle ${circle}`, outputs: to(circle) })),
      { name: "a circle of the config's own", outputs: to('sales'), config: { circles: [{ id: 'sales', name: 'Sales' }] } },
    ],
    [
      {
        name: 'a mistyped circle, with the nearest',
        outputs: to('trainig'),
        findings: [{ file: FILE, path: ['handoff', 'to'], message: `No circle \`trainig\`: the circles are ${DEFAULTS} (\`circles:\` in cop.config.yaml). Did you mean \`training\`?` }],
      },
      {
        name: "a default circle the config's own list leaves out",
        outputs: to('training'),
        config: { circles: [{ id: 'sales', name: 'Sales' }] },
        findings: [{ file: FILE, path: ['handoff', 'to'], message: 'No circle `training`: the circles are `sales` (`circles:` in cop.config.yaml).' }],
      },
    ],
  );
});
