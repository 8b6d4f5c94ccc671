/**
 * python-jsonschema, an independent implementation of JSON Schema 2020-12, agrees with `cop`'s
 * validators on recorded goal reviews (schemas/review.schema.json): valid and invalid documents
 * alike. Skipped where python3 with the jsonschema package is not installed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sharedValidator } from '../../src/schema/validator.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { hasJsonschema, pythonVerdicts } from '../helpers/python-jsonschema.js';


const example = parse(readFileSync(join(REPO_ROOT, 'cops/aws/reviews/2026-09-16.yaml'), 'utf8')) as Record<string, unknown>;
const goal = { goal: 'deepen', outcome: 'keep', evidence: 'Three deep sessions.', next_review: '2026-12-16' };
const review = (extra: Record<string, unknown> = {}, goalExtra: Record<string, unknown> = {}) => ({
  date: '2026-09-16',
  period: { from: '2026-06', to: '2026-08' },
  participants: ['lucy.chen'],
  goals: [{ ...goal, ...goalExtra }],
  ...extra,
});
const withoutNext = ({ next_review: _, ...rest }: typeof goal) => rest;

const documents: [name: string, doc: unknown, valid: boolean][] = [
  ['the bundled example', example, true],
  ['an outcome left as a placeholder', review({}, { outcome: '<outcome>' }), true],
  ['an achieved goal without a next review', review({ goals: [{ ...withoutNext(goal), outcome: 'achieved' }] }), true],
  ['a goal by position', review({}, { goal: 2 }), true],
  ['a kept goal without a next review', review({ goals: [withoutNext(goal)] }), false],
  ['an outcome not in the list', review({}, { outcome: 'maybe' }), false],
  ['goal 0', review({}, { goal: 0 }), false],
  ['a goal id that is not a slug', review({}, { goal: 'Deepen' }), false],
  ['a story in no cycle', review({ stories: [{ cycle: 'later', teller: 'lucy.chen', text: 'It helped.' }] }), false],
  ['a story naming an output file', review({ stories: [{ cycle: 'potential', teller: 'lucy.chen', text: 'A talk.', outputs: ['2026-10-02-lambda-talk.yaml'] }] }), true],
  ['month 13', review({ period: { from: '2026-06', to: '2026-13' } }), false],
  ['no participants', review({ participants: [] }), false],
  ['an unknown field', review({ decided_by: 'lucy.chen' }), false],
  ['30 February', review({ date: '2026-02-30' }), false],
];

describe.skipIf(!hasJsonschema)('python-jsonschema agrees with cop on schemas/review.schema.json', () => {
  it('gives every document the verdict cop gives it, and that verdict is the intended one', () => {
    const python = pythonVerdicts(documents.map(([, data]) => ({ kind: 'review', data })));
    const validate = sharedValidator();
    const verdicts = documents.map(([name, doc, intended], i) => ({ name, intended, cop: validate('review', doc).length === 0, python: python[i] }));
    expect(verdicts.filter((v) => v.cop !== v.intended || v.python !== v.intended)).toEqual([]);
  });
});
