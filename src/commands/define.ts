/**
 * What every command definition shares: option parsers and option groups. Imported by the
 * `*.command.ts` files, so it must stay light (commander only): `cop --help` loads all of them.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from '../core/terminal.js';

/** Builds one command's commander definition; `setExit` records the handler's exit code. */
export type CommandDefinition = (io: Io, setExit: (code: number) => void) => Command;

export const DIAGNOSTIC_FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit'];

/** For repeatable options: `--cop a --cop b` → ['a', 'b']. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number.');
  return Number(value);
}

/** Words for a command's human-readable output: one name, `text`, everywhere; the others are accepted for it. */
const HUMAN_FORMATS = ['text', 'table', 'stylish'];

/**
 * An output-format option limited to `choices`, defaulting to the first. Where the first is the
 * human-readable output (`table`, `stylish`), help calls it `text`, and `text`, `table` and
 * `stylish` all select it, so no command refuses the word another one uses.
 */
export function formatOption(choices: string[], description = 'output format'): Option {
  const human = HUMAN_FORMATS.includes(choices[0]!) ? choices[0]! : undefined;
  if (human === undefined) return new Option('-f, --format <format>', description).choices(choices).default(choices[0]);
  const shown = ['text', ...choices.slice(1)];
  return new Option('-f, --format <format>', `${description} (choices: ${shown.map((c) => `"${c}"`).join(', ')}; "table" and "stylish" are "text" too)`)
    .default(human, '"text"')
    .argParser((value: string) => {
      if (HUMAN_FORMATS.includes(value)) return human;
      if (choices.includes(value)) return value;
      throw new InvalidArgumentError(`Allowed choices are ${shown.join(', ')}.`);
    });
}

/** --root, --as-of and --no-color, shared by every command that reads a data root. */
export function dataOptions(command: Command): Command {
  return command
    .option('--root <dir>', 'the data root (default: the nearest folder upwards holding cop.config.yaml or cops/)')
    .option('--as-of <date>', 'judge dates as of this day, YYYY-MM-DD (default: cop.config.yaml\'s as_of, else today)')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)');
}

/** The data options plus --strict, for the commands that only read (a file with errors is left out unless --strict). */
export function readOptions(command: Command): Command {
  return dataOptions(command).option('--strict', 'refuse to print anything when any file has errors (by default files with errors are left out, said at the top, and the exit code is 1)');
}

/** --yes, --from and --format, shared by the commands that prompt. */
export function answerOptions(command: Command): Command {
  return command
    .option('-y, --yes', 'never prompt: take the answers from flags and --from, the rest from defaults')
    .option('--from <file>', 'read answers from a YAML file (flags override it)')
    .addOption(formatOption(['text', 'json'], 'output format (json implies --yes)'));
}
