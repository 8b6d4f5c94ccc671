import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_POLICY } from '../../src/model/policy.js';
import { answerProblems, buildCharter, type NewCopAnswers } from '../../src/scaffold/charter.js';
import { schemaEnums } from '../../src/scaffold/enums.js';
import { checkCopId } from '../../src/scaffold/fields.js';
import { completeNewCop, newCopInput } from '../../src/scaffold/input.js';
import { dateProblem, meetingFileName, refreshmentsWarning } from '../../src/scaffold/meeting.js';
import { appendPeople } from '../../src/scaffold/people.js';
import { parseCost, parseGoal } from '../../src/scaffold/syntax.js';
import { verifyPending } from '../../src/scaffold/verify.js';
import { charterYaml } from '../../src/scaffold/yaml.js';
import { sharedValidator } from '../../src/schema/validator.js';
import { charter, people, workspace } from '../helpers/workspace.js';

const enums = schemaEnums();
const peopleMap = new Map(people(6).map((p) => [p.id, p]));

function answers(extra: Partial<NewCopAnswers> = {}): NewCopAnswers {
  const { answers: a } = completeNewCop(
    {
      id: 'ml',
      in: ['Training'],
      rationale: 'Clients ask for it.',
      sponsor: 'p1',
      members: ['p1', 'p2', 'p3', 'p4', 'p5'],
      goals: [{ type: 'educate', audiences: ['practitioners'], description: 'Learn.', review_by: '2027-02-20' }],
      ...extra,
    },
    DEFAULT_POLICY,
    '2026-11-20',
  );
  return a;
}

describe('cop new core', () => {
  it('refuses ids that are paths or not slugs', () => {
    expect(checkCopId('../etc')).toMatch(/is a path/);
    expect(checkCopId('/abs')).toMatch(/is a path/);
    expect(checkCopId('a/b')).toMatch(/is a path/);
    expect(checkCopId('Machine_Learning')).toMatch(/lowercase slug/);
    expect(checkCopId('aws', ['aws'])).toMatch(/exists already/);
    // `all.ics` is the combined calendar: a CoP `all` would be overwritten by it (issue #22 row 9).
    expect(checkCopId('all')).toMatch(/^`all` is reserved: `all\.ics` is the combined calendar/);
    expect(checkCopId('machine-learning')).toBeUndefined();
  });

  it('fills defaults from the policy and the worked example', () => {
    const a = answers();
    expect(a).toMatchObject({ name: 'ML', subject: 'ML', coordinator: 'p1', rotation_months: 3, refreshments_per_head: 6, hours_per_month: 2, membership: 'invite-only', cadence: 'monthly', slot: 'lunch' });
    expect(answerProblems(a, { policy: DEFAULT_POLICY, people: peopleMap, existingIds: [], enums })).toEqual([]);
  });

  it('lists what is missing in scripted mode', () => {
    const { missing } = completeNewCop({ id: 'ml' }, DEFAULT_POLICY, '2026-11-20');
    expect(missing).toHaveLength(5); // in, rationale, sponsor, members, goals
  });

  it('refuses fewer members than the policy minimum and unknown people', () => {
    const ctx = { policy: DEFAULT_POLICY, people: peopleMap, existingIds: [], enums };
    expect(answerProblems(answers({ members: ['p1', 'p2', 'p3', 'p4'] }), ctx).join()).toMatch(/at least 5/);
    expect(answerProblems(answers({ sponsor: 'nobody' }), ctx).join()).toMatch(/`nobody` \(sponsor\) is not in people.yaml/);
    expect(answerProblems(answers({ coordinator: 'p6' }), ctx).join()).toMatch(/not one of the members/);
    expect(answerProblems(answers({ rationale: 'TBD' }), ctx).join()).toMatch(/rationale: The rationale holds placeholder text/);
  });

  it('parses goals and flags from one-line syntax, defaulting review_by to three months ahead', () => {
    expect(parseGoal('educate:practitioners+apprentices:Learn: the basics', '2027-02-20')).toEqual({
      ok: true,
      value: { type: 'educate', audiences: ['practitioners', 'apprentices'], description: 'Learn: the basics', review_by: '2027-02-20' },
    });
    expect(parseCost('refreshments:x').ok).toBe(false);
    const { partial } = newCopInput({}, { goals: ['support:public:Help'], members: 'a, b' }, '2026-11-30');
    expect(partial.goals![0]!.review_by).toBe('2027-02-28'); // date-fns clamps 30 Nov + 3 months to 28 Feb
    expect(partial.members).toEqual(['a', 'b']);
  });

  it('writes a commented charter with the $schema line that parses back to the same data', () => {
    const data = buildCharter(answers());
    const text = charterYaml(data, '../../schemas/charter.schema.json', { minMembers: 5 });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/charter.schema.json');
    expect(text).toMatch(/# Why the organisation should invest/);
    // The next step is a command, not a hand edit.
    expect(text).toContain(`# \`cop activate ${data.id}\`: it sets \`status: active\` and \`activated:\``);
    expect(parse(text)).toEqual(data);
    expect(data.status).toBe('proposed');
  });

  it('verifies the pending charter with the lint rules (a goal review date already past is a warning)', async () => {
    const ws = workspace({ cops: { aws: { charter: charter('aws') } }, people: people(6) });
    const data = buildCharter(answers({ goals: [{ type: 'educate', audiences: ['practitioners'], description: 'Learn.', review_by: '2026-01-01' }] }));
    const found = await verifyPending(ws, [{ file: 'cops/ml/charter.yaml', kind: 'charter', text: charterYaml(data, 'x', { minMembers: 5 }) }], sharedValidator(), '2026-11-20');
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['goal-review-due', 'warn']]);
    expect(found[0]!.start.line).toBeGreaterThan(1);
  });

  it('verification reports schema errors in the text about to be written', async () => {
    const ws = workspace({ people: people(6) });
    const found = await verifyPending(ws, [{ file: 'cops/ml/charter.yaml', kind: 'charter', text: 'id: ml\n' }], sharedValidator(), '2026-11-20');
    expect(found.some((d) => d.ruleId === 'schema' && d.severity === 'error')).toBe(true);
  });

  it('appends people keeping comments', () => {
    const text = '# header\npeople:\n  # leaders\n  - id: a\n    name: A\n';
    expect(appendPeople(text, [{ id: 'b.c', name: 'B C' }], 'x')).toBe('# header\npeople:\n  # leaders\n  - id: a\n    name: A\n  - id: b.c\n    name: B C\n');
  });
});

describe('cop log core', () => {
  const c = charter('aws', { created: '2026-01-05', status: 'dissolved', dissolved: { date: '2026-06-01', reason: 'topics-finished', decided_by: 'p2' } });
  it('refuses dates outside the lifecycle and in the future', () => {
    expect(dateProblem('2026-01-04', c, '2026-11-20')).toMatch(/before the CoP was created/);
    expect(dateProblem('2026-06-02', c, '2026-11-20')).toMatch(/after the CoP was dissolved/);
    expect(dateProblem('2026-03-01', charter('x'), '2026-02-01')).toMatch(/in the future/);
    expect(dateProblem('2026-02-30', c, '2026-11-20')).toMatch(/that date does not exist: February 2026 has 28 days/);
    expect(dateProblem('2026-2-3', c, '2026-11-20')).toMatch(/YYYY-MM-DD/);
    expect(dateProblem('2026-05-01', c, '2026-11-20')).toBeUndefined();
  });

  it('takes the next free suffix for a second meeting on a day', () => {
    expect(meetingFileName('2026-11-19', new Set())).toBe('2026-11-19.yaml');
    expect(meetingFileName('2026-11-19', new Set(['2026-11-19.yaml', '2026-11-19-2.yaml']))).toBe('2026-11-19-3.yaml');
  });

  it('warns when refreshments per head exceed the cap (40 for 6 people = 6.67 > 6)', () => {
    const meeting = { attendees: ['p1', 'p2', 'p3', 'p4', 'p5'], guests: [{ name: 'G', organisation: 'O' }], costs: [{ category: 'refreshments' as const, amount: 40 }] };
    expect(refreshmentsWarning(meeting, charter('aws'), 6)).toMatch(/6\.67 per head/);
    expect(refreshmentsWarning({ ...meeting, costs: [{ category: 'refreshments', amount: 36 }] }, charter('aws'), 6)).toBeUndefined();
  });
});
