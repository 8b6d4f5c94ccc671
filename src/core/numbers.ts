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

/** `£41.61` for GBP, `41.61` without a currency. */
export function moneyText(amount: number, currency: string | null | undefined): string {
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
