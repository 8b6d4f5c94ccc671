import { Command } from 'commander';
import { collect, readOptions, formatOption, type CommandDefinition } from './define.js';

export const reportCommand: CommandDefinition = (io, setExit) =>
  readOptions(
    new Command('report')
      .description('Time and money against budget: per CoP, per person and for the organisation, for a month and year to date.')
      .option('--month <YYYY-MM>', 'report one month (default: the last complete month before --as-of)')
      .option('--from <YYYY-MM>', 'first month of a range (one column per month)')
      .option('--to <YYYY-MM>', 'last month of a range (default: the last complete month)')
      .option('--year [YYYY]', 'January to December, or to the last complete month (default year: that of the last complete month)')
      .option('--cop <id>', 'only this CoP (repeatable)', collect)
      .option('--sponsor <id>', 'only the CoPs this person sponsors')
      .option('--names', 'show people by name even when the policy anonymises reports')
      .option('--no-names', 'replace people with aggregates, for a view to share beyond the CoPs')
      .addOption(formatOption(['table', 'markdown', 'json', 'csv', 'finance-csv'])),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop report                                 last month, year to date, the organisation
  $ cop report --month 2026-10 --format markdown > report.md
  $ cop report --from 2026-07 --to 2026-09     one column per month
  $ cop report --year 2026 --format csv > 2026.csv
  $ cop report --year 2026 --format finance-csv > finance-2026.csv   cost centre, money per category
  $ cop report --sponsor stacy.leblanc --no-names
  $ cop report --cop aws --cop mobile --format json

Exit codes: 0 report printed, 1 files with errors were left out (named at the top; with --strict nothing is printed), 2 usage or configuration error.`,
    )
    .action(async (options) => {
      const { report } = await import('./report.js');
      setExit(await report(options, io));
    });
