import { Command, Option } from 'commander';
import { collect, formatOption, integer, type CommandDefinition } from './define.js';

export const initCommand: CommandDefinition = (io, setExit) =>
  new Command('init')
    .description('Set up a CoP data root for a new organisation, with the workflow, CODEOWNERS and templates that make pull requests the approval.')
    .argument('[dir]', 'the data root to set up (default: the current folder); a subfolder of a git repository works too')
    .option('-y, --yes', 'never prompt: take the answers from flags, the rest from the seed defaults')
    .addOption(formatOption(['text', 'json'], 'output format (json implies --yes)'))
    .option('--organisation <name>', 'the organisation\'s name (default: the folder\'s name)')
    .option('--currency <code>', 'ISO 4217 currency code (default: GBP)')
    .option('--year <yyyy>', 'the year of the first budget (default: this year)', integer)
    .option('--hours <h>', 'work hours for all CoPs this year (default: 320)')
    .option('--money <amount>', 'money for all CoPs this year (default: 1600)')
    .option('--cto <id:name:github>', 'the CTO, e.g. priya.raman:"Priya Raman":priya-raman (default: a placeholder to replace)')
    .option('--approver <id:name:github>', 'another approver besides the CTO (repeatable)', collect)
    .addOption(new Option('--leader <mode>', 'rotating coordinators, or a leader appointed by the CTO (default: rotating)').choices(['rotating', 'appointed']))
    .addOption(new Option('--membership <kind>', 'membership of a new CoP (default: invite-only)').choices(['invite-only', 'open']))
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      `
Examples:
  $ cop init                            answer the questions on a terminal
  $ cop init governance --yes           a data root in the subfolder governance/, seed defaults
  $ cop init --yes --organisation "Acme" --cto priya.raman:"Priya Raman":priya-raman \\
      --approver marcus.webb:"Marcus Webb":mwebb

Writes cop.config.yaml, people.yaml and cops/ in DIR; .github/workflows/cop.yml,
.github/pull_request_template.md, .github/CODEOWNERS, .pre-commit-config.yaml, package.json and
.gitignore at the top of the git repository (DIR itself outside one). An existing file is never
overwritten (package.json and .gitignore only gain the lines they lack), so running it again
changes nothing.

Exit codes: 0 done, 2 missing or invalid answers, 130 cancelled (Ctrl-C).`,
    )
    .action(async (dir: string | undefined, options) => {
      const { init } = await import('./init.js');
      setExit(await init(dir, options, io));
    });
