/** Options shared by the commands that read a data root, and their validation. */
import { calendarDateProblem, today, type IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import type { Io } from '../core/terminal.js';
import { loadConfig, type ConfigLoad } from '../workspace/load.js';
import { findDataRoot } from '../workspace/root.js';

export interface DataOptions {
  root?: string;
  asOf?: string;
  color?: boolean;
}

export interface DataContext {
  root: string;
  asOf: IsoDate;
  /** cop.config.yaml as read for its `as_of`, when it was: loading the data root starts from it instead of reading it again. */
  configLoad?: ConfigLoad;
}

/** A date given in a flag: a UsageError naming the flag, and a day that does not exist as such. */
export function checkDateFlag(flag: string, value: string): IsoDate {
  const problem = calendarDateProblem(value);
  if (problem) throw new UsageError(`${flag} ${value}: ${problem}.`);
  return value;
}

/**
 * The day the data is judged as of: `--as-of`, else the snapshot date cop.config.yaml's `as_of`
 * sets (the bundled example, so its findings do not grow month by month), else today. A snapshot
 * date is said on stderr, so no output passes for today's without saying so; a broken or invalid
 * `as_of` is left to `cop check`, which reports it.
 */
export function dataContext(options: DataOptions, io: Io): DataContext {
  const root = findDataRoot(io.cwd, options.root);
  if (options.asOf !== undefined) return { root, asOf: checkDateFlag('--as-of', options.asOf) };
  const configLoad = loadConfig(root);
  const snapshot = snapshotDate(configLoad);
  if (snapshot === undefined) return { root, asOf: today(), configLoad };
  // A command may ask for its context more than once (to check flags before loading): say it once.
  if (!told.has(io)) io.stderr(`cop: ${snapshotNote(snapshot)} (\`as_of\` in cop.config.yaml; --as-of overrides it).\n`);
  told.add(io);
  return { root, asOf: snapshot, configLoad };
}

const told = new WeakSet<Io>();

/** What a text output says about a snapshot date. */
const snapshotNote = (date: IsoDate) => `as of ${date}, the data root's snapshot date`;

/** cop.config.yaml's `as_of`, when it is a valid date. */
function snapshotDate({ config }: ConfigLoad): IsoDate | undefined {
  const asOf = config.as_of;
  return typeof asOf === 'string' && calendarDateProblem(asOf) === undefined ? asOf : undefined;
}
