import { Command, Option } from 'commander';
import { dataOptions, type CommandDefinition } from './define.js';

export const dissolveCommand: CommandDefinition = (io, setExit) =>
  dataOptions(
    new Command('dissolve')
      .description("Record the decision to dissolve a CoP in its charter, keeping the file's comments and layout.")
      .argument('<id>', 'the CoP to dissolve (its folder under cops/)')
      .addOption(new Option('--reason <trigger>', 'the policy trigger that applied').choices(['low-participation', 'topics-finished', 'not-strategic']).makeOptionMandatory())
      .requiredOption('--decided-by <person>', 'who decided (a person id in people.yaml)')
      .option('--date <date>', 'the day of the decision, YYYY-MM-DD (default: --as-of, else today)')
      .option('--note <text>', 'anything the next reader should know'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop dissolve mobile --reason low-participation --decided-by aisha.bello
  $ cop dissolve mobile --reason not-strategic --decided-by priya.raman --date 2026-11-20 \\
      --note "Mobile work moved to the platform CoP."

Who decides: low-participation the CoP itself, topics-finished its coordinator, not-strategic the
CTO or sponsor. The command refuses a CoP that is not active, a person not in people.yaml, a date
before the CoP became active or after today, and any result that \`cop check\` would reject.
Exit codes: 0 recorded, 1 the result would not pass cop check (or the data has errors), 2 usage error.`,
    )
    .action(async (id: string, options) => {
      const { dissolve } = await import('./dissolve.js');
      setExit(await dissolve(id, options, io));
    });
