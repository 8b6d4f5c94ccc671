import { describe, expect, it } from 'vitest';
import { noDuplicatePeople } from '../../src/rules/no-duplicate-people.js';
import { charter, meeting, people, person, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

describe('no-duplicate-people', () => {
  it('accepts lists without repeats', () => {
    const ws = workspace({ cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14')] } } });
    expect(runRule(noDuplicatePeople, ws)).toEqual([]);
  });

  it('allows the same person in different lists (member, core group, attendee)', () => {
    const ws = workspace({ cops: { aws: { charter: charter('aws', { core_group: ['p1'] }), meetings: [meeting('2026-10-14', { attendees: ['p1'] })] } } });
    expect(runRule(noDuplicatePeople, ws)).toEqual([]);
  });

  it('reports a person listed twice in people.yaml, at the second entry\'s `id`', () => {
    const ws = workspace({ people: [...people(3), person('p2', { name: 'Someone Else' })] });
    const findings = runRule(noDuplicatePeople, ws);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'people.yaml', path: ['people', 3, 'id'] });
    expect(findings[0]!.message).toBe('`p2` is listed twice in `people` (items 2 and 4).');
  });

  it('reports a repeated member at the repeat', () => {
    const findings = runRule(noDuplicatePeople, workspace({ cops: { aws: { charter: charter('aws', { members: ['p1', 'p2', 'p3', 'p1', 'p4', 'p5'] }) } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'cops/aws/charter.yaml', path: ['members', 3] });
    expect(findings[0]!.message).toMatch(/`p1` is listed twice in `members` \(items 1 and 4\)/);
  });

  it('finds a repeat in a long list as in a short one (people.yaml of 40)', () => {
    const ws = workspace({ people: [...people(40), person('p37', { name: 'Someone Else' })] });
    expect(runRule(noDuplicatePeople, ws).map((f) => f.path)).toEqual([['people', 40, 'id']]);
    expect(runRule(noDuplicatePeople, workspace({ people: people(40) }))).toEqual([]);
  });

  it('reports a repeated core group member', () => {
    const findings = runRule(noDuplicatePeople, workspace({ cops: { aws: { charter: charter('aws', { core_group: ['p2', 'p2'] }) } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'cops/aws/charter.yaml', path: ['core_group', 1] });
    expect(findings[0]!.message).toMatch(/in `core_group`/);
  });

  it('reports a repeated attendee, each repeat once', () => {
    const ws = workspace({ cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14', { attendees: ['p1', 'p1', 'p2', 'p1'] })] } } });
    const findings = runRule(noDuplicatePeople, ws);
    expect(findings.map((f) => [f.file, f.path])).toEqual([
      ['cops/aws/meetings/2026-10-14.yaml', ['attendees', 1]],
      ['cops/aws/meetings/2026-10-14.yaml', ['attendees', 3]],
    ]);
    expect(findings[1]!.message).toMatch(/items 1 and 4/);
  });

  it('reports a person who is both a member and an alumnus, at the alumnus', () => {
    const c = charter('aws', { alumni: [{ person: 'p9', left: '2026-01-01' }, { person: 'p4', left: '2026-06-01' }] });
    const findings = runRule(noDuplicatePeople, workspace({ cops: { aws: { charter: c } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'cops/aws/charter.yaml', path: ['alumni', 1, 'person'] });
    expect(findings[0]!.message).toMatch(/`p4` is both a member and an alumnus/);
  });

  it('checks dissolved CoPs too', () => {
    const c = charter('aws', { status: 'dissolved', members: ['p1', 'p1'], dissolved: { date: '2026-06-01', reason: 'not-strategic', decided_by: 'p1' } });
    expect(runRule(noDuplicatePeople, workspace({ cops: { aws: { charter: c } } }))).toHaveLength(1);
  });
});
