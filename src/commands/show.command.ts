import { Command } from 'commander';
import { readOptions, formatOption, type CommandDefinition } from './define.js';

export const showCommand: CommandDefinition = (io, setExit) =>
  readOptions(
    new Command('show')
      .description('One CoP on one screen: scope, goals, sponsor, coordinator and handover, members, format, last meetings, budget, health.')
      .argument('<id>', 'the CoP (its folder under cops/)')
      .addOption(formatOption(['text', 'json'])),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop show aws                           the AWS CoP as of today
  $ cop show mobile --as-of 2026-11-20     reproducible, with the evidence of its health level
  $ cop show security --format json        the view model, for scripts

Figures are those of \`cop report\` for the month of --as-of and the year to date; health is
\`cop health\`'s. JSON: { asOf, currency, policy, cop } with cop as documented in docs/commands/show.md.
Exit codes: 0 shown, 1 files with errors were left out (named at the top; with --strict nothing is printed), 2 no such CoP, usage or configuration error.`,
    )
    .action(async (id: string, options) => {
      const { show } = await import('./show.js');
      setExit(await show(id, options, io));
    });
