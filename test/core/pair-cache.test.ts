import { describe, expect, it } from 'vitest';
import { pairCache } from '../../src/core/pair-cache.js';

describe('pairCache', () => {
  it('makes a value once for each pair of keys, and tells pairs apart by both keys', () => {
    const cache = pairCache<{ a: number; b: string }>();
    let made = 0;
    const get = (a: number, b: string) => cache(a, b, () => ({ a, b, n: ++made }));
    const first = get(1, 'x');
    expect(get(1, 'x')).toBe(first);
    expect(get(1, 'y')).not.toBe(first);
    expect(get(2, 'x')).toEqual({ a: 2, b: 'x', n: 3 });
    expect(made).toBe(3);
  });

  it('keeps a value that is undefined rather than making it again', () => {
    const cache = pairCache<undefined>();
    let made = 0;
    cache(0, 0, () => void made++);
    cache(0, 0, () => void made++);
    expect(made).toBe(1);
  });
});
