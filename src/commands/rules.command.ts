import { Command } from 'commander';
import { formatOption, type CommandDefinition } from './define.js';

export const rulesCommand: CommandDefinition = (io, setExit) =>
  new Command('rules')
    .description('List the lint rules with their default severity.')
    .addOption(formatOption(['table', 'json']))
    .action(async (options: { format: 'table' | 'json' }) => {
      const { listRules } = await import('./rules.js');
      setExit(listRules(options, io));
    });
