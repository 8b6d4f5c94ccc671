import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { logMeeting } from '../../src/commands/log.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation, memoryIo } from '../helpers/org-copy.js';
import { DEFAULT, scriptedPrompter } from '../helpers/prompter.js';

const FILE = 'cops/aws/meetings/2026-11-19.yaml';
const CANCELLED = ['log', 'aws', '--yes', '--as-of', AS_OF, '--date', '2026-11-19', '--title', 'Lambda cold starts', '--cancelled'];
const REASON = 'The room was flooded.';

const awsNovember = async (root: string) => {
  const report = await runInProcess(['report', '--month', '2026-11', '--as-of', AS_OF, '--format', 'json'], root);
  return JSON.parse(report.stdout).cops.find((c: { id: string }) => c.id === 'aws').months[0] as { meetings: number; cancelled: number };
};

describe('cop log --cancelled', () => {
  it("writes the schema's cancelled shape (no attendees, a reason, the charter's format, duration and slot) that cop check passes and cop report counts as cancelled", async () => {
    const root = copyOrganisation();
    const before = await awsNovember(root);
    const run = await runInProcess([...CANCELLED, '--reason', REASON], root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Log the AWS meeting of 2026-11-19 \(cancelled\)/);
    const doc = parseDocument(readFileSync(join(root, FILE), 'utf8'));
    expect(doc.errors).toEqual([]);
    expect(doc.toJS()).toEqual({
      date: '2026-11-19', title: 'Lambda cold starts', format: 'round-table', duration_minutes: 60, slot: 'lunch',
      attendees: [], cancelled: true, reason: REASON,
    });
    // No "add the recording" reminder: a cancelled meeting has none.
    expect(doc.comment ?? '').not.toMatch(/recording/);

    const check = await runInProcess(['check', '--as-of', AS_OF, '--format', 'json'], root);
    expect(JSON.parse(check.stdout).diagnostics).toEqual([]);
    const after = await awsNovember(root);
    expect(after).toMatchObject({ meetings: before.meetings, cancelled: before.cancelled + 1 });
  });

  it('refuses (exit 2, nothing written) a cancelled meeting with no reason, or with attendees, and a reason without --cancelled', async () => {
    const root = copyOrganisation();
    const noReason = await runInProcess(CANCELLED, root);
    expect(noReason.status).toBe(2);
    expect(noReason.stderr).toMatch(/missing the reason it was cancelled \(--reason\)/);
    const attended = await runInProcess([...CANCELLED, '--reason', REASON, '--attendees', 'lucy.chen'], root);
    expect(attended.status).toBe(2);
    expect(attended.stderr).toMatch(/attendees: A cancelled meeting had no attendees/);
    const notCancelled = await runInProcess(['log', 'aws', '--yes', '--as-of', AS_OF, '--date', '2026-11-19', '--title', 'T', '--attendees', 'lucy.chen', '--reason', REASON], root);
    expect(notCancelled.status).toBe(2);
    expect(notCancelled.stderr).toMatch(/reason: A reason is given only for a cancelled meeting/);
    expect(existsSync(join(root, FILE))).toBe(false);
  });

  it('on a terminal, "Did it take place?" no: asks the reason, preparation and costs, never the attendees or the recording', async () => {
    const root = copyOrganisation();
    const prompter = scriptedPrompter([
      false, // it did not take place
      '2026-11-19',
      'Lambda cold starts',
      DEFAULT, // format
      DEFAULT, // planned duration
      DEFAULT, // slot
      '', // refused: a reason is needed
      REASON,
      'lucy.chen:2',
      '',
    ]);
    const code = await logMeeting('aws', { root, asOf: AS_OF, format: 'text' }, memoryIo(root, true), async () => prompter);
    expect(code).toBe(0);
    expect(prompter.remaining()).toBe(0);
    expect(prompter.refusals).toEqual(['The reason is empty.']);
    expect(prompter.asked.join('\n')).not.toMatch(/Attendees|Recording|Guest/);
    expect(parseDocument(readFileSync(join(root, FILE), 'utf8')).toJS()).toMatchObject({
      attendees: [], cancelled: true, reason: REASON, preparation: [{ person: 'lucy.chen', hours: 2 }],
    });
  });
});
