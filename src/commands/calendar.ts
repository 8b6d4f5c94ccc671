/** `cop calendar [ids…] [--out FILE|DIR]`: iCalendar files of the CoPs' meeting schedules. */
import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { calendarFiles, combinedCalendar, copCalendar, eventUid, scheduledCops, type ScheduledCop } from '../calendar/ics.js';
import { describeSchedule, nextMeeting, resolveSchedule } from '../calendar/schedule.js';
import { UsageError } from '../core/errors.js';
import { suggest } from '../core/suggest.js';
import type { Io } from '../core/terminal.js';
import { escapeTerminal } from '../output/terminal.js';
import { charters, type Workspace } from '../workspace/workspace.js';
import { checkOutputPath, partWritten, writeOwnedFileAtomic } from '../workspace/write.js';
import { loadReadableWorkspace, printRead, readExit, type ReadOptions } from './load-valid.js';

export interface CalendarCommandOptions extends ReadOptions {
  out?: string;
  format: 'ics' | 'json';
}

export interface CalendarJson {
  as_of: string;
  cops: { id: string; uid: string; schedule: string; time_zone: string; next_meeting: { date: string; start: string; end: string } | null }[];
  /** Paths written, relative to the working directory; empty when the calendar went to stdout. */
  written: string[];
}

/** The CoPs asked for (all scheduled ones when none are named), refusing unknown or unscheduled ids. */
function selectCops(ws: Workspace, ids: readonly string[]): ScheduledCop[] {
  const loaded = charters(ws);
  if (ids.length === 0) return scheduledCops(loaded);
  return ids.map((id) => {
    const cop = loaded.find((c) => c.id === id);
    if (!cop) {
      const close = suggest(id, loaded.map((c) => c.id));
      throw new UsageError(`There is no CoP \`${id}\`.${close.length > 0 ? ` Did you mean \`${close[0]}\`?` : ''}`);
    }
    if (!cop.charter.format.schedule) {
      throw new UsageError(`${cop.charterFile} has no \`format.schedule\`, so \`${id}\` has no calendar: add one (see docs/commands/calendar.md).`);
    }
    return cop;
  });
}

/** `--out x.ics` is one file; any other path is a folder (created when missing). */
function isFileTarget(path: string): boolean {
  if (path.toLowerCase().endsWith('.ics')) return true;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export async function calendar(ids: string[], options: CalendarCommandOptions, io: Io): Promise<number> {
  // Before the data is loaded, so a bad --out fails at once.
  if (options.out !== undefined) checkOutputPath(resolve(io.cwd, options.out), isFileTarget(resolve(io.cwd, options.out)) ? 'file' : 'folder', options.out);
  const loaded = await loadReadableWorkspace(options, io);
  if (!loaded.ok) return loaded.exitCode;
  const { workspace: ws, context } = loaded;
  const cops = selectCops(ws, ids);
  const calendarOptions = { organisation: ws.config.organisation, stamp: context.asOf };
  const written: string[] = [];

  if (options.out !== undefined) {
    const target = resolve(io.cwd, options.out);
    if (isFileTarget(target)) {
      writeOwnedFileAtomic(target, cops.length === 1 ? copCalendar(cops[0]!, calendarOptions)! : combinedCalendar(cops, calendarOptions));
      written.push(relative(io.cwd, target));
    } else {
      for (const file of calendarFiles(cops, calendarOptions)) {
        try {
          writeOwnedFileAtomic(join(target, file.name), file.text);
        } catch (error) {
          throw partWritten(error, written.length, 'run cop calendar again once this is fixed');
        }
        written.push(relative(io.cwd, join(target, file.name)));
      }
    }
  }

  let output: string;
  if (options.format === 'json') {
    const report: CalendarJson = {
      as_of: context.asOf,
      cops: cops.map((cop) => {
        const schedule = resolveSchedule(cop.charter)!;
        const next = nextMeeting(schedule, context.asOf);
        return {
          id: cop.id,
          uid: eventUid(cop.id, ws.config.organisation),
          schedule: describeSchedule(schedule),
          time_zone: schedule.timeZone,
          next_meeting: next ? { date: next.date, start: next.start, end: next.end } : null,
        };
      }),
      written,
    };
    output = `${JSON.stringify(report, null, 2)}\n`;
  } else if (options.out === undefined) {
    output = cops.length === 1 ? copCalendar(cops[0]!, calendarOptions)! : combinedCalendar(cops, calendarOptions);
  } else {
    output = `Wrote ${escapeTerminal(written.length === 1 ? written[0]! : `${written.length} calendars: ${written.join(', ')}`)}.\n`;
  }
  // What was left out: `incomplete` in JSON, else on stderr (an .ics file has no place for it).
  await printRead(io, output, options.format, loaded.leftOut);
  if (cops.length === 0) io.stderr('No charter has a `format.schedule` yet, so the calendar has no meetings (see docs/commands/calendar.md).\n');
  return readExit(loaded.leftOut);
}
