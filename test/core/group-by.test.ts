import { describe, expect, it } from 'vitest';
import { groupBy } from '../../src/core/group-by.js';

describe('groupBy', () => {
  it('keeps the groups in the order of their first item, and each group in the items\u2019 order', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0]);
    expect([...groups]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
  });

  it('compares keys as a Map does: 1 and "1" are two groups', () => {
    const groups = groupBy([1, '1', 1], (x) => x);
    expect(groups.get(1)).toEqual([1, 1]);
    expect(groups.get('1')).toEqual(['1']);
  });

  it('reads any iterable once, and gives an empty Map for none', () => {
    expect(groupBy([].values(), (x) => x).size).toBe(0);
    expect([...groupBy(new Set([3, 4, 5]).values(), (n) => n % 2)]).toEqual([
      [1, [3, 5]],
      [0, [4]],
    ]);
  });
});
