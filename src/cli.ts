/**
 * The commander program: the list of commands. Each command's definition lives beside its handler
 * (`src/commands/<name>.command.ts`) and loads the handler only when it runs, so start-up stays
 * fast.
 */
import { Command, CommanderError } from 'commander';
import type { CommandDefinition } from './commands/define.js';
import { EXIT, UsageError } from './core/errors.js';
import { reasonOf } from './core/fs-errors.js';
import { guardIo, processIo, type Io } from './core/terminal.js';
import { escapeTerminal } from './output/terminal.js';
import { toolVersion } from './core/version.js';

/**
 * Every command, in the order `cop --help` lists them, with the way to load its definition: a run
 * loads only the one it names (a module each; start-up is most of a small repository's check).
 */
const COMMANDS: [name: string, load: () => Promise<CommandDefinition>][] = [
  ['init', async () => (await import('./commands/init.command.js')).initCommand],
  ['ls', async () => (await import('./commands/ls.command.js')).lsCommand],
  ['show', async () => (await import('./commands/show.command.js')).showCommand],
  ['activate', async () => (await import('./commands/activate.command.js')).activateCommand],
  ['check', async () => (await import('./commands/check.command.js')).checkCommand],
  ['codeowners', async () => (await import('./commands/codeowners.command.js')).codeownersCommand],
  ['diff', async () => (await import('./commands/diff.command.js')).diffCommand],
  ['health', async () => (await import('./commands/health.command.js')).healthCommand],
  ['dissolve', async () => (await import('./commands/dissolve.command.js')).dissolveCommand],
  ['due', async () => (await import('./commands/due.command.js')).dueCommand],
  ['new', async () => (await import('./commands/new.command.js')).newCommand],
  ['log', async () => (await import('./commands/log.command.js')).logCommand],
  ['output', async () => (await import('./commands/output.command.js')).outputCommand],
  ['members', async () => (await import('./commands/members.command.js')).membersCommand],
  ['report', async () => (await import('./commands/report.command.js')).reportCommand],
  ['review', async () => (await import('./commands/review.command.js')).reviewCommand],
  ['rules', async () => (await import('./commands/rules.command.js')).rulesCommand],
  ['calendar', async () => (await import('./commands/calendar.command.js')).calendarCommand],
  ['site', async () => (await import('./commands/site.command.js')).siteCommand],
  ['export', async () => (await import('./commands/export.command.js')).exportCommand],
  ['readme', async () => (await import('./commands/readme.command.js')).readmeCommand],
];

/**
 * The program with every command, or with only the one `argv` names when it names one: its
 * options, help and errors are the same either way. Help for the program, `cop help <command>`
 * and an unknown command (for "did you mean") need them all.
 */
export async function buildProgram(io: Io, setExit: (code: number) => void, argv: readonly string[] = []): Promise<Command> {
  const named = COMMANDS.find(([name]) => name === argv[2]);
  const definitions = await Promise.all((named ? [named] : COMMANDS).map(([, load]) => load()));
  const program = new Command('cop')
    .description("Run your organisation's communities of practice as code.")
    .version(toolVersion(), '-v, --version')
    .showHelpAfterError('(run `cop help` for usage)')
    // The width is the io's (a terminal's columns, else commander's 80): the build renders this help once for pipes (bin/cop.js).
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, getOutHelpWidth: () => io.columns ?? 80 })
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
  for (const define of definitions) {
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

export async function main(argv: string[], given: Io = processIo()): Promise<number> {
  const io = guardIo(given);
  let code: number = EXIT.ok;
  const program = await buildProgram(io, (c) => (code = c), argv);
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
    // A message may quote data (an id, a path, a value); its own line breaks stay, each line through the plain-text layer.
    io.stderr(`cop: ${error.message.split('\n').map(escapeTerminal).join('\n')}\n`);
    return EXIT.usage;
  }
  if (io.env.COP_DEBUG) io.stderr(`${(error as Error)?.stack ?? String(error)}\n`);
  const fsError = error as NodeJS.ErrnoException;
  if (typeof fsError?.code === 'string' && typeof fsError.path === 'string') {
    // The file system said no (a full disk, a read-only mount, permissions): the user's environment, not a bug.
    io.stderr(`cop: ${escapeTerminal(fsError.path)}: ${reasonOf(fsError)}; stopped.\n`);
    return EXIT.usage;
  }
  io.stderr(`cop: internal error: ${escapeTerminal((error as Error)?.message ?? String(error))}\n(this is a bug in cop; run with COP_DEBUG=1 for details and report it)\n`);
  return EXIT.usage;
}
