import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { FILE_START, locate } from '../../src/workspace/locate.js';

const TEXT = [
  '# a comment line',
  'id: aws',
  'coordinator:',
  '  rotation_months: 3',
  '  terms:',
  '    - person: p2',
  '      from: 2026-10-01',
  'members: [p1, p2, p3]',
  '2026: numeric key',
  '',
].join('\n');

function open(text: string) {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { version: '1.2', lineCounter: lines }), lines };
}

describe('locate', () => {
  const { doc, lines } = open(TEXT);

  it('finds a top-level value', () => {
    expect(locate(doc, lines, ['id'])).toEqual({ start: { line: 2, column: 5 }, end: { line: 2, column: 8 } });
  });

  it('finds the key instead when asked', () => {
    expect(locate(doc, lines, ['id'], true)).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 3 } });
    expect(locate(doc, lines, ['coordinator', 'terms'], true).start).toEqual({ line: 5, column: 3 });
  });

  it('follows mappings and sequence indexes', () => {
    expect(locate(doc, lines, ['coordinator', 'terms', 0, 'from']).start).toEqual({ line: 7, column: 13 });
    expect(locate(doc, lines, ['coordinator', 'terms', 0]).start).toEqual({ line: 6, column: 7 });
    expect(locate(doc, lines, ['members', 2])).toEqual({ start: { line: 8, column: 19 }, end: { line: 8, column: 21 } });
  });

  it('matches a numeric key by its text', () => {
    expect(locate(doc, lines, ['2026']).start).toEqual({ line: 9, column: 7 });
  });

  it('falls back to the deepest node that exists for a missing path', () => {
    expect(locate(doc, lines, ['coordinator', 'deputy']).start).toEqual({ line: 4, column: 3 });
    expect(locate(doc, lines, ['members', 7]).start).toEqual({ line: 8, column: 10 });
    expect(locate(doc, lines, ['id', 'deeper']).start).toEqual({ line: 2, column: 5 });
  });

  it('falls back to the whole document for an unknown top-level key, and for the empty path', () => {
    expect(locate(doc, lines, ['nope']).start).toEqual({ line: 2, column: 1 });
    expect(locate(doc, lines, []).start).toEqual({ line: 2, column: 1 });
  });

  it('falls back to the key of a field with an empty value', () => {
    const empty = open('id: aws\ndeputy:\n');
    const range = locate(empty.doc, empty.lines, ['deputy']);
    expect(range.start.line).toBe(2);
  });

  it('gives the start of the file for an empty document', () => {
    const empty = open('');
    expect(locate(empty.doc, empty.lines, ['id'])).toEqual(FILE_START);
    expect(FILE_START).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
  });
});
