import { describe, expect, it } from 'vitest';
import { meetingRecording } from '../../src/rules/meeting-recording.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

describe('meeting-recording', () => {
  it('accepts a meeting with a recording link', () => {
    expect(runRule(meetingRecording, workspace({ cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14')] } } }))).toEqual([]);
  });

  it('warns about each meeting without a recording, at the file root', () => {
    const ws = workspace({
      cops: {
        aws: { charter: charter('aws'), meetings: [meeting('2026-09-09', { recording: undefined }), meeting('2026-10-14'), meeting('2026-11-11', { recording: '' })] },
      },
    });
    const findings = runRule(meetingRecording, ws);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ file: 'cops/aws/meetings/2026-09-09.yaml', path: [] });
    expect(findings[1]).toMatchObject({ file: 'cops/aws/meetings/2026-11-11.yaml', path: [] });
    expect(findings[0]!.message).toMatch(/No `recording` link/);
  });

  it('checks meetings of a folder whose charter did not load', () => {
    const ws = workspace({ cops: { aws: { meetings: [meeting('2026-10-14', { recording: undefined })] } } });
    expect(runRule(meetingRecording, ws)).toHaveLength(1);
  });
});
