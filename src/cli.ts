/**
 * The commander program: declares commands and options, and loads each command's module only
 * when it runs, so `cop --help` and `cop --version` start fast.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, UsageError } from './core/errors.js';
import { processIo, type Io } from './core/terminal.js';
import { toolVersion } from './version.js';

const DIAGNOSTIC_FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit'];

function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number.');
  return Number(value);
}

/** --root, --as-of and --no-color, shared by every command that reads a data root. */
function dataOptions(command: Command): Command {
  return command
    .option('--root <dir>', 'the data root (default: the nearest folder upwards holding cop.config.yaml or cops/)')
    .option('--as-of <date>', 'judge dates as of this day, YYYY-MM-DD (default: today)')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)');
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('cop')
    .description("Run your organisation's communities of practice as code.")
    .version(toolVersion(), '-v, --version')
    .showHelpAfterError('(run `cop help` for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ cop check                     lint every charter and meeting log (CI runs this)
  $ cop check --format github     the same, as GitHub Actions annotations
  $ cop rules                     the lint rules and their severities
  $ cop help check                everything about one command

The data root is the nearest folder upwards holding cop.config.yaml or cops/ (or --root DIR).
Exit codes: 0 success, 1 findings, 2 usage or configuration error.`,
    );

  dataOptions(
    program
      .command('check')
      .description('Validate charters, meeting logs, people and config; run the lint rules.')
      .argument('[paths...]', 'only report findings in these files or folders')
      .addOption(new Option('-f, --format <format>', 'output format').choices(DIAGNOSTIC_FORMATS).default('stylish'))
      .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', integer),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop check                          check the whole data root
  $ cop check cops/aws                 only report findings in one CoP
  $ cop check --format github          annotations for a GitHub Actions job
  $ cop check --format sarif > cop.sarif
  $ cop check --max-warnings 0         fail on warnings too

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or configuration error.`,
    )
    .action(async (paths: string[], options) => {
      const { check } = await import('./commands/check.js');
      setExit(await check(paths, options, io));
    });

  dataOptions(
    program
      .command('report')
      .description('Time and money against budget: per CoP, per person and for the organisation, for a month and year to date.')
      .option('--month <YYYY-MM>', 'report one month (default: the last complete month before --as-of)')
      .option('--from <YYYY-MM>', 'first month of a range (one column per month)')
      .option('--to <YYYY-MM>', 'last month of a range (default: the last complete month)')
      .option('--year [YYYY]', 'January to December, or to the last complete month (default year: that of the last complete month)')
      .option('--cop <id>', 'only this CoP (repeatable)', (id: string, ids: string[] = []) => [...ids, id])
      .option('--sponsor <id>', 'only the CoPs this person sponsors')
      .option('--names', 'show people by name even when the policy anonymises reports')
      .option('--no-names', 'replace people with aggregates, for a view to share beyond the CoPs')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'markdown', 'json', 'csv']).default('table')),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop report                                 last month, year to date, the organisation
  $ cop report --month 2026-10 --format markdown > report.md
  $ cop report --from 2026-07 --to 2026-09     one column per month
  $ cop report --year 2026 --format csv > 2026.csv
  $ cop report --sponsor stacy.leblanc --no-names
  $ cop report --cop aws --cop mobile --format json

Exit codes: 0 report printed, 1 the data has errors (as \`cop check\` prints them), 2 usage or configuration error.`,
    )
    .action(async (options) => {
      const { report } = await import('./commands/report.js');
      setExit(await report(options, io));
    });

  program
    .command('rules')
    .description('List the lint rules with their default severity.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (options: { format: 'table' | 'json' }) => {
      const { listRules } = await import('./commands/rules.js');
      setExit(listRules(options, io));
    });

  return program;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here too, with exit code 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UsageError) {
    io.stderr(`cop: ${error.message}\n`);
    return EXIT.usage;
  }
  if (io.env.COP_DEBUG) io.stderr(`${(error as Error)?.stack ?? String(error)}\n`);
  io.stderr(`cop: internal error: ${(error as Error)?.message ?? String(error)}\n(this is a bug in cop; run with COP_DEBUG=1 for details and report it)\n`);
  return EXIT.usage;
}
