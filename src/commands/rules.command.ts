import { Command } from 'commander';
import { formatOption, type CommandDefinition } from './define.js';

export const rulesCommand: CommandDefinition = (io, setExit) =>
  new Command('rules')
    .description('List the lint rules with their default severity.')
    .addOption(formatOption(['table', 'json']))
    .addHelpText(
      'after',
      `
Examples:
  $ cop rules                          every rule, its default severity and what it checks
  $ cop rules --format json            the same, for scripts

Severities are changed in cop.config.yaml under \`rules:\` (off, warn or error).`,
    )
    .action(async (options: { format: 'table' | 'json' }) => {
      const { listRules } = await import('./rules.js');
      setExit(listRules(options, io));
    });
