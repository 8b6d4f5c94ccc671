import { describe, expect, it } from 'vitest';
import { markdownTable, textTable } from '../../src/render/table.js';

describe('textTable', () => {
  it('aligns columns, right-aligning numbers, ignoring colour codes in widths', () => {
    const text = textTable(
      [{ header: 'CoP' }, { header: 'Hours', align: 'right' }],
      [
        ['aws', '\u001b[31m12.5\u001b[39m'],
        ['platform-engineering', '3'],
      ],
    );
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('CoP                   Hours');
    expect(lines[2]).toBe('aws                    \u001b[31m12.5\u001b[39m');
    expect(lines[3]).toBe('platform-engineering      3');
  });
});

describe('markdownTable', () => {
  it('escapes pipes and marks right-aligned columns', () => {
    expect(markdownTable([{ header: 'a' }, { header: 'n', align: 'right' }], [['x|y', '1']])).toBe('| a | n |\n| --- | ---: |\n| x\\|y | 1 |\n');
  });
});
