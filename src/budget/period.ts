/**
 * Which months a report covers: `--month`, `--from`/`--to`, `--year`, or by default the last
 * complete month before `--as-of`. Pure; bad input throws a UsageError (exit 2).
 */
import { addMonthsToMonth, monthOf, calendarMonthProblem, monthsBetween, type IsoDate, type IsoMonth } from '../core/dates.js';
import { UsageError } from '../core/errors.js';

export interface PeriodOptions {
  month?: string;
  from?: string;
  to?: string;
  /** `true` when `--year` is given without a value: the year of the last complete month. */
  year?: string | boolean;
}

/** The months a report covers, and the year-to-date window that goes with them. */
export interface Period {
  /** First month reported, YYYY-MM. */
  from: IsoMonth;
  /** Last month reported, YYYY-MM. */
  to: IsoMonth;
  /** Every month from `from` to `to`, in order. */
  months: IsoMonth[];
  /** The calendar year of `to`: year to date and the organisation's yearly budget refer to it. */
  year: number;
  /** January of `year`: the year-to-date window is `ytdFrom` … `to`. */
  ytdFrom: IsoMonth;
  asOf: IsoDate;
  /** True when `to` is the month containing `asOf`, so its figures are still incomplete. */
  partial: boolean;
}

/** The month before the one containing `asOf`. */
export function lastCompleteMonth(asOf: IsoDate): IsoMonth {
  return addMonthsToMonth(monthOf(asOf), -1);
}

export function resolvePeriod(options: PeriodOptions, asOf: IsoDate): Period {
  const { month, from, to, year } = options;
  const ranged = from !== undefined || to !== undefined;
  const yearly = year !== undefined && year !== false;
  if ([month !== undefined, ranged, yearly].filter(Boolean).length > 1) {
    throw new UsageError('choose one of --month, --from/--to and --year.');
  }
  const current = monthOf(asOf);
  const complete = lastCompleteMonth(asOf);
  const checkMonth = (flag: string, value: string): IsoMonth => {
    const problem = calendarMonthProblem(value);
    if (problem) throw new UsageError(`${flag} ${value}: ${problem}.`);
    if (value > current) throw new UsageError(`${flag} ${value} is after the as-of date ${asOf}: nothing can have been logged yet.`);
    return value;
  };
  let first: IsoMonth;
  let last: IsoMonth;
  if (month !== undefined) {
    first = last = checkMonth('--month', month);
  } else if (ranged) {
    const end = to !== undefined ? checkMonth('--to', to) : undefined;
    first = from !== undefined ? checkMonth('--from', from) : `${end!.slice(0, 4)}-01`;
    last = end ?? (first > complete ? first : complete);
    if (first > last) throw new UsageError(`--from ${first} is after --to ${last}.`);
  } else if (yearly) {
    const y = year === true ? complete.slice(0, 4) : String(year);
    if (!/^\d{4}$/.test(y)) throw new UsageError(`--year ${y}: expected a year written YYYY.`);
    first = `${y}-01`;
    last = `${y}-12` < complete ? `${y}-12` : complete;
    if (first > last) {
      throw new UsageError(`--year ${y}: no month of ${y} is complete as of ${asOf}; use --month ${current} for the month so far.`);
    }
  } else {
    first = last = complete;
  }
  return {
    from: first,
    to: last,
    months: monthsBetween(first, last),
    year: Number(last.slice(0, 4)),
    ytdFrom: `${last.slice(0, 4)}-01`,
    asOf,
    partial: last === current,
  };
}
