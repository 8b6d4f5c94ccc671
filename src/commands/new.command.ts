import { Command } from 'commander';
import { answerOptions, collect, dataOptions, type CommandDefinition } from './define.js';

export const newCommand: CommandDefinition = (io, setExit) =>
  dataOptions(
    answerOptions(
      new Command('new')
        .description('Scaffold a proposal for a new CoP: cops/<id>/charter.yaml, status proposed.')
        .argument('[id]', 'the CoP id, a lowercase slug (asked for on a terminal when absent)')
        .option('--name <name>', 'display name (default: from the id)')
        .option('--subject <text>', 'the subject in a few words (default: the name)')
        .option('--in <item>', 'what is in scope (repeatable)', collect)
        .option('--out <item>', 'what is out of scope (repeatable)', collect)
        .option('--rationale <text>', 'why the organisation should invest')
        .option('--sponsor <person>', 'who approves time and money')
        .option('--coordinator <person>', 'the first coordinator (default: the first member)')
        .option('--rotation-months <n|none>', 'months per coordinator term, or none for a fixed leader (default: policy)')
        .option('--members <ids>', 'founding members, comma-separated (at least the policy minimum)')
        .option('--goal <type:audiences:description>', 'a goal, e.g. educate:practitioners+apprentices:Learn the basics (repeatable)', collect)
        .option('--review-by <date>', 'review date of the goals (default: three months after creation)')
        .option('--formats <list>', 'interaction formats, comma-separated (default: round-table)')
        .option('--cadence <cadence>', 'weekly, fortnightly, monthly, bimonthly or quarterly (default: monthly)')
        .option('--duration <minutes>', 'usual meeting length (default: 60)')
        .option('--slot <slot>', 'work-hours, lunch or after-work (default: lunch)')
        .option('--hours-per-month <h>', 'per-CoP work hours per month (default: 2)')
        .option('--refreshments-per-head <amount>', 'refreshments cap per head (default: policy)')
        .option('--membership <kind>', 'open or invite-only (default: policy)')
        .option('--created <date>', 'the proposal date (default: --as-of, else today)')
        .option('--git', 'create the branch cop/<id> and commit the new files on it'),
    ),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop new                            answer the questions on a terminal
  $ cop new machine-learning --yes --in "Model training; evaluation" \\
      --rationale "Clients ask for ML delivery" --sponsor stacy.leblanc \\
      --members jamie.ferguson,ben.hartley,hannah.price,ellie.watts,joe.barker \\
      --goal "educate:practitioners+apprentices:Learn the basics together"
  $ cop new --from answers.yaml --yes  take the answers from a file (docs/examples/answers.yaml)
  $ cop new --from answers.yaml --yes --git   and commit the proposal on branch cop/<id>

Exit codes: 0 written, 1 the CoP exists or the charter would not pass \`cop check\`, 2 missing or
invalid answers, 130 cancelled (Ctrl-C). Nothing is written unless the exit code is 0.`,
    )
    .action(async (id: string | undefined, options) => {
      const { newCop } = await import('./new.js');
      setExit(await newCop(id, options, io));
    });
