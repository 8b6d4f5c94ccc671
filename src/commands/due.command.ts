import { Command } from 'commander';
import { readOptions, formatOption, type CommandDefinition } from './define.js';

export const dueCommand: CommandDefinition = (io, setExit) =>
  readOptions(
    new Command('due')
      .description('What needs doing, soonest first: goal reviews, handovers, missing meetings and recordings, dissolution risks, budgets running out.')
      .option('--person <id>', 'only what this person should act on, as coordinator, sponsor, member or approver')
      .option('--within <days>', 'how far ahead to look: days (30d) or weeks (6w)', '30d')
      .addOption(formatOption(['table', 'json', 'ics'], 'output format (ics: calendar to-dos, VTODO)')),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop due                                everything due in the next 30 days, and what is overdue
  $ cop due --person seren.howarth         what one coordinator, sponsor or member should do
  $ cop due --within 6w --as-of 2026-11-20
  $ cop due --format json
  $ cop due --person lucy.chen --as-of 2026-11-20 --format ics > my-cop-todos.ics

Exit codes: 0 listed, 1 files with errors were left out (named at the top; with --strict nothing is printed), 2 usage or configuration error.`,
    )
    .action(async (options) => {
      const { due } = await import('./due.js');
      setExit(await due(options, io));
    });
