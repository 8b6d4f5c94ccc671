import { describe, expect, it } from 'vitest';
import { changedScope } from '../../src/lint/changed-scope.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const d = (file: string, ruleId = 'schema'): Diagnostic => ({ ruleId, severity: 'error', message: '', file, start: { line: 1, column: 1 } });
const all = [
  d('cops/aws/charter.yaml'),
  d('cops/aws/meetings/2026-10-14.yaml', 'person-exists'),
  d('cops/web/charter.yaml', 'person-exists'),
  d('cops/web/meetings/2026-10-01.yaml'),
  d('people.yaml', 'no-duplicate-people'),
  d('cop.config.yaml'),
  d('.github/CODEOWNERS', 'codeowners-current'),
  d('cops/README.md', 'readme-current'),
];
const reported = (changed: string[]) => all.filter(changedScope(changed)).map((x) => x.file);

describe('changedScope', () => {
  it('a changed meeting reports its CoP folder only', () => {
    expect(reported(['cops/aws/meetings/2026-10-14.yaml'])).toEqual(['cops/aws/charter.yaml', 'cops/aws/meetings/2026-10-14.yaml']);
  });

  it('a changed charter also reports CODEOWNERS and README findings', () => {
    expect(reported(['cops/web/charter.yaml'])).toEqual(['cops/web/charter.yaml', 'cops/web/meetings/2026-10-01.yaml', '.github/CODEOWNERS', 'cops/README.md']);
  });

  it('people.yaml reports unknown people everywhere, CODEOWNERS and the READMEs', () => {
    expect(reported(['people.yaml'])).toEqual(['cops/aws/meetings/2026-10-14.yaml', 'cops/web/charter.yaml', 'people.yaml', '.github/CODEOWNERS', 'cops/README.md']);
  });

  it('cop.config.yaml reports everything; nothing changed reports nothing', () => {
    expect(reported(['cop.config.yaml'])).toHaveLength(all.length);
    expect(reported([])).toEqual([]);
    expect(reported(['README.md'])).toEqual([]);
  });
});
