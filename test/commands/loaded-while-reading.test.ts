/**
 * A read command's renderer is loaded while the data is read (loadedWhileReading, `onReading`):
 * once, when the first files are read, and the same promise when the command asks for it after.
 */
import { describe, expect, it } from 'vitest';
import { loadedWhileReading, loadReadableCops } from '../../src/commands/load-valid.js';
import { AS_OF, copyOrganisation, memoryIo } from '../helpers/org-copy.js';

describe('loadedWhileReading', () => {
  it('loads once, when the reading starts, and gives that load when asked after', async () => {
    const loads: number[] = [];
    const renderer = loadedWhileReading(async () => loads.push(loads.length + 1));
    expect(loads).toEqual([]);
    renderer.onReading();
    renderer.onReading();
    const first = renderer.loaded();
    expect(await first).toBe(1);
    expect(renderer.loaded()).toBe(first);
    expect(loads).toEqual([1]);
  });

  it('loads when first asked for if the reading never said it started', async () => {
    const renderer = loadedWhileReading(async () => 'drawn');
    expect(await renderer.loaded()).toBe('drawn');
  });
});

describe('onReading in a real load', () => {
  it('is called once, while the data is read: before the load has finished', async () => {
    const root = copyOrganisation();
    const calls: string[] = [];
    const loading = loadReadableCops({ root, asOf: AS_OF }, memoryIo(root, false), { kind: 'health' }, undefined, () => calls.push('reading'));
    const load = await loading.then((result) => {
      calls.push('loaded');
      return result;
    });
    expect(load.ok).toBe(true);
    expect(calls).toEqual(['reading', 'loaded']);
  });
});
