import { describe, expect, it } from 'vitest';
import { escapeGithubData, escapeGithubProperty, github } from '../../../src/render/diagnostics/github.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { ANSI, makeCleanReport, makeReport } from './fixture.js';

describe('github format', () => {
  it('prints one workflow command per finding, sorted, then a summary', () => {
    expect(github(makeReport({ color: true })).split('\n')).toEqual([
      '::error file=cops/aws/charter.yaml,line=3,col=5,endLine=3,endColumn=9,title=person-exists::Lead "jdoe" is not in people.yaml',
      `::warning file=cops/aws/charter.yaml,line=12,col=3,endLine=12,endColumn=17,title=budget-within-limit::Budget 100%25 spent: travel, <food> & "misc" isn't covered%0APlan the rest`,
      `::error file=cops/data/meetings/2024-01-01.yaml,line=1,col=1,title=schema::must have required property 'date'`,
      '3 problems (2 errors, 1 warning) in 5 files.',
      '',
    ]);
  });

  it('escapes messages and property values as GitHub requires', () => {
    expect(escapeGithubData('100%\r\n: a,b')).toBe('100%25%0D%0A: a,b');
    expect(escapeGithubProperty('100%\r\n: a,b')).toBe('100%25%0D%0A%3A a%2Cb');
    // `%` is escaped first, so an existing escape sequence is not mistaken for one.
    expect(escapeGithubData('%0A')).toBe('%250A');

    const odd: Diagnostic = {
      ruleId: 'x:y,z',
      severity: 'warn',
      message: 'a\nb',
      file: 'cops/a,b:c/100%.yaml',
      start: { line: 1, column: 2 },
    };
    const [line] = github(makeReport({ diagnostics: [odd] })).split('\n');
    expect(line).toBe('::warning file=cops/a%2Cb%3Ac/100%25.yaml,line=1,col=2,title=x%3Ay%2Cz::a%0Ab');
  });

  it('never lets a message break out of its line', () => {
    const lines = github(makeReport()).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(github(makeReport())).not.toMatch(ANSI);
  });

  it('prints only the summary when clean', () => {
    expect(github(makeCleanReport())).toBe('No problems in 42 files.\n');
  });
});
