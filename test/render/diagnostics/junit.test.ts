import { describe, expect, it } from 'vitest';
import { junit } from '../../../src/render/diagnostics/junit.js';
import { ANSI, makeCleanReport, makeReport, ROOT } from './fixture.js';

/**
 * A small XML well-formedness check, enough for what junit.ts writes: one declaration, balanced
 * elements, quoted attributes without raw `<` or `"`, and no raw `<` or bare `&` in text.
 * Returns the element names in document order.
 */
function checkWellFormed(xml: string): string[] {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const stack: string[] = [];
  const names: string[] = [];
  let roots = 0;
  let pos = 0;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    pos = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = m;
    const chars = text ?? attrs ?? '';
    // Every & starts an entity or character reference.
    expect(chars.replace(/&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, '')).not.toContain('&');
    if (text !== undefined) {
      if (stack.length === 0) expect(text.trim()).toBe('');
      continue;
    }
    if (closing) {
      expect(stack.pop()).toBe(name);
    } else {
      if (stack.length === 0) roots++;
      names.push(name!);
      if (!selfClosing) stack.push(name!);
    }
  }
  expect(pos).toBe(body.length); // every character was part of a token
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  return names;
}

const attribute = (xml: string, element: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);

describe('junit format', () => {
  it('is well-formed XML with a suite per file with findings and one for clean files', () => {
    const xml = junit(makeReport({ color: true }));
    const names = checkWellFormed(xml);
    expect(names.filter((n) => n === 'testsuites')).toHaveLength(1);
    expect(attribute(xml, 'testsuites', 'name')).toEqual(['cop check']);
    expect(attribute(xml, 'testsuites', 'tests')).toEqual(['6']); // 3 findings + 3 clean files
    expect(attribute(xml, 'testsuites', 'failures')).toEqual(['3']);
    expect(attribute(xml, 'testsuite', 'name')).toEqual([
      'cops/aws/charter.yaml',
      'cops/data/meetings/2024-01-01.yaml',
      'files without problems',
    ]);
    expect(attribute(xml, 'testsuite', 'tests')).toEqual(['2', '1', '3']);
    expect(attribute(xml, 'testsuite', 'failures')).toEqual(['2', '1', '0']);
    expect(names.filter((n) => n === 'failure')).toHaveLength(3);
    expect(xml).not.toMatch(ANSI);
    expect(xml).not.toContain(ROOT);
  });

  it('names test cases by rule and position, and types failures by severity', () => {
    const xml = junit(makeReport());
    expect(attribute(xml, 'testcase', 'classname')).toEqual([
      'cops/aws/charter.yaml',
      'cops/aws/charter.yaml',
      'cops/data/meetings/2024-01-01.yaml',
      'cop check',
    ]);
    expect(attribute(xml, 'testcase', 'name')).toEqual([
      'person-exists at 3:5',
      'budget-within-limit at 12:3',
      'schema at 1:1',
      '3 files without problems',
    ]);
    expect(attribute(xml, 'failure', 'type')).toEqual(['error', 'warning', 'error']);
  });

  it('escapes &, <, >, quotes and line breaks', () => {
    const xml = junit(makeReport());
    expect(attribute(xml, 'failure', 'message')[1]).toBe(
      'Budget 100% spent: travel, &lt;food&gt; &amp; &quot;misc&quot; isn&apos;t covered&#10;Plan the rest',
    );
    expect(attribute(xml, 'failure', 'message')[0]).toBe('Lead &quot;jdoe&quot; is not in people.yaml');
    expect(xml).toContain(
      '>cops/aws/charter.yaml:12:3 warning Budget 100% spent: travel, &lt;food&gt; &amp; &quot;misc&quot; isn&apos;t covered\nPlan the rest (budget-within-limit)</failure>',
    );
  });

  it('drops characters XML cannot carry', () => {
    const [finding] = makeReport().diagnostics;
    const xml = junit(makeReport({ diagnostics: [{ ...finding!, message: 'bell\u0007 here' }] }));
    checkWellFormed(xml);
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('bell\uFFFD here');
  });

  it('has one passing suite when clean, and no suites for zero files', () => {
    const xml = junit(makeCleanReport());
    checkWellFormed(xml);
    expect(attribute(xml, 'testsuites', 'tests')).toEqual(['42']);
    expect(attribute(xml, 'testsuites', 'failures')).toEqual(['0']);
    expect(attribute(xml, 'testsuite', 'tests')).toEqual(['42']);
    expect(xml).not.toContain('<failure');

    const empty = junit(makeCleanReport({ summary: { errors: 0, warnings: 0, files: 0, suppressed: 0 } }));
    checkWellFormed(empty);
    expect(empty).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cop check" tests="0" failures="0" errors="0">\n</testsuites>\n',
    );
  });
});
