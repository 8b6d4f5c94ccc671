import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/model/schema-types.js';
import { noDuplicateMeeting } from '../../src/rules/no-duplicate-meeting.js';
import { runRule } from '../helpers/rule-tester.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';

/** The findings for the AWS CoP's meetings, in the order given (a day's second is -2, and so on). */
const check = (meetings: Meeting[]) => runRule(noDuplicateMeeting, workspace({ cops: { aws: { charter: charter('aws'), meetings } } }));
const DAY = '2026-11-19';
const M = 'cops/aws/meetings';

describe('no-duplicate-meeting', () => {
  // [what, the meetings, the findings as "file repeats earlier-file"]
  const cases: [string, Meeting[], string[]][] = [
    ['one meeting a day', [meeting('2026-11-18'), meeting(DAY)], []],
    ['two meetings that day with their own titles', [meeting(DAY, { title: 'Morning' }), meeting(DAY, { title: 'Afternoon' })], []],
    ['the same title on another day (a monthly series)', [meeting('2026-10-19', { title: 'Sync' }), meeting(DAY, { title: 'Sync' })], []],
    ['a byte-identical second log of the day, as `cop log` twice wrote it', [meeting(DAY), meeting(DAY)], [`${M}/${DAY}-2.yaml repeats ${M}/${DAY}.yaml`]],
    ['the same title in other case and spacing', [meeting(DAY, { title: 'Lambda cold starts' }), meeting(DAY, { title: ' lambda  Cold starts', attendees: ['p1'] })], [`${M}/${DAY}-2.yaml repeats ${M}/${DAY}.yaml`]],
    ['three copies: each later one names the first', [meeting(DAY), meeting(DAY), meeting(DAY)], [`${M}/${DAY}-2.yaml repeats ${M}/${DAY}.yaml`, `${M}/${DAY}-3.yaml repeats ${M}/${DAY}.yaml`]],
  ];
  for (const [what, meetings, expected] of cases) {
    it(what, () => {
      const findings = check(meetings);
      expect(findings.map((f) => `${f.file} repeats ${/repeats (\S+):/.exec(f.message)?.[1]}`)).toEqual(expected);
      for (const finding of findings) expect(finding.path).toEqual(['title']);
    });
  }

  it('says why, and that the hours and money would count twice', () => {
    const [finding] = check([meeting(DAY, { title: 'Lambda' }), meeting(DAY, { title: 'Lambda' })]);
    expect(finding!.message).toBe(
      `This meeting repeats ${M}/${DAY}.yaml: the same date and title ("Lambda"), so its hours and money would be counted twice. Delete this file if it is a copy; if two meetings really took place, give each its own title.`,
    );
  });

  it('takes the day\'s first log as YYYY-MM-DD.yaml, though -2 sorts before it by name', () => {
    const ws = workspace({ cops: { aws: { charter: charter('aws'), meetings: [meeting(DAY), meeting(DAY)] } } });
    ws.cops[0]!.meetings.reverse(); // the order discovery lists them in: 2026-11-19-2.yaml < 2026-11-19.yaml
    expect(runRule(noDuplicateMeeting, ws).map((f) => f.file)).toEqual([`${M}/${DAY}-2.yaml`]);
  });
});
