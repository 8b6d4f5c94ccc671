import { existsSync, lstatSync, readFileSync, readdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyOrganisation, memoryIo } from '../helpers/org-copy.js';
import { calendar } from '../../src/commands/calendar.js';

const AS_OF = ['--as-of', '2026-11-30'];

/** The local wall-clock times (in `zone`) of an event's first `count` occurrences, as ical.js expands them. */
function localTimes(text: string, uid: string, zone: string, count: number): string[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const event = new ICAL.Event(calendar.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === uid)!);
  const iterator = event.iterator();
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
  return Array.from({ length: count }, () => format.format(iterator.next()!.toJSDate()));
}

describe('cop calendar on the bundled organisation', () => {
  it('prints one calendar with every scheduled CoP, at the right local times across daylight saving', () => {
    const result = runCli(['calendar', ...AS_OF]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.match(/^UID:.*$/gm)).toEqual([
      'UID:cop-aws-meetings@harbourline-digital',
      'UID:cop-data-engineering-meetings@harbourline-digital',
      'UID:cop-platform-engineering-meetings@harbourline-digital',
    ]);
    expect(result.stdout).toContain('LOCATION:#cop-data\r\n');
    // data-engineering meets on the second Thursday at 12:00 Madrid time: 12 March (CET) and 9 April (CEST), 8 October (CEST) and 12 November (CET).
    const madrid = localTimes(result.stdout, 'cop-data-engineering-meetings@harbourline-digital', 'Europe/Madrid', 12);
    expect(madrid).toContain('2026-10-08, 12:00');
    expect(madrid).toContain('2026-11-12, 12:00');
    expect(madrid.every((t) => t.endsWith(', 12:00'))).toBe(true);
    // The CoP was activated on 1 June 2026: its series starts on the second Thursday of June.
    expect(madrid[0]).toBe('2026-06-11, 12:00');
    // aws skips Christmas week (exceptions: [2026-12-17]).
    const aws = localTimes(result.stdout, 'cop-aws-meetings@harbourline-digital', 'Europe/London', 12);
    expect(aws).toContain('2026-11-19, 12:30');
    expect(aws).not.toContain('2026-12-17, 12:30');
    expect(aws).toContain('2027-01-21, 12:30');
  });

  it('writes <id>.ics per CoP and all.ics into a folder, byte-identical on a second run', () => {
    const root = copyOrganisation();
    const out = join(root, 'public', 'calendar');
    const first = runCli(['calendar', '--out', out, ...AS_OF], { cwd: root });
    expect(first.stdout).toMatch(/^Wrote 4 calendars: /);
    expect(first.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['all.ics', 'aws.ics', 'data-engineering.ics', 'platform-engineering.ics']);
    const before = readFileSync(join(out, 'aws.ics'), 'utf8');
    expect(before.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    runCli(['calendar', '--out', out, ...AS_OF], { cwd: root });
    expect(readFileSync(join(out, 'aws.ics'), 'utf8')).toBe(before);
  });

  it('never replaces a link in place of a calendar, and says how many were written before it', () => {
    const root = copyOrganisation();
    const out = join(root, 'calendar');
    runCli(['calendar', '--out', out, ...AS_OF], { cwd: root });
    const mine = join(root, 'mine.ics');
    writeFileSync(mine, 'mine');
    unlinkSync(join(out, 'data-engineering.ics'));
    symlinkSync(mine, join(out, 'data-engineering.ics'));
    const again = runCli(['calendar', '--out', out, ...AS_OF], { cwd: root });
    expect(again.status).toBe(2);
    // aws.ics comes first, then data-engineering.ics.
    expect(again.stderr).toBe(
      `cop: cannot write ${join(out, 'data-engineering.ics')}: it is a symbolic link, not a regular file; 1 file before it was written, the rest were not: run cop calendar again once this is fixed.\n`,
    );
    expect(lstatSync(join(out, 'data-engineering.ics')).isSymbolicLink()).toBe(true);
    expect(readFileSync(mine, 'utf8')).toBe('mine');
  });

  it('writes one CoP to a file, and lists schedules with their next meeting as JSON', () => {
    const root = copyOrganisation();
    const file = runCli(['calendar', 'aws', '--out', 'aws.ics', ...AS_OF], { cwd: root });
    expect(file.stdout).toBe('Wrote aws.ics.\n');
    expect(readFileSync(join(root, 'aws.ics'), 'utf8')).toMatch(/X-WR-CALNAME:Harbourline Digital: AWS CoP/);
    const json = JSON.parse(runCli(['calendar', 'data-engineering', '--format', 'json', ...AS_OF], { cwd: root }).stdout);
    expect(json.cops).toEqual([
      {
        id: 'data-engineering',
        uid: 'cop-data-engineering-meetings@harbourline-digital',
        schedule: 'The second Thursday of every month, 12:00–13:00 (Europe/Madrid)',
        time_zone: 'Europe/Madrid',
        next_meeting: { date: '2026-12-10', start: '12:00', end: '13:00' },
      },
    ]);
  });

  it('refuses an unknown CoP and a CoP without a schedule; leaves a CoP with errors out (--strict: writes nothing)', async () => {
    // In process (the handler itself): refusals need no second process on a busy machine.
    const root = copyOrganisation();
    const io = memoryIo(root, false);
    const options = { format: 'ics' as const, asOf: '2026-11-30' };
    await expect(calendar(['aw'], options, io)).rejects.toThrow(/^There is no CoP `aw`\. Did you mean `aws`\?$/);
    await expect(calendar(['mobile'], options, io)).rejects.toThrow(/mobile\/charter\.yaml has no `format.schedule`/);
    const charter = join(root, 'cops', 'aws', 'charter.yaml');
    writeFileSync(charter, readFileSync(charter, 'utf8').replace('time_zone: Europe/London', 'time_zone: Europe/Londn'));
    // --strict: nothing is written.
    expect(await calendar([], { ...options, out: 'cal', strict: true }, io)).toBe(1);
    expect(io.err.join('')).toMatch(/`Europe\/Londn` is not an IANA time zone\. Did you mean `Europe\/London`.*schedule-time-zone/);
    expect(existsSync(join(root, 'cal'))).toBe(false);
    // By default the CoP with the broken charter is left out, said on stderr, and the exit code is 1.
    expect(await calendar([], { ...options, out: 'cal' }, io)).toBe(1);
    expect(existsSync(join(root, 'cal', 'aws.ics'))).toBe(false);
    expect(existsSync(join(root, 'cal', 'all.ics'))).toBe(true);
    expect(io.err.join('')).toContain('cops/aws/charter.yaml: the charter of aws: the whole CoP is left out');
  });
});
