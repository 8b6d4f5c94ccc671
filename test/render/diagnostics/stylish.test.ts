import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { stylish } from '../../../src/render/diagnostics/stylish.js';
import { summarise } from '../../../src/model/diagnostic.js';
import { ANSI, findings, makeCleanReport, makeReport, ROOT, suppressedFinding } from './fixture.js';

describe('stylish format', () => {
  it('groups findings by file, sorted, with aligned positions and severities and a summary', async () => {
    const out = await stylish(makeReport());
    expect(out).toBe(
      [
        'cops/aws/charter.yaml',
        // No message is padded to the longest; a line break in a message is shown, not obeyed.
        `  3:5   error    Lead "jdoe" is not in people.yaml  person-exists`,
        `  12:3  warning  Budget 100% spent: travel, <food> & "misc" isn't covered\\u000APlan the rest  budget-within-limit`,
        '',
        'cops/data/meetings/2024-01-01.yaml',
        `  1:1  error  must have required property 'date'  schema`,
        '',
        '✖ 3 problems (2 errors, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('ends a file\'s findings with a note naming the rules it kept from running', async () => {
    const out = await stylish({ ...makeReport(), skipped: [{ file: 'cops/data/meetings/2024-01-01.yaml', rules: ['member-inactive'] }] });
    const lines = out.split('\n');
    const at = lines.indexOf('cops/data/meetings/2024-01-01.yaml');
    expect(lines.slice(at, at + 3)).toEqual([
      'cops/data/meetings/2024-01-01.yaml',
      `  1:1  error  must have required property 'date'  schema`,
      '  note: 1 rule skipped for this file until it is fixed: member-inactive',
    ]);
    expect(out.match(/note:/g)).toHaveLength(1);
  });

  it('prints no colour codes unless asked', async () => {
    expect(await stylish(makeReport())).not.toMatch(ANSI);
    expect(await stylish(makeCleanReport())).not.toMatch(ANSI);
  });

  it('colours errors red, warnings yellow and rule ids dim when color is true', async () => {
    const out = await stylish(makeReport({ color: true }));
    expect(out).toMatch(ANSI);
    expect(out).toContain('\u001b[31merror');
    expect(out).toContain('\u001b[33mwarning');
    expect(out).toContain('\u001b[2mperson-exists\u001b[22m');
    expect(out).toContain('\u001b[4mcops/aws/charter.yaml\u001b[24m');
    // Stripped of colour, the text is the same as without colour.
    // eslint-disable-next-line no-control-regex
    expect(out.replace(/\u001b\[[0-9;]*m/g, '')).toBe(await stylish(makeReport()));
  });

  it('summarises with the right plurals and warning colour when there are only warnings', async () => {
    const report = makeReport({
      diagnostics: [makeReport().diagnostics[1]!],
      summary: { errors: 0, warnings: 1, files: 5, suppressed: 0 },
      color: true,
    });
    const out = await stylish(report);
    expect(out).toContain('✖ 1 problem (0 errors, 1 warning)');
    expect(out).toContain('\u001b[33m\u001b[1m✖');
  });

  it('says so when there are no problems', async () => {
    expect(await stylish(makeCleanReport())).toBe('✔ No problems in 42 files.\n');
    expect(await stylish(makeCleanReport({ summary: { errors: 0, warnings: 0, files: 1, suppressed: 0 } }))).toBe(
      '✔ No problems in 1 file.\n',
    );
    // Without colour the line is written without chalk; with colour, only the tick is painted.
    expect(await stylish(makeCleanReport({ color: true }))).toBe('\u001b[32m✔\u001b[39m No problems in 42 files.\n');
  });

  it('counts suppressed findings in the summary without listing them', async () => {
    const out = await stylish(makeReport({ suppressed: [suppressedFinding], summary: summarise(findings, 5, 1) }));
    expect(out).toContain('✖ 3 problems (2 errors, 1 warning), 1 suppressed\n');
    expect(out).not.toContain('cops/pilot/charter.yaml');
    expect(await stylish(makeCleanReport({ summary: summarise([], 42, 2) }))).toBe('✔ No problems in 42 files, 2 suppressed.\n');
  });

  it('links a rule id to its page with an OSC 8 hyperlink only when the terminal shows them', async () => {
    const link = '\u001b]8;;https://docs.example.com/rules/person-exists.md\u0007person-exists\u001b]8;;\u0007';
    expect(await stylish(makeReport({ color: true, hyperlinks: true }))).toContain(link);
    const plain = await stylish(makeReport({ color: true, hyperlinks: false }));
    expect(plain).not.toContain('\u001b]8;;');
    expect(plain).toContain('person-exists');
  });

  it('never prints the absolute data root', async () => {
    expect(await stylish(makeReport())).not.toContain(ROOT);
    expect(await stylish(makeCleanReport())).not.toContain(ROOT);
  });

  it('shows a key that holds a line break and a workflow command on the finding\'s own line, and escape sequences as text', async () => {
    const [first] = makeReport().diagnostics;
    const out = await stylish(
      makeReport({
        color: true,
        diagnostics: [{ ...first!, message: 'Unknown field `x\n::warning::forged\u001b]52;c;ZXZpbA==\u0007\u001b[8m`.' }],
        summary: { errors: 1, warnings: 0, files: 1, suppressed: 0 },
      }),
    );
    expect(out.split('\n').filter((line) => /^\s*::/.test(line))).toEqual([]);
    // eslint-disable-next-line no-control-regex
    expect(out.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('Unknown field `x\\u000A\\u003A:warning::forged\\u001B]52;c;ZXZpbA==\\u0007\\u001B[8m`.');
  });
});

describe('stylish format within a width', () => {
  const long = 'Goal 2 of the charter has no review date, so nobody knows when the CoP and its sponsor look at it again';
  const ruleIds = ['goal-review-due', 'charter-id-matches-folder'];
  const report = () => {
    const [first] = makeReport().diagnostics;
    return makeReport({
      diagnostics: ruleIds.map((ruleId, i) => ({ ...first!, ruleId, message: i === 0 ? long : 'Short.', start: { line: 10 + i, column: 3 } })),
      summary: { errors: 2, warnings: 0, files: 1, suppressed: 0 },
    });
  };

  it.each([100, 60])('wraps to %i columns between words, under the message, with every rule id whole', async (width) => {
    const out = await stylish({ ...report(), width });
    const lines = out.trimEnd().split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
    for (const id of ruleIds) expect(lines.some((line) => line.endsWith(id)), id).toBe(true);
    // The message's words are all there, in order, and continuation lines sit under the message column.
    const messageColumn = lines[1]!.indexOf('Goal');
    const continued = lines.slice(2).filter((line) => line.startsWith(' '.repeat(messageColumn)) && !line.includes('Short.'));
    expect(continued.length).toBeGreaterThan(0);
    expect([lines[1]!.slice(messageColumn), ...continued.map((line) => line.trim())].join(' ').replace(/ {2,}/g, ' ')).toBe(`${long} goal-review-due`);
    // A short finding is not padded to the long one.
    expect(lines.find((line) => line.includes('Short.'))).toMatch(/Short\.  charter-id-matches-folder$/);
  });

  it('keeps a finding that fits on one line, and everything on one line without a width', async () => {
    const out = await stylish(report());
    expect(out).toContain(`${long}  goal-review-due\n`);
  });

  // Fewer UTF-16 units than columns: a message of wide characters must be measured, not counted.
  it('wraps a message of wide characters that has fewer characters than the width but more columns', async () => {
    const [first] = makeReport().diagnostics;
    const wide = '会議の記録がありません 次の会議の日付を決めてください';
    const out = await stylish(makeReport({ diagnostics: [{ ...first!, message: wide, ruleId: 'cop-active' }], width: 60 }));
    const lines = out.trimEnd().split('\n').filter((line) => line !== '' && !line.startsWith('✖'));
    expect(`  3:5  error  ${wide}  cop-active`.length).toBeLessThanOrEqual(60);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
    expect(lines.at(-1)).toMatch(/ {2}cop-active$/);
  });
});

describe('stylish: a finding with detail lines (a generated file\'s diff)', () => {
  it('prints each detail line under the message, escaped on its own, and JSON keeps them as an array', async () => {
    const { json } = await import('../../../src/render/diagnostics/json.js');
    const stale = {
      ruleId: 'codeowners-current',
      severity: 'error' as const,
      message: 'CODEOWNERS is out of date with the charters and config (1 line differs): run `cop codeowners --write`.',
      file: '.github/CODEOWNERS',
      start: { line: 3, column: 1 },
      detail: ['- /cops/aws/ @old\u001b[8mhidden', '+ ::warning::forged'],
    };
    const report = makeReport({ diagnostics: [stale], summary: summarise([stale], 1) });
    const out = await stylish(report);
    expect(out).not.toMatch(/\u001b/);
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.includes('CODEOWNERS is out of date'));
    expect(lines[at + 1]).toMatch(/^\s+- \/cops\/aws\/ @old\\u001B\[8mhidden$/);
    expect(lines[at + 2]).toMatch(/^\s+\+ \\u003A:warning::forged$/);
    expect(lines.some((l) => /^\s*::/.test(l))).toBe(false);
    expect(JSON.parse(json(report)).diagnostics[0].detail).toEqual(stale.detail);
  });
});
