import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const MEMBERS = 'seren.howarth,kwame.asante,lucy.chen,fatima.sheikh,arjun.mehta';
const LOG = ['log', 'aws', '--yes', '--as-of', AS_OF, '--date', '2026-11-19', '--title', 'Lambda cold starts', '--attendees', MEMBERS, '--cost', 'refreshments:30', '--recording', 'https://video.example.com/aws/1'];
const MEETINGS = 'cops/aws/meetings';
const novemberOfAws = async (root: string) => {
  const report = await runInProcess(['report', '--month', '2026-11', '--as-of', AS_OF, '--format', 'json'], root);
  return JSON.parse(report.stdout).cops.find((c: { id: string }) => c.id === 'aws').months[0] as { meetings: number; money: { total: number } };
};

describe('cop log and a meeting logged already (rule no-duplicate-meeting)', () => {
  it('the same cop log twice: the second is refused, names the first file, and writes nothing', async () => {
    const root = copyOrganisation();
    expect((await runInProcess(LOG, root)).status).toBe(0);
    const before = readdirSync(join(root, MEETINGS)).sort();
    const again = await runInProcess(LOG, root);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      `cop: ${MEETINGS}/2026-11-19.yaml records this meeting already (the same date and title ("Lambda cold starts")); nothing was written. If a second meeting really took place, give it its own --title, or log it with --allow-duplicate "<reason>".\n`,
    );
    expect(readdirSync(join(root, MEETINGS)).sort()).toEqual(before);
  });

  it('--allow-duplicate writes it with a suppression giving the reason: cop check stays green, and the report counts both', async () => {
    const root = copyOrganisation();
    const before = await novemberOfAws(root);
    expect((await runInProcess(LOG, root)).status).toBe(0);
    const allowed = await runInProcess([...LOG, '--allow-duplicate', 'two sessions,\n morning and afternoon'], root);
    expect(allowed.status, allowed.stderr).toBe(0);
    const text = readFileSync(join(root, MEETINGS, '2026-11-19-2.yaml'), 'utf8');
    const comments = text.split('\n').filter((line) => line.startsWith('#'));
    expect(comments).toContain('# cop-disable no-duplicate-meeting -- two sessions, morning and afternoon');
    expect(parseDocument(text).errors).toEqual([]);

    const check = await runInProcess(['check', '--as-of', AS_OF, '--format', 'json'], root);
    expect(check.status).toBe(0);
    const json = JSON.parse(check.stdout);
    expect(json.diagnostics).toEqual([]);
    expect(json.suppressed).toEqual([expect.objectContaining({ ruleId: 'no-duplicate-meeting', file: `${MEETINGS}/2026-11-19-2.yaml` })]);
    // No silent de-duplication: both logs count.
    const after = await novemberOfAws(root);
    expect(after.meetings).toBe(before.meetings + 2);
    expect(after.money.total).toBe(before.money.total + 60);
  });

  it('a copy made by hand is an error of cop check, on the later file, naming the first', async () => {
    const root = copyOrganisation();
    expect((await runInProcess(LOG, root)).status).toBe(0);
    writeFileSync(join(root, MEETINGS, '2026-11-19-2.yaml'), readFileSync(join(root, MEETINGS, '2026-11-19.yaml')));
    const check = await runInProcess(['check', '--as-of', AS_OF, '--format', 'json'], root);
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout).diagnostics.map((d: { ruleId: string; file: string; message: string }) => [d.ruleId, d.file, d.message.startsWith(`This meeting repeats ${MEETINGS}/2026-11-19.yaml: `)])).toEqual([
      ['no-duplicate-meeting', `${MEETINGS}/2026-11-19-2.yaml`, true],
    ]);
  });

  it('--allow-duplicate with an empty reason is a usage error', async () => {
    const root = copyOrganisation();
    expect((await runInProcess(LOG, root)).status).toBe(0);
    const empty = await runInProcess([...LOG, '--allow-duplicate', '  '], root);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/--allow-duplicate needs a reason/);
  });
});
