/** A guarded read, parsed: what is kept of the text, and a refusal as a finding. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedValidator } from '../../src/schema/validator.js';
import { openingOf } from '../../src/workspace/modeline.js';
import { parseHashed, parseRead, runJob, type Hashed } from '../../src/workspace/read-data.js';
import { readScope } from '../../src/workspace/read.js';
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

describe('runJob', () => {
  const root = mkdtempSync(join(tmpdir(), 'cop-run-job-'));
  mkdirSync(join(root, 'cops/aws/meetings'), { recursive: true });
  writeFileSync(join(root, MEETING.file), TEXT);
  const scope = readScope(root);

  it('hashes a file when asked, with its text only when asked to keep it; parsed from that text, it is what a parse of the file gives', () => {
    const hashed = runJob(scope, { ...MEETING, hashOnly: true }, validate) as Hashed;
    expect(hashed).toEqual({ hash: textHash(TEXT), stamp: expect.any(String) });
    const kept = runJob(scope, { ...MEETING, hashOnly: true }, validate, true) as Hashed;
    expect(kept).toEqual({ ...hashed, text: TEXT });
    expect(parseHashed(MEETING, { ...kept, text: kept.text! }, validate)).toEqual(runJob(scope, MEETING, validate));
  });

  it('parses a file it was not asked to hash, text kept or not', () => {
    expect(runJob(scope, MEETING, validate, true)).toEqual(runJob(scope, MEETING, validate));
    expect(runJob(scope, MEETING, validate)).toMatchObject({ data: expect.objectContaining({ title: 'Lambda' }), digest: { hash: textHash(TEXT) } });
  });
});
