import { Command } from 'commander';
import { dataOptions, formatOption, type CommandDefinition } from './define.js';

export const readmeCommand: CommandDefinition = (io, setExit) =>
  dataOptions(
    new Command('readme')
      .description('Generate cops/README.md (an index) and cops/<id>/README.md (summary, next meeting, how to join, coordinator, sponsor) from the data.')
      .option('--write', 'write the generated blocks (text outside the markers is kept)')
      .option('--check', 'exit 1 when a README is missing or out of date with the data, and show the lines that differ')
      .addOption(formatOption(['text', 'json'])),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop readme                          say which READMEs are missing or out of date
  $ cop readme --write                  create or update them (as of today, or --as-of)
  $ cop readme --check                  in CI: fail when one is missing or out of date, and show the difference
  $ cop readme --format json            each README's state as JSON

Each README records the day it was written for, and --check (and the rule readme-current in
cop check) compares it with the data as of that day: it goes stale when the data changes, not
when a day passes. A rewrite that would change only that day leaves the file alone.
Exit codes: 0 up to date (or written), 1 missing or out of date with --check, 2 usage or configuration error.`,
    )
    .action(async (options) => {
      const { readme } = await import('./readme.js');
      setExit(await readme(options, io));
    });
