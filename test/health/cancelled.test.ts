import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/budget/compute.js';
import { resolvePeriod } from '../../src/budget/period.js';
import { evaluateHealth } from '../../src/health/evaluate.js';
import type { LowParticipationEvidence } from '../../src/health/types.js';
import { healthTable } from '../../src/render/health/table.js';
import type { Meeting } from '../../src/model/schema-types.js';
import { meetingRecording } from '../../src/rules/meeting-recording.js';
import { runRule } from '../helpers/rule-tester.js';
import { sharedValidator } from '../../src/schema/validator.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';

const cancelled = (date: string, reason = 'The speaker was ill'): Meeting => ({
  date,
  title: `Cancelled meeting of ${date}`,
  format: 'round-table',
  duration_minutes: 60,
  attendees: [],
  cancelled: true,
  reason,
});

/** Reached in August; September: one cancelled, one of 3 people; October: two cancelled; as of 2026-11-05. */
const history = () => [
  meeting('2026-08-12'),
  cancelled('2026-09-02'),
  meeting('2026-09-16', { attendees: ['p1', 'p2', 'p3'] }),
  cancelled('2026-10-07', 'Office closed'),
  cancelled('2026-10-21'),
];
const ws = (meetings: Meeting[]) => workspace({ cops: { aws: { charter: charter('aws'), meetings } } });

describe('cancelled meetings', () => {
  it('the schema needs a reason and no attendees', () => {
    const validate = sharedValidator();
    expect(validate('meeting', cancelled('2026-10-07'))).toEqual([]);
    const { reason: _reason, ...noReason } = cancelled('2026-10-07');
    expect(validate('meeting', noReason).map((i) => i.message)).toEqual(['The file is missing the required field `reason`.']);
    expect(validate('meeting', { ...cancelled('2026-10-07'), attendees: ['p1'] }).map((i) => i.message)).toEqual([
      '`attendees` must be empty for a cancelled meeting (found 1 item).',
    ]);
  });

  it('a month with only cancelled meetings is not reached', () => {
    const cop = evaluateHealth(ws(history()), '2026-11-05').cops[0]!;
    const evidence = cop.triggers[0]!.evidence as LowParticipationEvidence;
    expect(evidence.run).toBe(2);
    expect(evidence.months[1]).toEqual({
      month: '2026-10',
      bestAttendance: null,
      meetings: [
        { file: 'cops/aws/meetings/2026-10-07.yaml', date: '2026-10-07', participants: 0, cancelled: true, reason: 'Office closed' },
        { file: 'cops/aws/meetings/2026-10-21.yaml', date: '2026-10-21', participants: 0, cancelled: true, reason: 'The speaker was ill' },
      ],
    });
    expect(evidence.months[0]!.bestAttendance).toBe(3);
  });

  it('health evidence says how many of the run’s meetings were cancelled', () => {
    const report = evaluateHealth(ws(history()), '2026-11-05');
    const evidence = report.cops[0]!.triggers[0]!.evidence as LowParticipationEvidence;
    expect(evidence.cancelled).toEqual({ count: 3, of: 4 });
    const text = healthTable(report, false);
    expect(text).toContain('3 of 4 meetings in Sep–Oct 2026 were cancelled.');
    expect(text).toContain('cops/aws/meetings/2026-10-07.yaml  cancelled: Office closed');
    // Without cancellations the evidence has no such field.
    const plain = evaluateHealth(ws([meeting('2026-08-12'), meeting('2026-09-16', { attendees: ['p1'] })]), '2026-10-05');
    expect((plain.cops[0]!.triggers[0]!.evidence as LowParticipationEvidence).cancelled).toBeUndefined();
  });

  it('is not a missing log in the report, nor a meeting held', () => {
    const report = computeReport(ws(history()), { period: resolvePeriod({ from: '2026-09', to: '2026-10' }, '2026-11-05') });
    const months = report.cops[0]!.months;
    expect(months.map((m) => [m.month, m.meetings, m.cancelled])).toEqual([
      ['2026-09', 1, 1],
      ['2026-10', 0, 2],
    ]);
    expect(report.attention.filter((a) => a.kind === 'no-logs')).toEqual([]);
    // A month with nothing logged at all is still listed.
    const empty = computeReport(ws([meeting('2026-08-12')]), { period: resolvePeriod({ month: '2026-10' }, '2026-11-05') });
    expect(empty.attention.map((a) => a.kind)).toContain('no-logs');
  });

  it('needs no recording', () => {
    const findings = runRule(meetingRecording, ws([cancelled('2026-10-07'), meeting('2026-10-14', { recording: undefined })]));
    expect(findings.map((f) => f.file)).toEqual(['cops/aws/meetings/2026-10-14.yaml']);
  });
});
