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

/** An output-format option limited to `choices`, defaulting to the first. */
export function formatOption(choices: string[], description = 'output format'): Option {
  return new Option('-f, --format <format>', description).choices(choices).default(choices[0]);
}

/** --root, --as-of and --no-color, shared by every command that reads a data root. */
export function dataOptions(command: Command): Command {
  return command
    .option('--root <dir>', 'the data root (default: the nearest folder upwards holding cop.config.yaml or cops/)')
    .option('--as-of <date>', 'judge dates as of this day, YYYY-MM-DD (default: cop.config.yaml\'s as_of, else today)')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)');
}

/** --yes, --from and --format, shared by the commands that prompt. */
export function answerOptions(command: Command): Command {
  return command
    .option('-y, --yes', 'never prompt: take the answers from flags and --from, the rest from defaults')
    .option('--from <file>', 'read answers from a YAML file (flags override it)')
    .addOption(formatOption(['text', 'json'], 'output format (json implies --yes)'));
}
