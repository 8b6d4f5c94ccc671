/** Options shared by the commands that read a data root, and their validation. */
import { isIsoDate, today, type IsoDate } from '../core/dates.js';
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

export function dataContext(options: DataOptions, io: Io): DataContext {
  const asOf = options.asOf ?? today();
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of ${asOf}: expected a date written YYYY-MM-DD.`);
  return { root: findDataRoot(io.cwd, options.root), asOf };
}
