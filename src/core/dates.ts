/**
 * Calendar dates as `YYYY-MM-DD` strings, never shifted by a time zone. ISO strings compare
 * correctly as strings; month arithmetic goes through date-fns on local-midnight Dates and is
 * formatted back in local time, so the zone cancels out.
 */
// Per-function imports: the date-fns barrel costs about 100 ms of start-up, these a few ms.
import { addDays } from 'date-fns/addDays';
import { groupBy } from './group-by.js';
import { addMonths } from 'date-fns/addMonths';
import { isValid } from 'date-fns/isValid';
import { lightFormat } from 'date-fns/lightFormat';
import { parseISO } from 'date-fns/parseISO';

export type IsoDate = string;
/** `YYYY-MM` */
export type IsoMonth = string;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_RE = /^\d{4}-\d{2}$/;

// parseISO reads a date-only string as local midnight, like every Date here; year 0000 is not a
// calendar year (there is no year 0), so it is refused.
const isRealDay = (text: string): boolean => !text.startsWith('0000') && isValid(parseISO(text));

export function isIsoDate(text: string): boolean {
  return DATE_RE.test(text) && isRealDay(text);
}

export function isIsoMonth(text: string): boolean {
  return MONTH_RE.test(text) && isRealDay(text);
}

/**
 * Why `text` is not a calendar date, or undefined when it is one: a day that does not exist
 * (`2026-02-30`) is named as such, not reported as a bad format.
 */
export function calendarDateProblem(text: string): string | undefined {
  if (!DATE_RE.test(text)) return 'expected a date written YYYY-MM-DD';
  if (isIsoDate(text)) return undefined;
  const month = text.slice(0, 7);
  const monthProblemText = calendarMonthProblem(month);
  if (monthProblemText) return monthProblemText;
  return `that date does not exist: ${monthLabel(month)} has ${daysInMonth(month)} days`;
}

/** Why `text` is not a month written YYYY-MM, or undefined when it is one. */
export function calendarMonthProblem(text: string): string | undefined {
  if (!MONTH_RE.test(text)) return 'expected a month written YYYY-MM';
  if (text.startsWith('0000')) return 'there is no year 0000: years start at 0001';
  const month = Number(text.slice(5, 7));
  return month >= 1 && month <= 12 ? undefined : `there is no month ${text.slice(5, 7)}: months run from 01 to 12`;
}

/** Days in a valid `YYYY-MM` month (28 to 31). */
function daysInMonth(month: IsoMonth): number {
  return Number(addDaysIso(`${addMonthsToMonth(month, 1)}-01`, -1).slice(8, 10));
}

export function toDate(iso: IsoDate): Date {
  return parseISO(iso);
}

export function toIsoDate(date: Date): IsoDate {
  return lightFormat(date, 'yyyy-MM-dd');
}

export function today(): IsoDate {
  return toIsoDate(new Date());
}

export function monthOf(iso: IsoDate): IsoMonth {
  return iso.slice(0, 7);
}

export function addMonthsIso(iso: IsoDate, months: number): IsoDate {
  return toIsoDate(addMonths(toDate(iso), months));
}

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  return toIsoDate(addDays(toDate(iso), days));
}

/**
 * The month `months` after (or before, when negative) `month`. Whole months need no calendar, only
 * a count of months (reports and the site step through months for every CoP); anything unusual
 * (a fractional step, a year outside 0001–9999) goes the date-fns way.
 */
export function addMonthsToMonth(month: IsoMonth, months: number): IsoMonth {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1;
  const count = year * 12 + index + months;
  const to = Math.floor(count / 12);
  if (!MONTH_RE.test(month) || index < 0 || index > 11 || !Number.isInteger(months) || to < 1 || to > 9999) return monthOf(addMonthsIso(`${month}-01`, months));
  return `${String(to).padStart(4, '0')}-${String(count - to * 12 + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthsBetween(from: IsoMonth, to: IsoMonth): IsoMonth[] {
  const months: IsoMonth[] = [];
  for (let m = from; m <= to; m = addMonthsToMonth(m, 1)) months.push(m);
  return months;
}

/** Groups items by the month of their date in one pass; each group keeps the items' order. */
export function groupByMonth<T>(items: Iterable<T>, dateOf: (item: T) => IsoDate): Map<IsoMonth, T[]> {
  return groupBy(items, (item) => monthOf(dateOf(item)));
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `October 2026` (plain string work: reports label thousands of months). */
export function monthLabel(month: IsoMonth): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
