import { Command } from 'commander';
import { dataOptions, formatOption, type CommandDefinition } from './define.js';

export const codeownersCommand: CommandDefinition = (io, setExit) =>
  dataOptions(
    new Command('codeowners')
      .description('Generate .github/CODEOWNERS from the charters: sponsors own charters, approvers own the config and people.')
      .option('--write', 'write the generated block into .github/CODEOWNERS (lines outside it are kept)')
      .option('--check', 'exit 1 when .github/CODEOWNERS is out of date or a sponsor or approver has no GitHub handle')
      .addOption(formatOption(['text', 'json'])),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop codeowners                     print the file --write would write
  $ cop codeowners --write             create or update .github/CODEOWNERS
  $ cop codeowners --check             in CI: fail when the file is stale, and say which lines differ

Exit codes: 0 up to date (or written), 1 stale or an owner without a GitHub handle, 2 usage or configuration error.`,
    )
    .action(async (options) => {
      const { codeowners } = await import('./codeowners.js');
      setExit(await codeowners(options, io));
    });
