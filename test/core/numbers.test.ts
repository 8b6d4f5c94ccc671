import { describe, expect, it } from 'vitest';
import { hoursText, moneyText } from '../../src/core/numbers.js';

describe('moneyText', () => {
  it('formats in the currency, the same on every call (one formatter per currency is reused)', () => {
    expect(moneyText(41.605, 'GBP')).toBe('£41.61');
    expect(moneyText(1234.5, 'EUR')).toBe('€1,234.50');
    expect(moneyText(-3, 'GBP')).toBe('-£3.00');
    expect(moneyText(41.605, 'GBP')).toBe('£41.61');
  });

  it('falls back to the code for a currency Intl does not know, every time', () => {
    expect(moneyText(2, 'NOT A CODE')).toBe('2.00 NOT A CODE');
    expect(moneyText(2.5, 'NOT A CODE')).toBe('2.50 NOT A CODE');
  });

  it('keeps each currency apart when the same amount is printed in several (each text is kept once made)', () => {
    expect(moneyText(7, 'GBP')).toBe('£7.00');
    expect(moneyText(7, 'EUR')).toBe('€7.00');
    expect(moneyText(7, null)).toBe('7.00');
    expect(moneyText(7, 'GBP')).toBe('£7.00');
  });

  it('prints 0 and -0 as Intl does, in either order (a Map holds them as one key)', () => {
    expect(moneyText(0, 'USD')).toBe('$0.00');
    expect(moneyText(-0, 'USD')).toBe('-$0.00');
    expect(moneyText(-0, 'CHF')).toBe(new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'CHF', currencyDisplay: 'narrowSymbol' }).format(-0));
    expect(moneyText(0, 'CHF')).toBe(new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'CHF', currencyDisplay: 'narrowSymbol' }).format(0));
  });

  it('prints a plain amount without a currency', () => {
    expect(moneyText(2, null)).toBe('2.00');
    expect(moneyText(2, undefined)).toBe('2.00');
    expect(hoursText(2.25)).toBe('2.3 h');
  });
});
