import { Command, Option } from 'commander';
import { readOptions, formatOption, type CommandDefinition } from './define.js';

export const lsCommand: CommandDefinition = (io, setExit) =>
  readOptions(
    new Command('ls')
      .description('List every CoP: status, sponsor, coordinator now, members, last meeting, hours this month, health.')
      .addOption(new Option('--status <status>', 'only CoPs with this status').choices(['proposed', 'active', 'dissolved']))
      .option('--sponsor <person>', 'only the CoPs this person sponsors')
      .option('--person <person>', 'only the CoPs this person belongs to (member, core group or coordinator now)')
      .addOption(formatOption(['table', 'json', 'csv'])),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop ls                                 every CoP, as of today
  $ cop ls --status active --as-of 2026-11-20
  $ cop ls --sponsor stacy.leblanc         the CoPs one sponsor approves
  $ cop ls --person fatima.sheikh          every CoP one person belongs to
  $ cop ls --format csv > cops.csv

Hours are the month's preparation hours against the CoP's monthly budget (attendance counts
against each person's own budget: see \`cop report\`). Health is \`cop health\`'s level.
Exit codes: 0 listed (also when nothing matches), 1 files with errors were left out (named at the top; with --strict nothing is printed), 2 usage or configuration error.`,
    )
    .action(async (options) => {
      const { ls } = await import('./ls.js');
      setExit(await ls(options, io));
    });
