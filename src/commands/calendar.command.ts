import { Command } from 'commander';
import { readOptions, formatOption, type CommandDefinition } from './define.js';

export const calendarCommand: CommandDefinition = (io, setExit) =>
  readOptions(
    new Command('calendar')
      .description("Write iCalendar (.ics) files of the CoPs' meeting schedules (charter `format.schedule`), right across daylight-saving changes.")
      .argument('[ids...]', 'the CoPs (default: every CoP with a schedule)')
      .option('-o, --out <file-or-dir>', 'a .ics file (one calendar), or a folder for <id>.ics per CoP plus all.ics (default: print to stdout)')
      .addOption(formatOption(['ics', 'json'], 'output format: the calendar, or json with each schedule and its next meeting')),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop calendar                           every scheduled CoP in one calendar, to stdout
  $ cop calendar aws --out aws.ics         one CoP's calendar into a file
  $ cop calendar --out calendar/           calendar/<id>.ics for each CoP, and calendar/all.ics
  $ cop calendar --format json --as-of 2026-11-30    each schedule and its next meeting

Exit codes: 0 written, 1 the data has errors, 2 usage error (an unknown CoP, or one without a schedule).`,
    )
    .action(async (ids: string[], options) => {
      const { calendar } = await import('./calendar.js');
      setExit(await calendar(ids, options, io));
    });
