/** lineDiff (jsdiff underneath): a correct diff for any two texts, the smallest one within MAX_EDITS. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineDiff, MAX_EDITS, type LineChange } from '../../src/core/line-diff.js';

/** The new lines rebuilt from the old ones and the changes: what a correct diff must give. */
function apply(oldLines: readonly string[], changes: readonly LineChange[]): string[] {
  const out: string[] = [];
  let next = 0;
  for (const change of changes) {
    while (next < change.oldIndex) out.push(oldLines[next++]!);
    if (change.sign === '-') {
      expect(oldLines[next]).toBe(change.text);
      next++;
    } else {
      out.push(change.text);
    }
  }
  return [...out, ...oldLines.slice(next)];
}

describe('lineDiff', () => {
  it('rebuilds the new lines from the old ones for any two texts', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        expect(apply(before, lineDiff(before, after))).toEqual(after);
      }),
    );
  });

  it('is the smallest diff when a few lines change', () => {
    const before = Array.from({ length: 400 }, (_, k) => `/cops/cop-${k}/charter.yaml @s${k}`);
    const after = before.map((line, k) => (k % 100 === 50 ? `${line} @extra` : line));
    const changes = lineDiff(before, after);
    expect(changes.map((c) => `${c.sign}${c.oldIndex}`)).toEqual(['-50', '+51', '-150', '+151', '-250', '+251', '-350', '+351']);
  });

  it('replaces the middle outright when no line is common, keeping the common head and tail', () => {
    const before = ['# head', ...Array.from({ length: 1000 }, (_, k) => `/a${k} @x`), '# tail'];
    const after = ['# head', ...Array.from({ length: 1000 }, (_, k) => `/a${k}  @x`), '# tail'];
    const changes = lineDiff(before, after);
    expect(changes).toHaveLength(2000);
    expect(changes[0]).toEqual({ sign: '-', text: '/a0 @x', oldIndex: 1 });
    expect(changes[1000]).toEqual({ sign: '+', text: '/a0  @x', oldIndex: 1001 });
    expect(apply(before, changes)).toEqual(after);
  });

  it(`past ${MAX_EDITS} added and removed lines, still gives a correct diff`, () => {
    const before = Array.from({ length: 2 * MAX_EDITS }, (_, k) => `line ${k}`);
    const after = before.map((line, k) => (k % 2 === 0 ? `${line} changed` : line));
    expect(apply(before, lineDiff(before, after))).toEqual(after);
  });
});
