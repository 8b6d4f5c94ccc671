import { describe, expect, it } from 'vitest';
import { meetingFileName } from '../../src/rules/meeting-file-name.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';
import type { Workspace } from '../../src/workspace/workspace.js';

/** A workspace with one meeting dated `date`, stored under `name` in cops/aws/meetings/. */
function named(name: string, date = '2026-10-14'): Workspace {
  const ws = workspace({ cops: { aws: { charter: charter('aws'), meetings: [meeting(date)] } } });
  ws.cops[0]!.meetings[0]!.file = `cops/aws/meetings/${name}`;
  return ws;
}

describe('meeting-file-name', () => {
  it('accepts YYYY-MM-DD.yaml and the day\'s second meeting as -2', () => {
    const ws = workspace({ cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14'), meeting('2026-10-14')] } } });
    expect(ws.cops[0]!.meetings.map((m) => m.file)).toEqual(['cops/aws/meetings/2026-10-14.yaml', 'cops/aws/meetings/2026-10-14-2.yaml']);
    expect(runRule(meetingFileName, ws)).toEqual([]);
  });

  it('accepts -9 and two-digit suffixes such as -10', () => {
    expect(runRule(meetingFileName, named('2026-10-14-9.yaml'))).toEqual([]);
    expect(runRule(meetingFileName, named('2026-10-14-10.yaml'))).toEqual([]);
  });

  for (const name of ['2026-10-14-1.yaml', '2026-10-14-0.yaml', '2026-10-14-01.yaml', 'notes.yaml', '2026-10-14-b.yaml', '14-10-2026.yaml']) {
    it(`rejects ${name}, at \`date\``, () => {
      const findings = runRule(meetingFileName, named(name));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ file: `cops/aws/meetings/${name}`, path: ['date'] });
      expect(findings[0]!.message).toContain(`The file name \`${name}\` is not \`2026-10-14.yaml\``);
      expect(findings[0]!.message).toContain('`2026-10-14-2.yaml`');
    });
  }

  it('reports a date that differs from the file name', () => {
    const findings = runRule(meetingFileName, named('2026-10-14.yaml', '2026-10-15'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'cops/aws/meetings/2026-10-14.yaml', path: ['date'] });
    expect(findings[0]!.message).toMatch(/date 2026-10-15 differs from its file name `2026-10-14\.yaml`/);
  });

  it('reports a differing date behind a -2 suffix too', () => {
    expect(runRule(meetingFileName, named('2026-10-14-2.yaml', '2026-10-13'))).toHaveLength(1);
  });
});
