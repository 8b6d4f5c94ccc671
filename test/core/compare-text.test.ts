import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/core/compare-text.js';

describe('compareText', () => {
  it('orders as localeCompare does: case and accents by collation, not by code point', () => {
    const ids = ['b-2', 'B-1', 'a', 'é', 'e', 'Z', 'agile-10', 'agile-9', ''];
    expect([...ids].sort(compareText)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(compareText('a', 'B')).toBeLessThan(0);
  });

  it('agrees with localeCompare in sign on any two strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => Math.sign(compareText(a, b)) === Math.sign(a.localeCompare(b))));
  });
});
