/** A guarded read, parsed: what is kept of the text, and a refusal as a finding. */
import { describe, expect, it } from 'vitest';
import { sharedValidator } from '../../src/schema/validator.js';
import { openingOf } from '../../src/workspace/modeline.js';
import { parseRead } from '../../src/workspace/read-data.js';
import { textHash } from '../../src/workspace/texts.js';

const MEETING = { file: 'cops/aws/meetings/2026-10-14.yaml', kind: 'meeting' as const };
const TEXT = '# yaml-language-server: $schema=../../../schemas/meeting.schema.json\ndate: 2026-10-14\ntitle: Lambda\nformat: round-table\nduration_minutes: 60\nslot: lunch\nattendees: [ana.lima]\n';
const validate = sharedValidator();

describe('parseRead', () => {
  it('keeps the text, and the stamp of what was read', () => {
    const parsed = parseRead(MEETING, { ok: true, text: TEXT, stamp: 's' }, validate);
    expect(parsed).toEqual({ ...MEETING, data: expect.objectContaining({ title: 'Lambda' }), diagnostics: [], text: TEXT, stamp: 's' });
  });

  it('with shed, trades only a meeting log\'s text for its digest', () => {
    const meeting = parseRead(MEETING, { ok: true, text: TEXT, stamp: 's' }, validate, true);
    expect(meeting).toEqual({ ...MEETING, data: expect.objectContaining({ title: 'Lambda' }), diagnostics: [], digest: { hash: textHash(TEXT), opening: openingOf(TEXT) }, stamp: 's' });
    expect(meeting.digest!.opening).toBe('# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n');
    const charter = { file: 'cops/aws/charter.yaml', kind: 'charter' as const };
    expect(parseRead(charter, { ok: true, text: 'id: aws\n' }, validate, true)).toMatchObject({ text: 'id: aws\n' });
  });

  it('turns a refusal into a `file` finding at the start of the file', () => {
    expect(parseRead(MEETING, { ok: false, missing: false, message: 'is not a regular file (it is a FIFO): not read' }, validate, true)).toEqual({
      ...MEETING,
      diagnostics: [{ ruleId: 'file', severity: 'error', message: 'The file is not a regular file (it is a FIFO): not read.', file: MEETING.file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }],
    });
  });
});
