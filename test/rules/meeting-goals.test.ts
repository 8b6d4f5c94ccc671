import { describe, expect, it } from 'vitest';
import { meetingGoals } from '../../src/rules/meeting-goals.js';
import type { Goal, Meeting } from '../../src/model/schema-types.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const goal = (id?: string): Goal => ({ ...(id ? { id } : {}), type: 'educate', audiences: ['practitioners'], description: 'Learn.', review_by: '2027-01-31' });
const run = (goals: Goal[], meetings: Meeting[]) => runRule(meetingGoals, workspace({ cops: { aws: { charter: charter('aws', { goals }), meetings } } }));

const valid: { name: string; goals: Goal[]; meetings: Meeting[] }[] = [
  { name: 'a meeting naming the charter\'s goals', goals: [goal('unblock'), goal('learn')], meetings: [meeting('2026-10-14', { goals: ['unblock', 'learn'] })] },
  { name: 'meetings without goals, goals without ids', goals: [goal(), goal()], meetings: [meeting('2026-10-14')] },
];

const invalid: { name: string; goals: Goal[]; meetings: Meeting[]; file: string; path: (string | number)[]; message: string }[] = [
  {
    name: 'a mistyped goal id, with the nearest',
    goals: [goal('unblock'), goal('learn')],
    meetings: [meeting('2026-10-14', { goals: ['learn', 'unblok'] })],
    file: 'cops/aws/meetings/2026-10-14.yaml',
    path: ['goals', 1],
    message: 'No goal `unblok` in cops/aws/charter.yaml: the goals of `aws` are `unblock`, `learn`. Did you mean `unblock`?',
  },
  {
    name: 'a goal id when the charter gives none',
    goals: [goal()],
    meetings: [meeting('2026-10-14', { goals: ['learn'] })],
    file: 'cops/aws/meetings/2026-10-14.yaml',
    path: ['goals', 0],
    message: 'No goal `learn` in cops/aws/charter.yaml: the charter of `aws` gives none of its goals an `id`.',
  },
  {
    name: 'a goal id used twice in the charter',
    goals: [goal('learn'), goal('learn')],
    meetings: [],
    file: 'cops/aws/charter.yaml',
    path: ['goals', 1, 'id'],
    message: 'The goal id `learn` is used twice (goals 1 and 2): give each goal its own.',
  },
];

describe('meeting-goals', () => {
  for (const c of valid) it(`valid: ${c.name}`, () => expect(run(c.goals, c.meetings)).toEqual([]));
  for (const c of invalid) {
    it(`invalid: ${c.name}`, () => {
      expect(run(c.goals, c.meetings)).toEqual([{ file: c.file, path: c.path, message: c.message }]);
    });
  }
});
