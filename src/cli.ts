/**
 * The commander program: declares commands and options, and loads each command's module only
 * when it runs, so `cop --help` and `cop --version` start fast.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, UsageError } from './core/errors.js';
import { processIo, type Io } from './core/terminal.js';
import { toolVersion } from './version.js';

const DIAGNOSTIC_FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit'];

/** For repeatable options: `--cop a --cop b` → ['a', 'b']. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

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
      .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', integer)
      .option('--changed-since <ref>', 'only report findings in files changed since this git revision, and those they affect'),
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
  $ cop check --changed-since origin/main   only what a pull request touches

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or configuration error.`,
    )
    .action(async (paths: string[], options) => {
      const { check } = await import('./commands/check.js');
      setExit(await check(paths, options, io));
    });

  dataOptions(
    program
      .command('codeowners')
      .description('Generate .github/CODEOWNERS from the charters: sponsors own charters, approvers own the config and people.')
      .option('--write', 'write the generated block into .github/CODEOWNERS (lines outside it are kept)')
      .option('--check', 'exit 1 when .github/CODEOWNERS is out of date or a sponsor or approver has no GitHub handle')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text')),
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
      const { codeowners } = await import('./commands/codeowners.js');
      setExit(await codeowners(options, io));
    });

  program
    .command('diff')
    .description('Say in plain words what a change asks a reviewer to approve, and check the CoP lifecycle across it.')
    .option('--base <ref>', 'the revision to compare from (default: the merge base of HEAD with origin/HEAD, main or master)')
    .option('--head <ref>', 'the revision to compare to (default: the working tree)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--root <dir>', 'the data root (default: the nearest folder upwards holding cop.config.yaml or cops/)')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      `
Examples:
  $ cop diff                                   this branch's changes, uncommitted ones included
  $ cop diff --base origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ cop diff --base v1.0 --head v1.1 --format json

Exit codes: 0 no lifecycle problems, 1 a lifecycle problem (or the changed data has errors), 2 usage or git error.`,
    )
    .action(async (options) => {
      const { diff } = await import('./commands/diff.js');
      setExit(await diff(options, io));
    });

  dataOptions(
    program
      .command('health')
      .description('Judge every active CoP against the dissolution triggers, with the evidence and early warnings.')
      .argument('[ids...]', 'only show these CoPs')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'markdown', 'json']).default('table'))
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
Exit codes: 0 done, 1 a CoP reached the --fail-on level (or the data has errors), 2 usage or configuration error.`,
    )
    .action(async (ids: string[], options) => {
      const { health } = await import('./commands/health.js');
      setExit(await health(ids, options, io));
    });

  dataOptions(
    program
      .command('dissolve')
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
      const { dissolve } = await import('./commands/dissolve.js');
      setExit(await dissolve(id, options, io));
    });

  /** --yes, --from and --format, shared by `cop new` and `cop log` (the commands that prompt). */
  const answerOptions = (command: Command) =>
    command
      .option('-y, --yes', 'never prompt: take the answers from flags and --from, the rest from defaults')
      .option('--from <file>', 'read answers from a YAML file (flags override it)')
      .addOption(new Option('-f, --format <format>', 'output format (json implies --yes)').choices(['text', 'json']).default('text'));
  dataOptions(
    answerOptions(program
      .command('new')
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
      .option('--git', 'create the branch cop/<id> and commit the new files on it')),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop new                            answer the questions on a terminal
  $ cop new machine-learning --yes --in "Model training; evaluation" \\
      --rationale "Clients ask for ML delivery" --sponsor stacy.leblanc \\
      --members ada.lovelace,alan.turing,grace.hopper,edsger.dijkstra,barbara.liskov \\
      --goal "educate:practitioners+apprentices:Learn the basics together"
  $ cop new --from answers.yaml --yes  take the answers from a file
  $ cop new data-science --git         commit the proposal on branch cop/data-science

Exit codes: 0 written, 1 the CoP exists or the charter would not pass \`cop check\`, 2 missing or
invalid answers, 130 cancelled (Ctrl-C). Nothing is written unless the exit code is 0.`,
    )
    .action(async (id: string | undefined, options) => {
      const { newCop } = await import('./commands/new.js');
      setExit(await newCop(id, options, io));
    });

  dataOptions(
    answerOptions(program
      .command('log')
      .description("Record a meeting: cops/<cop>/meetings/<date>.yaml, with defaults from the charter.")
      .argument('<cop>', 'the CoP id')
      .option('--date <date>', 'the meeting day, YYYY-MM-DD (default: --as-of, else today)')
      .option('--title <text>', 'what the meeting was about')
      .option('--meeting-format <format>', "the interaction format (default: the charter's first)")
      .option('--duration <minutes>', "how long it lasted (default: the charter's)")
      .option('--slot <slot>', "work-hours, lunch or after-work (default: the charter's)")
      .option('--attendees <ids>', 'people from people.yaml who attended, comma-separated')
      .option('--guest <name:organisation>', 'a guest from outside (repeatable)', collect)
      .option('--prep <person:hours>', 'preparation time (repeatable)', collect)
      .option('--cost <category:amount[:description]>', 'money spent, e.g. refreshments:30:Pizza (repeatable)', collect)
      .option('--recording <url>', 'link to the published recording')
      .option('--topic <text>', 'a topic discussed (repeatable)', collect)
      .option('--notes <text>', 'free-form notes')),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop log aws                        answer the questions on a terminal
  $ cop log aws --yes --date 2026-11-19 --title "Lambda cold starts" \\
      --attendees lucy.chen,seren.howarth,kwame.asante,fatima.sheikh,arjun.mehta \\
      --cost refreshments:25:Sandwiches --recording https://video.example.com/aws/2026-11-19
  $ cop log aws --from meeting.yaml --yes

Exit codes: 0 written, 1 the meeting would not pass \`cop check\`, 2 missing or invalid answers,
130 cancelled (Ctrl-C). Warnings (no recording, refreshments over the cap) go to stderr.`,
    )
    .action(async (cop: string, options) => {
      const { logMeeting } = await import('./commands/log.js');
      setExit(await logMeeting(cop, options, io));
    });

  dataOptions(
    program
      .command('report')
      .description('Time and money against budget: per CoP, per person and for the organisation, for a month and year to date.')
      .option('--month <YYYY-MM>', 'report one month (default: the last complete month before --as-of)')
      .option('--from <YYYY-MM>', 'first month of a range (one column per month)')
      .option('--to <YYYY-MM>', 'last month of a range (default: the last complete month)')
      .option('--year [YYYY]', 'January to December, or to the last complete month (default year: that of the last complete month)')
      .option('--cop <id>', 'only this CoP (repeatable)', collect)
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
