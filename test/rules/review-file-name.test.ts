import { describe, expect, it } from 'vitest';
import { reviewFileName } from '../../src/rules/review-file-name.js';
import type { GoalReview } from '../../src/model/schema-types.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const review = (date: string): GoalReview => ({
  date,
  period: { from: '2026-08', to: '2026-10' },
  participants: ['p1'],
  goals: [{ goal: 1, outcome: 'achieved', evidence: 'Done.' }],
});
/** The bundled test workspace with the review stored under `name`. */
const stored = (name: string, data: GoalReview): Workspace => {
  const ws = workspace({ cops: { aws: { charter: charter('aws') } } });
  ws.cops[0]!.reviews.push({ file: `cops/aws/reviews/${name}`, data });
  return ws;
};

const cases: { name: string; file: string; date: string; message?: string }[] = [
  { name: 'named after its date', file: '2026-11-10.yaml', date: '2026-11-10' },
  { name: 'another day', file: '2026-11-09.yaml', date: '2026-11-10', message: "The review's date 2026-11-10 differs from its file name `2026-11-09.yaml`: name it `2026-11-10.yaml`, or fix the date." },
  { name: 'a suffix, as meetings have', file: '2026-11-10-2.yaml', date: '2026-11-10', message: "The review's date 2026-11-10 differs from its file name `2026-11-10-2.yaml`: name it `2026-11-10.yaml`, or fix the date." },
  { name: 'not a date at all', file: 'autumn.yaml', date: '2026-11-10', message: "The review's date 2026-11-10 differs from its file name `autumn.yaml`: name it `2026-11-10.yaml`, or fix the date." },
];

describe('review-file-name', () => {
  for (const c of cases) {
    it(c.message ? `invalid: ${c.name}` : `valid: ${c.name}`, () => {
      const findings = runRule(reviewFileName, stored(c.file, review(c.date)));
      expect(findings).toEqual(c.message ? [{ file: `cops/aws/reviews/${c.file}`, path: ['date'], message: c.message }] : []);
    });
  }
});
