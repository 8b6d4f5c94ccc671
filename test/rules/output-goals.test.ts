import { describe } from 'vitest';
import type { Goal } from '../../src/model/schema-types.js';
import { outputGoals } from '../../src/rules/output-goals.js';
import { output } from '../helpers/workspace.js';
import { outputRuleTable } from './output-rules-table.js';

const goal = (id?: string): Goal => ({ ...(id ? { id } : {}), type: 'educate', audiences: ['practitioners'], description: 'Learn.', review_by: '2027-01-31' });
const FILE = 'cops/aws/outputs/2026-10-02-output-of-2026-10-02.yaml';

describe('output-goals', () => {
  outputRuleTable(
    outputGoals,
    [
      { name: "an output naming the charter's goals", goals: [goal('unblock'), goal('deepen')], outputs: [output('2026-10-02', { goals: ['deepen', 'unblock'] })] },
      { name: 'an output without goals, goals without ids', goals: [goal(), goal()], outputs: [output('2026-10-02')] },
    ],
    [
      {
        name: 'a mistyped goal id, with the nearest',
        goals: [goal('unblock'), goal('deepen')],
        outputs: [output('2026-10-02', { goals: ['unblock', 'deppen'] })],
        findings: [{ file: FILE, path: ['goals', 1], message: 'No goal `deppen` in cops/aws/charter.yaml: the goals of `aws` are `unblock`, `deepen`. Did you mean `deepen`?' }],
      },
      {
        name: 'a goal id when the charter gives none',
        goals: [goal()],
        outputs: [output('2026-10-02', { goals: ['deepen'] })],
        findings: [{ file: FILE, path: ['goals', 0], message: 'No goal `deepen` in cops/aws/charter.yaml: the charter of `aws` gives none of its goals an `id`.' }],
      },
    ],
  );
});
