/**
 * A cache of values made once for each pair of keys (compared as Map keys): for values a run
 * repeats many times and never changes, such as a report's tens of thousands of person-months,
 * which hold a few hundred distinct figures.
 */
export function pairCache<V>(): (first: unknown, second: unknown, make: () => V) => V {
  const made = new Map<unknown, Map<unknown, V>>();
  return (first, second, make) => {
    let bySecond = made.get(first);
    if (!bySecond) made.set(first, (bySecond = new Map()));
    if (!bySecond.has(second)) bySecond.set(second, make());
    return bySecond.get(second)!;
  };
}
