import { describe, expect, it } from 'vitest';
import { personExists } from '../../src/rules/person-exists.js';
import { charter, meeting, output, outputFile, people, person, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const CHARTER = 'cops/aws/charter.yaml';
const MEETING = 'cops/aws/meetings/2026-10-14.yaml';

function single(ws: ReturnType<typeof workspace>) {
  const findings = runRule(personExists, ws);
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe('person-exists', () => {
  it('accepts data where everyone is in people.yaml', () => {
    const ws = workspace({
      cops: {
        aws: {
          charter: charter('aws', {
            coordinator: { rotation_months: 3, appointed_by: 'p1', deputy: 'p3', terms: [{ person: 'p2', from: '2026-10-01' }] },
            triggers: [{ trigger: 'topics-finished', declared_by: 'p2', date: '2026-11-01' }],
          }),
          meetings: [meeting('2026-10-14', { preparation: [{ person: 'p2', hours: 1 }] })],
        },
      },
      people: [...people(), person('p6', { manager: 'p1' })],
      config: { cto: 'p1', approvers: ['p1', 'p2'] },
    });
    ws.configFile = 'cop.config.yaml';
    expect(runRule(personExists, ws)).toEqual([]);
  });

  const charterCases: [string, Parameters<typeof charter>[1], (string | number)[], string][] = [
    ['sponsor', { sponsor: 'ghost' }, ['sponsor'], 'sponsor'],
    ['coordinator.appointed_by', { coordinator: { rotation_months: null, appointed_by: 'ghost', terms: [{ person: 'p2', from: '2026-10-01' }] } }, ['coordinator', 'appointed_by'], 'appointer'],
    ['coordinator.deputy', { coordinator: { rotation_months: 3, deputy: 'ghost', terms: [{ person: 'p2', from: '2026-10-01' }] } }, ['coordinator', 'deputy'], 'deputy coordinator'],
    [
      'a coordinator term (not only the current one)',
      { coordinator: { rotation_months: 3, terms: [{ person: 'ghost', from: '2026-01-01', until: '2026-09-30' }, { person: 'p2', from: '2026-10-01' }] } },
      ['coordinator', 'terms', 0, 'person'],
      'coordinator',
    ],
    ['members', { members: ['p1', 'p2', 'ghost', 'p3', 'p4', 'p5'] }, ['members', 2], 'member'],
    ['core_group', { core_group: ['p2', 'ghost'] }, ['core_group', 1], 'core group member'],
    ['an alumnus', { alumni: [{ person: 'p5', left: '2026-01-01' }, { person: 'ghost', left: '2026-02-01' }] }, ['alumni', 1, 'person'], 'alumnus'],
    ['a declared trigger', { triggers: [{ trigger: 'not-strategic', declared_by: 'ghost', date: '2026-11-01' }] }, ['triggers', 0, 'declared_by'], 'declarer'],
    [
      'dissolved.decided_by',
      { status: 'dissolved', dissolved: { date: '2026-06-01', reason: 'not-strategic', decided_by: 'ghost' } },
      ['dissolved', 'decided_by'],
      'decider',
    ],
  ];
  for (const [where, extra, path, role] of charterCases) {
    it(`reports an unknown person in the charter's ${where}`, () => {
      const finding = single(workspace({ cops: { aws: { charter: charter('aws', extra) } } }));
      expect(finding).toMatchObject({ file: CHARTER, path });
      expect(finding.message).toBe(`Unknown ${role} \`ghost\`: add them to people.yaml or fix the id.`);
    });
  }

  it('reports an unknown attendee', () => {
    const finding = single(workspace({ cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14', { attendees: ['p1', 'ghost'] })] } } }));
    expect(finding).toMatchObject({ file: MEETING, path: ['attendees', 1] });
    expect(finding.message).toMatch(/Unknown attendee `ghost`/);
  });

  it('reports an unknown preparer', () => {
    const ws = workspace({ cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14', { preparation: [{ person: 'p2', hours: 1 }, { person: 'ghost', hours: 2 }] })] } } });
    const finding = single(ws);
    expect(finding).toMatchObject({ file: MEETING, path: ['preparation', 1, 'person'] });
    expect(finding.message).toMatch(/Unknown preparer `ghost`/);
  });

  it("reports an unknown author and contributor of an output, at their places", () => {
    const made = output('2026-10-02', { authors: ['p1', 'ghost'], hours: [{ person: 'p2', hours: 2 }, { person: 'nobody', hours: 1 }] });
    const ws = workspace({ cops: { aws: { charter: charter('aws'), outputs: [made] } } });
    expect(runRule(personExists, ws)).toEqual([
      { file: outputFile('aws', made), path: ['authors', 1], message: 'Unknown author `ghost`: add them to people.yaml or fix the id.' },
      { file: outputFile('aws', made), path: ['hours', 1, 'person'], message: 'Unknown contributor `nobody`: add them to people.yaml or fix the id.' },
    ]);
  });

  it('reports an unknown manager in people.yaml', () => {
    const finding = single(workspace({ people: [...people(), person('p6', { manager: 'ghost' })] }));
    expect(finding).toMatchObject({ file: 'people.yaml', path: ['people', 5, 'manager'] });
    expect(finding.message).toMatch(/Unknown manager `ghost`/);
  });

  it('reports an unknown CTO and approver in cop.config.yaml', () => {
    const ws = workspace({ config: { cto: 'ghost', approvers: ['p1', 'nobody'] } });
    ws.configFile = 'cop.config.yaml';
    const findings = runRule(personExists, ws);
    expect(findings).toEqual([
      { file: 'cop.config.yaml', path: ['cto'], message: 'Unknown CTO `ghost`: add them to people.yaml or fix the id.' },
      { file: 'cop.config.yaml', path: ['approvers', 1], message: 'Unknown approver `nobody`: add them to people.yaml or fix the id.' },
    ]);
  });

  it('is silent when people.yaml is missing or broken', () => {
    const ws = workspace({
      people: null,
      cops: { aws: { charter: charter('aws', { sponsor: 'ghost' }), meetings: [meeting('2026-10-14', { attendees: ['ghost'] })] } },
    });
    expect(ws.people).toBeUndefined();
    expect(runRule(personExists, ws)).toEqual([]);
  });

  it('reports every reference to an unknown person, not just the first', () => {
    const ws = workspace({ cops: { aws: { charter: charter('aws', { sponsor: 'ghost', members: ['ghost', 'p2'] }), meetings: [meeting('2026-10-14', { attendees: ['ghost'] })] } } });
    expect(runRule(personExists, ws)).toHaveLength(3);
  });
});

describe('person-exists in recorded goal reviews', () => {
  const reviewCases: [string, (string | number)[], string][] = [
    ['a participant', ['participants', 1], 'review participant'],
    ['a storyteller', ['stories', 0, 'teller'], 'storyteller'],
  ];
  for (const [name, path, role] of reviewCases) {
    it(`reports an unknown ${name}, at its place`, () => {
      const ghostly = name === 'a participant';
      const ws = workspace({
        cops: {
          aws: {
            charter: charter('aws'),
            reviews: [
              {
                date: '2026-11-10',
                period: { from: '2026-08', to: '2026-10' },
                participants: ['p1', ghostly ? 'ghost' : 'p2'],
                goals: [{ goal: 1, outcome: 'keep', evidence: 'Three sessions.', next_review: '2027-02-10' }],
                stories: [{ cycle: 'immediate', teller: ghostly ? 'p3' : 'ghost', text: 'We met.' }],
              },
            ],
          },
        },
      });
      expect(single(ws)).toEqual({ file: 'cops/aws/reviews/2026-11-10.yaml', path, message: `Unknown ${role} \`ghost\`: add them to people.yaml or fix the id.` });
    });
  }
});
