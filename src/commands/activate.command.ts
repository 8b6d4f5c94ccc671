import { Command } from 'commander';
import { dataOptions, formatOption, type CommandDefinition } from './define.js';

export const activateCommand: CommandDefinition = (io, setExit) =>
  dataOptions(
    new Command('activate')
      .description("Make a proposed CoP active: set status and `activated` in its charter, keeping the file's comments and layout.")
      .argument('<id>', 'the proposed CoP (its folder under cops/)')
      .option('--date <date>', 'the day it becomes active, YYYY-MM-DD (default: --as-of, else today)')
      .option('--coordinator <person>', "the first coordinator, when no coordinator term covers that day (default: the charter's last-named coordinator)")
      .addOption(formatOption(['text', 'json'])),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop activate security                      activate the proposal as of today
  $ cop activate security --date 2026-11-20 --as-of 2026-11-20
  $ cop activate security --as-of 2026-11-20 --format json

The policy must be met: at least the minimum number of members, a sponsor, a rationale and a
goal; otherwise nothing is written and every unmet condition is listed. The merged pull request
is the approval, so the command prints what its reviewer will see (the \`cop diff\` text).
Exit codes: 0 activated, 1 the policy is not met (or the result would not pass \`cop check\`), 2 usage error.`,
    )
    .action(async (id: string, options) => {
      const { activate } = await import('./activate.js');
      setExit(await activate(id, options, io));
    });
