/**
 * The commander program: the list of commands. Each command's definition lives beside its handler
 * (`src/commands/<name>.command.ts`) and loads the handler only when it runs, so `cop --help` and
 * `cop --version` start fast.
 */
import { Command, CommanderError } from 'commander';
import { activateCommand } from './commands/activate.command.js';
import { calendarCommand } from './commands/calendar.command.js';
import { checkCommand } from './commands/check.command.js';
import { codeownersCommand } from './commands/codeowners.command.js';
import type { CommandDefinition } from './commands/define.js';
import { diffCommand } from './commands/diff.command.js';
import { dissolveCommand } from './commands/dissolve.command.js';
import { dueCommand } from './commands/due.command.js';
import { healthCommand } from './commands/health.command.js';
import { initCommand } from './commands/init.command.js';
import { logCommand } from './commands/log.command.js';
import { lsCommand } from './commands/ls.command.js';
import { membersCommand } from './commands/members.command.js';
import { newCommand } from './commands/new.command.js';
import { readmeCommand } from './commands/readme.command.js';
import { reportCommand } from './commands/report.command.js';
import { reviewCommand } from './commands/review.command.js';
import { rulesCommand } from './commands/rules.command.js';
import { showCommand } from './commands/show.command.js';
import { siteCommand } from './commands/site.command.js';
import { EXIT, UsageError } from './core/errors.js';
import { reasonOf } from './core/fs-errors.js';
import { processIo, type Io } from './core/terminal.js';
import { toolVersion } from './version.js';

/** Every command, in the order `cop --help` lists them. */
const COMMANDS: CommandDefinition[] = [
  initCommand,
  lsCommand,
  showCommand,
  activateCommand,
  checkCommand,
  codeownersCommand,
  diffCommand,
  healthCommand,
  dissolveCommand,
  dueCommand,
  newCommand,
  logCommand,
  membersCommand,
  reportCommand,
  reviewCommand,
  rulesCommand,
  calendarCommand,
  siteCommand,
  readmeCommand,
];

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
  for (const define of COMMANDS) {
    // Subcommands inherit the program's output, error handling and help-after-error settings.
    program.addCommand(
      define(io, setExit)
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
        .exitOverride()
        .showHelpAfterError('(run `cop help` for usage)'),
    );
  }
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
  const fsError = error as NodeJS.ErrnoException;
  if (typeof fsError?.code === 'string' && typeof fsError.path === 'string') {
    // The file system said no (a full disk, a read-only mount, permissions): the user's environment, not a bug.
    io.stderr(`cop: ${fsError.path}: ${reasonOf(fsError)}; stopped.\n`);
    return EXIT.usage;
  }
  io.stderr(`cop: internal error: ${(error as Error)?.message ?? String(error)}\n(this is a bug in cop; run with COP_DEBUG=1 for details and report it)\n`);
  return EXIT.usage;
}
