import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junit } from '../../../src/render/diagnostics/junit.js';
import { ANSI, makeCleanReport, makeReport, ROOT, suppressedFinding } from './fixture.js';

/** What a JUnit reader sees: the document parsed by fast-xml-parser (which first validates it as well-formed XML). */
interface Case { failure?: unknown; skipped?: unknown }
interface Suite { '@_name': string; '@_tests': string; '@_failures': string; '@_skipped': string; testcase?: Case[] }
interface Suites { '@_tests': string; '@_failures': string; '@_skipped'?: string; testsuite?: Suite[] }

function parseJunit(xml: string): Suites {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' });
  const doc = parser.parse(xml) as { testsuites: Suites | '' };
  return doc.testsuites === '' ? ({ '@_tests': '0', '@_failures': '0' } as Suites) : doc.testsuites;
}

/** Every count is the number of test cases listed under it, as JUnit readers (Jenkins, GitLab, GitHub actions) count them. */
function checkCounts(xml: string): Suites {
  const root = parseJunit(xml);
  const suites = root.testsuite ?? [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const suite of suites) {
    const cases = suite.testcase ?? [];
    expect(Number(suite['@_tests']), suite['@_name']).toBe(cases.length);
    expect(Number(suite['@_failures']), suite['@_name']).toBe(cases.filter((c) => c.failure !== undefined).length);
    expect(Number(suite['@_skipped']), suite['@_name']).toBe(cases.filter((c) => c.skipped !== undefined).length);
    tests += cases.length;
    failures += Number(suite['@_failures']);
    skipped += Number(suite['@_skipped']);
  }
  expect(Number(root['@_tests'])).toBe(tests);
  expect(Number(root['@_failures'])).toBe(failures);
  expect(Number(root['@_skipped'] ?? 0)).toBe(skipped);
  return root;
}

const attribute = (xml: string, element: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);

describe('junit format', () => {
  it('is well-formed XML with a suite per file with findings and one for clean files, each count the test cases it lists', () => {
    const xml = junit(makeReport({ color: true }));
    const root = checkCounts(xml);
    expect(root.testsuite).toHaveLength(3);
    expect(attribute(xml, 'testsuites', 'name')).toEqual(['cop check']);
    expect(attribute(xml, 'testsuites', 'tests')).toEqual(['4']); // 3 findings + 1 case for the 3 clean files
    expect(attribute(xml, 'testsuites', 'failures')).toEqual(['3']);
    expect(attribute(xml, 'testsuite', 'name')).toEqual([
      'cops/aws/charter.yaml',
      'cops/data/meetings/2024-01-01.yaml',
      'files without problems',
    ]);
    expect(attribute(xml, 'testsuite', 'tests')).toEqual(['2', '1', '1']);
    expect(attribute(xml, 'testsuite', 'failures')).toEqual(['2', '1', '0']);
    expect(xml.match(/<failure /g)).toHaveLength(3);
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
    checkCounts(xml);
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('bell\uFFFD here');
  });

  it('has one passing suite when clean, and no suites for zero files', () => {
    const xml = junit(makeCleanReport());
    checkCounts(xml);
    expect(attribute(xml, 'testsuites', 'tests')).toEqual(['1']);
    expect(attribute(xml, 'testsuites', 'failures')).toEqual(['0']);
    expect(attribute(xml, 'testcase', 'name')).toEqual(['42 files without problems']);
    expect(xml).not.toContain('<failure');

    const empty = junit(makeCleanReport({ summary: { errors: 0, warnings: 0, files: 0, suppressed: 0 } }));
    checkCounts(empty);
    expect(empty).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cop check" tests="0" failures="0" errors="0" skipped="0">\n</testsuites>\n',
    );
  });

  it('lists a suppressed finding as a skipped test case with the reason, counted', () => {
    const xml = junit(makeReport({ suppressed: [suppressedFinding], summary: { ...makeReport().summary, suppressed: 1 } }));
    const root = checkCounts(xml);
    expect(root['@_skipped']).toBe('1');
    const pilot = root.testsuite!.find((suite) => suite['@_name'] === 'cops/pilot/charter.yaml');
    expect(pilot?.testcase).toHaveLength(1);
    expect(attribute(xml, 'skipped', 'message')).toEqual(['suppressed by the comment on line 2: pilot approved by the CTO']);
  });
});
