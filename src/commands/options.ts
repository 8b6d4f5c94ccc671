/** Options shared by the commands that read a data root, and their validation. */
import { calendarDateProblem, today, type IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import type { Io } from '../core/terminal.js';
import { findDataRoot } from '../workspace/root.js';

export interface DataOptions {
  root?: string;
  asOf?: string;
  color?: boolean;
}

export interface DataContext {
  root: string;
  asOf: IsoDate;
}

/** A date given in a flag: a UsageError naming the flag, and a day that does not exist as such. */
export function checkDateFlag(flag: string, value: string): IsoDate {
  const problem = calendarDateProblem(value);
  if (problem) throw new UsageError(`${flag} ${value}: ${problem}.`);
  return value;
}

export function dataContext(options: DataOptions, io: Io): DataContext {
  const asOf = options.asOf ?? today();
  checkDateFlag('--as-of', asOf);
  return { root: findDataRoot(io.cwd, options.root), asOf };
}
