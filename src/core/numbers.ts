/** How figures are printed: hours to one decimal, percentages whole, money in the organisation's currency. */

/** The text of each figure of hours met so far: a report prints the same few in thousands of cells. */
const hoursTexts = new Map<number, string>();

/** `5.5 h`, `2 h` (one decimal at most). */
export function hoursText(hours: number): string {
  let text = hoursTexts.get(hours);
  if (text === undefined) hoursTexts.set(hours, (text = `${trim(hours, 1)} h`));
  return text;
}

/** `138%` */
export function percentText(percent: number): string {
  return `${Math.round(percent)}%`;
}

/**
 * One formatter per currency code (null: not a code Intl knows). Building an Intl.NumberFormat
 * costs far more than formatting with one, and a report or site formats a figure per cell.
 */
const currencyFormats = new Map<string, Intl.NumberFormat | null>();

function currencyFormat(currency: string): Intl.NumberFormat | null {
  if (!currencyFormats.has(currency)) {
    let format: Intl.NumberFormat | null;
    try {
      format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    } catch {
      format = null;
    }
    currencyFormats.set(currency, format);
  }
  return currencyFormats.get(currency)!;
}

/** The text of each amount in each currency ('' for none) so far: a report prints the same amounts in thousands of cells. */
const moneyTexts = new Map<string, Map<number, string>>();

/** `£41.61` for GBP, `41.61` without a currency. */
export function moneyText(amount: number, currency: string | null | undefined): string {
  // A Map holds 0 and -0 as one key, and Intl prints -0 as `-£0.00`.
  if (Object.is(amount, -0)) return formatMoney(amount, currency);
  let texts = moneyTexts.get(currency ?? '');
  if (!texts) moneyTexts.set(currency ?? '', (texts = new Map()));
  let text = texts.get(amount);
  if (text === undefined) texts.set(amount, (text = formatMoney(amount, currency)));
  return text;
}

function formatMoney(amount: number, currency: string | null | undefined): string {
  if (currency) {
    const format = currencyFormat(currency);
    return format ? format.format(amount) : `${amount.toFixed(2)} ${currency}`;
  }
  return amount.toFixed(2);
}

/** A number rounded to `decimals`, without trailing zeros and never `-0`. */
export function trim(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  return String(rounded === 0 ? 0 : rounded);
}
