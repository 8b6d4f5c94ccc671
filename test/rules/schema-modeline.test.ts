import { describe, expect, it } from 'vitest';
import { schemaModeline } from '../../src/rules/schema-modeline.js';
import { findModeline, withModeline } from '../../src/workspace/modeline.js';
import { textsOf } from '../../src/workspace/texts.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { runRule } from '../helpers/rule-tester.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';

const URL = 'https://unpkg.com/cops-as-code/schemas/';
const CHARTER = 'cops/aws/charter.yaml';
const MEETING = 'cops/aws/meetings/2026-10-14.yaml';

/** The aws CoP with one meeting, the two files' texts as given. */
function withTexts(charterText: string, meetingText: string): Workspace {
  const ws = workspace({ cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14')] } } });
  ws.texts = textsOf(
    new Map([
      [CHARTER, charterText],
      [MEETING, meetingText],
    ]),
  );
  return ws;
}

const good = (kind: string, ref = `${URL}${kind}.schema.json`) => `# yaml-language-server: $schema=${ref}\nid: x\n`;

describe('schema-modeline', () => {
  const valid: [string, string, string][] = [
    ['URLs', good('charter'), good('meeting')],
    ['relative paths', good('charter', '../../schemas/charter.schema.json'), good('meeting', '../../../schemas/meeting.schema.json')],
    ['after other opening comments and blank lines', `# The AWS CoP.\n\n${good('charter')}`, `\uFEFF${good('meeting')}`],
    ['CRLF line endings', good('charter').replaceAll('\n', '\r\n'), good('meeting').replaceAll('\n', '\r\n')],
  ];
  for (const [name, charterText, meetingText] of valid) {
    it(`accepts ${name}`, () => {
      expect(runRule(schemaModeline, withTexts(charterText, meetingText))).toEqual([]);
    });
  }

  it('reports a missing comment at line 1, and one below the first line of data', () => {
    const findings = runRule(schemaModeline, withTexts('id: aws\n', `date: 2026-10-14\n${good('meeting')}`));
    expect(findings.map((f) => [f.file, f.line])).toEqual([
      [CHARTER, 1],
      [MEETING, 1],
    ]);
    expect(findings[0]!.message).toContain('editors do not check it against charter.schema.json');
  });

  it('reports a comment naming another kind of file, at its line', () => {
    const findings = runRule(schemaModeline, withTexts(good('charter'), `# Notes.\n${good('charter')}`));
    expect(findings).toEqual([expect.objectContaining({ file: MEETING, line: 2, message: expect.stringContaining(`names \`${URL}charter.schema.json\`, not meeting.schema.json`) })]);
  });

  it('is silent for files whose text it does not have', () => {
    const ws = withTexts('id: aws\n', 'date: 2026-10-14\n');
    ws.texts = undefined;
    expect(runRule(schemaModeline, ws)).toEqual([]);
  });
});

describe('withModeline (the fix)', () => {
  it('adds the comment as the first line, after a byte-order mark, in the file\'s line endings', () => {
    expect(withModeline('# kept\nid: aws\n', 'x/charter.schema.json')).toBe('# yaml-language-server: $schema=x/charter.schema.json\n# kept\nid: aws\n');
    expect(withModeline('\uFEFFid: aws\r\n', 'c.json')).toBe('\uFEFF# yaml-language-server: $schema=c.json\r\nid: aws\r\n');
  });

  it('corrects a wrong comment in place, keeping every other line', () => {
    const text = '# The AWS CoP.\r\n# yaml-language-server: $schema=../../schemas/charter.schema.json\r\ndate: 2026-10-14 # kept\r\n';
    const fixed = withModeline(text, '../../../schemas/meeting.schema.json');
    expect(fixed).toBe('# The AWS CoP.\r\n# yaml-language-server: $schema=../../../schemas/meeting.schema.json\r\ndate: 2026-10-14 # kept\r\n');
    expect(findModeline(fixed)).toEqual({ line: 2, ref: '../../../schemas/meeting.schema.json' });
  });

  it('keeps the text after a wrong comment\'s reference on the same line (issue #22 row 8)', () => {
    const text = '  #  yaml-language-server: $schema=old/charter.schema.json   # pinned: see docs/ci.md ($schema=x)\nid: aws\n';
    const fixed = withModeline(text, 'https://unpkg.com/cops-as-code/schemas/charter.schema.json');
    expect(fixed).toBe('  #  yaml-language-server: $schema=https://unpkg.com/cops-as-code/schemas/charter.schema.json   # pinned: see docs/ci.md ($schema=x)\nid: aws\n');
    expect(findModeline(fixed)).toEqual({ line: 1, ref: 'https://unpkg.com/cops-as-code/schemas/charter.schema.json' });
  });
});
