/**
 * Issue #22 row 9: `all.ics` is the combined calendar beside each CoP's `<id>.ics`, so a CoP with
 * id `all` would be overwritten by it. The charter schema refuses the reserved ids with a message,
 * `cop new` refuses them, `check --fix` never copies a reserved folder name into an id, and no
 * read command writes calendars for such data.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMBINED_CALENDAR_ID, RESERVED_COP_IDS } from '../../src/calendar/reserved.js';
import { calendarFiles } from '../../src/calendar/ics.js';
import { createValidator, readSchema } from '../../src/schema/validator.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';
import { charter } from '../helpers/workspace.js';

describe('reserved CoP ids', () => {
  it('are the ones the charter schema refuses, and include the combined calendar’s name', () => {
    const copId = (readSchema('common').$defs as Record<string, { not: { enum: string[] } }>).copId!;
    expect(copId.not.enum).toEqual([...RESERVED_COP_IDS]);
    expect(RESERVED_COP_IDS).toContain(COMBINED_CALENDAR_ID);
    const schedule = { frequency: 'weekly' as const, weekday: 'monday' as const, time: '10:00', time_zone: 'Europe/London' };
    const base = charter('aws');
    const names = calendarFiles([{ id: 'aws', charterFile: 'cops/aws/charter.yaml', charter: { ...base, format: { ...base.format, schedule } } }], { stamp: AS_OF }).map((f) => f.name);
    expect(names).toEqual(['aws.ics', `${COMBINED_CALENDAR_ID}.ics`]);
  });

  it('a charter with id `all` fails validation with a message that says why', () => {
    const issues = createValidator()('charter', charter('all'));
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      [['id'], '`id` is reserved: `all.ics` is the combined calendar of every CoP (cop calendar, cop site); choose another id, and name the folder after it (found "all").'],
    ]);
    // The shared slug definition (goal ids) is not affected.
    expect(createValidator()('charter', { ...charter('aws'), goals: [{ ...charter('aws').goals![0]!, id: 'all' }] })).toEqual([]);
  });

  it('cop check reports cops/all/, --fix does not copy the folder name into the id, and cop calendar leaves that CoP out (--strict: writes nothing)', async () => {
    const root = copyOrganisation();
    renameSync(join(root, 'cops', 'aws'), join(root, 'cops', 'all'));
    const file = join(root, 'cops', 'all', 'charter.yaml');
    const check = await runInProcess(['check', '--root', root, '--as-of', AS_OF], root);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/cops\/all\/charter\.yaml\n.*whose name is reserved: `all\.ics` is the combined calendar.*rename the folder to `cops\/aws\/`/);
    expect((await runInProcess(['check', '--fix', '--root', root, '--as-of', AS_OF], root)).status).toBe(1);
    expect(readFileSync(file, 'utf8')).toMatch(/^id: aws$/m);

    writeFileSync(file, readFileSync(file, 'utf8').replace(/^id: aws$/m, 'id: all'));
    const out = join(root, 'calendar');
    const strict = await runInProcess(['calendar', '--root', root, '--as-of', AS_OF, '--out', out, '--strict'], root);
    expect(strict.status).toBe(1);
    expect(strict.stdout + strict.stderr).toContain('`id` is reserved: `all.ics` is the combined calendar');
    expect(existsSync(out)).toBe(false);
    // Without --strict the CoP in error is left out, said so, and all.ics is only the combined calendar.
    const calendar = await runInProcess(['calendar', '--root', root, '--as-of', AS_OF, '--out', out], root);
    expect(calendar.status).toBe(1);
    expect(calendar.stderr).toContain('cops/all/charter.yaml: the charter of all: the whole CoP is left out');
    expect(readFileSync(join(out, 'all.ics'), 'utf8')).toContain('X-WR-CALNAME');
    expect(readdirSync(out).filter((f) => f === 'all.ics')).toHaveLength(1);
  });
});
