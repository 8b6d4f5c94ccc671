import { Command, Option } from 'commander';
import { readOptions, formatOption, type CommandDefinition } from './define.js';

export const healthCommand: CommandDefinition = (io, setExit) =>
  readOptions(
    new Command('health')
      .description('Judge every active CoP against the dissolution triggers, with the evidence and early warnings.')
      .argument('[ids...]', 'only show these CoPs')
      .addOption(formatOption(['table', 'markdown', 'json']))
      .addOption(new Option('--fail-on <level>', 'exit 1 when any CoP is at this level or worse').choices(['flagged', 'at-risk'])),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop health                             every CoP, as of today
  $ cop health --as-of 2026-11-20          reproducible: judge as of that day
  $ cop health mobile                      one CoP, with its evidence
  $ cop health --format markdown > health.md
  $ cop health --fail-on flagged           for a scheduled CI job that opens an issue

Levels: ok; at-risk (at least one unreached complete month in a row); flagged (more months than
the policy allows, or a declared trigger). Proposed and dissolved CoPs are not judged.
Exit codes: 0 done, 1 a CoP reached the --fail-on level (or files with errors were left out), 2 usage or configuration error.`,
    )
    .action(async (ids: string[], options) => {
      const { health } = await import('./health.js');
      setExit(await health(ids, options, io));
    });
