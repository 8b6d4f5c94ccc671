/**
 * Calendar dates as `YYYY-MM-DD` strings, never shifted by a time zone. ISO strings compare
 * correctly as strings; month arithmetic goes through local-midnight Dates and is formatted back
 * in local time, so the zone cancels out. The Date steps are date-fns's (parseISO, addMonths,
 * addDays, lightFormat `yyyy-MM-dd`), written out here: loading its eleven modules cost every
 * command's start-up (#26); test/core/dates.test.ts holds these to date-fns's results.
 */
export type IsoDate = string;
/** `YYYY-MM` */
export type IsoMonth = string;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_RE = /^\d{4}-\d{2}$/;

const isLeapYear = (year: number) => year % 400 === 0 || (year % 4 === 0 && year % 100 !== 0);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a text of the form `YYYY-MM-DD` or `YYYY-MM` (its day the 1st) names a day on the
 * (proleptic Gregorian) calendar Date counts in: year 0000 is 1 BC there, a leap year.
 */
function dayExists(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = text.length > 7 ? Number(text.slice(8, 10)) : 1;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}

// Year 0000 is not a calendar year (there is no year 0), so it is refused.
const isRealDay = (text: string): boolean => !text.startsWith('0000') && dayExists(text);

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

/** The local midnight that begins `iso` (a date, or a month's 1st); an invalid Date when it is no calendar day. */
export function toDate(iso: IsoDate): Date {
  if (!((DATE_RE.test(iso) || MONTH_RE.test(iso)) && dayExists(iso))) return new Date(NaN);
  // Set field by field: `new Date(y, m, d)` would read years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, iso.length > 7 ? Number(iso.slice(8, 10)) : 1);
  date.setHours(0, 0, 0, 0);
  return date;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `date`'s local calendar day; a year before 1 counts back from it (year 0 is 1 BC), as date-fns writes `yyyy`. */
export function toIsoDate(date: Date): IsoDate {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid time value');
  const year = date.getFullYear();
  return `${String(year > 0 ? year : 1 - year).padStart(4, '0')}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}

export function today(): IsoDate {
  return toIsoDate(new Date());
}

export function monthOf(iso: IsoDate): IsoMonth {
  return iso.slice(0, 7);
}

/** The same day `months` months on, or the last day of that month when it is shorter. */
export function addMonthsIso(iso: IsoDate, months: number): IsoDate {
  const date = toDate(iso);
  if (Number.isNaN(months)) return toIsoDate(new Date(NaN));
  if (!months) return toIsoDate(date);
  const day = date.getDate();
  const endOfMonth = new Date(date.getTime());
  endOfMonth.setMonth(date.getMonth() + months + 1, 0);
  if (day >= endOfMonth.getDate()) return toIsoDate(endOfMonth);
  date.setFullYear(endOfMonth.getFullYear(), endOfMonth.getMonth(), day);
  return toIsoDate(date);
}

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  const date = toDate(iso);
  if (Number.isNaN(days)) return toIsoDate(new Date(NaN));
  if (days) date.setDate(date.getDate() + days);
  return toIsoDate(date);
}

/**
 * The month `months` after (or before, when negative) `month`. Whole months need no calendar, only
 * a count of months (reports and the site step through months for every CoP); anything unusual
 * (a fractional step, a year outside 0001–9999) goes the way of addMonthsIso.
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
  const groups = new Map<IsoMonth, T[]>();
  for (const item of items) {
    const month = monthOf(dateOf(item));
    const group = groups.get(month);
    if (group) group.push(item);
    else groups.set(month, [item]);
  }
  return groups;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `October 2026` (plain string work: reports label thousands of months). */
export function monthLabel(month: IsoMonth): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
