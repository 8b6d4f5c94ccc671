import { Command } from 'commander';
import { formatOption, type CommandDefinition } from './define.js';

export const rulesCommand: CommandDefinition = (io, setExit) =>
  new Command('rules')
    .description("List the lint rules with their default severity, or print one rule's documentation.")
    .argument('[id]', 'a rule id: print its page (why, examples, options, how to suppress)')
    .addOption(formatOption(['table', 'json']))
    .addHelpText(
      'after',
      `
Examples:
  $ cop rules                          every rule, its default severity and what it checks
  $ cop rules min-members              the page of one rule: why, examples, options, how to suppress
  $ cop rules --format json            the same, for scripts

Severities are changed in cop.config.yaml under \`rules:\` (off, warn or error).`,
    )
    .action(async (id: string | undefined, options: { format: 'table' | 'json' }) => {
      const { listRules } = await import('./rules.js');
      setExit(listRules(id, options, io));
    });
