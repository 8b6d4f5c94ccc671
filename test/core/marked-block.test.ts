/**
 * The generated-block finder on the files of issue #22 (row 3): a marker is a whole line equal to
 * its exact form, outside Markdown fences; markers that make no single block are refused with
 * their lines; a BOM is kept and ignored; generated text never holds a raw CR.
 */
import { describe, expect, it } from 'vitest';
import { BEGIN_MARKER, END_MARKER, compareCodeowners, mergeCodeowners } from '../../src/codeowners/codeowners.js';
import { MalformedBlockError, compareBlock, mergeBlock, type MarkerProblem } from '../../src/core/marked-block.js';
import { readmeMarkers, recordedAsOf } from '../../src/readme/markers.js';

const BODY = ['/cops/aws/charter.yaml @p1', '/cops/aws/meetings/    @p2 @p1'];
const BLOCK = [BEGIN_MARKER, ...BODY, END_MARKER];
const lf = (...lines: string[]) => `${lines.join('\n')}\n`;

/** The problems mergeCodeowners throws for `text` (and compareCodeowners reports the same). */
function refusal(text: string): MarkerProblem[] {
  expect(compareCodeowners(text, BODY)).toEqual({ kind: 'malformed', problems: expect.any(Array) });
  try {
    mergeCodeowners(text, BODY);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedBlockError);
    const { problems } = error as MalformedBlockError;
    expect(compareCodeowners(text, BODY)).toEqual({ kind: 'malformed', problems });
    return problems;
  }
  throw new Error('mergeCodeowners rewrote a file it should refuse');
}

describe('a CODEOWNERS block', () => {
  it('a hand-written comment that starts like the begin marker is the author\'s text: kept, and the real block replaced', () => {
    const handWritten = ['# BEGIN cop codeowners is managed by the platform team: ask in #platform.', '/docs/ @acme/docs', '/infra/ @acme/sre'];
    const text = lf(...handWritten, '', BEGIN_MARKER, '/cops/old/charter.yaml @old', END_MARKER, '# after the block', '*.md @acme/docs');
    const merged = mergeCodeowners(text, BODY);
    expect(merged).toBe(lf(...handWritten, '', ...BLOCK, '# after the block', '*.md @acme/docs'));
    expect(compareCodeowners(merged, BODY)).toEqual({ kind: 'current' });
    // Without a real block the look-alike is not one either: the block is appended, every line kept.
    expect(mergeCodeowners(lf(...handWritten), BODY)).toBe(lf(...handWritten, '', ...BLOCK));
  });

  it('an end marker with trailing text or spaces is not a marker', () => {
    const text = lf(BEGIN_MARKER, '/x @a', '# END cop codeowners (do not remove the lines below)', '/keep/ @b', END_MARKER);
    expect(mergeCodeowners(text, BODY)).toBe(lf(...BLOCK));
    expect(refusal(lf('# END cop codeowners ', '/keep/ @b', BEGIN_MARKER))).toEqual([{ line: 3, message: expect.stringMatching(/^A begin marker without an end marker after it/) }]);
  });

  it('refuses two begin markers, naming both lines', () => {
    const problems = refusal(lf('/a/ @a', BEGIN_MARKER, '/b/ @b', BEGIN_MARKER, ...BODY, END_MARKER));
    expect(problems).toEqual([{ line: 4, message: expect.stringMatching(/^A second begin marker \(the first is at line 2\)/) }]);
  });

  it('refuses an end without a begin, and a begin without an end', () => {
    expect(refusal(lf('/a/ @a', END_MARKER, '/b/ @b'))).toEqual([{ line: 2, message: expect.stringMatching(/^An end marker without a begin marker before it/) }]);
    expect(refusal(lf('/a/ @a', BEGIN_MARKER, '/b/ @b'))).toEqual([{ line: 2, message: expect.stringMatching(/^A begin marker without an end marker after it/) }]);
    expect(refusal(lf(END_MARKER, BEGIN_MARKER))).toEqual([
      { line: 1, message: expect.stringMatching(/^An end marker without a begin/) },
      { line: 2, message: expect.stringMatching(/^A begin marker without an end/) },
    ]);
    expect(refusal(lf(BEGIN_MARKER, END_MARKER, '/x/ @x', END_MARKER))).toEqual([{ line: 4, message: expect.stringMatching(/^A second end marker \(the first is at line 2\)/) }]);
  });

  it('keeps and ignores a leading byte order mark: the block is found, no second one is added', () => {
    const text = `\uFEFF${lf('/docs/ @acme/docs', '', BEGIN_MARKER, '/old/ @old', END_MARKER)}`;
    const merged = mergeCodeowners(text, BODY);
    expect(merged).toBe(`\uFEFF${lf('/docs/ @acme/docs', '', ...BLOCK)}`);
    expect(compareCodeowners(merged, BODY)).toEqual({ kind: 'current' });
    // The block as the file's first line, after the BOM.
    const first = `\uFEFF${lf(...BLOCK, '/docs/ @acme/docs')}`;
    expect(compareCodeowners(first, BODY)).toEqual({ kind: 'current' });
    expect(mergeCodeowners(first, BODY)).toBe(first);
  });

  it('CODEOWNERS has no code fences: a ``` line does not hide a marker', () => {
    expect(mergeCodeowners(lf('```', ...BLOCK.slice(0, 2), END_MARKER), BODY)).toBe(lf('```', ...BLOCK));
  });
});

describe('generated text and line endings', () => {
  const markers = readmeMarkers('2026-11-20');

  it('a CR or LF inside a generated line never reaches the file raw, and the file is current after writing it', () => {
    const body = ['| Sponsor | Ada\r |', 'Mallory\r# injected heading', 'two\nlines'];
    for (const existing of ['Notes.\n', 'Notes.\r\n']) {
      const merged = mergeBlock(existing, body, markers, 'prepend');
      const eol = existing.endsWith('\r\n') ? '\r\n' : '\n';
      // Every CR is part of the file's own CRLF, every LF ends a line in the file's ending.
      expect(merged.replaceAll(eol, '')).not.toMatch(/[\r\n]/);
      expect(merged.split(eol)).toEqual([markers.begin, '| Sponsor | Ada  |', 'Mallory # injected heading', 'two lines', markers.end, '', 'Notes.', '']);
      expect(compareBlock(merged, body, markers)).toEqual({ kind: 'current' });
    }
  });
});

describe('a README block', () => {
  const markers = readmeMarkers('2026-11-20');
  const block = [markers.begin, '# AWS', '', 'Cloud things.', markers.end];
  const docsExample = [markers.begin.replace('2026-11-20', '2026-01-01'), '…', markers.end];

  it('refuses a marker inside a ``` or ~~~ fence, naming its line and the fence\'s', () => {
    for (const fence of ['```', '~~~~', '```markdown']) {
      const close = fence.replace(/[a-z]+$/, '');
      const text = lf(...block, '', '## How this file works', '', fence, ...docsExample, close, '', 'Our notes.');
      const state = compareBlock(text, ['# AWS', '', 'Cloud things.'], markers);
      expect(state).toEqual({
        kind: 'malformed',
        problems: [
          { line: 10, message: expect.stringMatching(/^A block marker inside the code fence opened at line 9: .*indent it/) },
          { line: 12, message: expect.stringMatching(/^A block marker inside the code fence opened at line 9/) },
        ],
      });
      expect(() => mergeBlock(text, ['# AWS'], markers, 'prepend')).toThrow(MalformedBlockError);
    }
  });

  it('a fence closes only with its own character, at least as long: a marker after a closed fence is a marker', () => {
    const body = ['# AWS', '', 'Cloud things.'];
    // ~~~ does not close ```, and ```` closes ```: the block after it is found.
    const text = lf('```', '~~~', 'code', '````', '', ...block);
    expect(compareBlock(text, body, markers)).toEqual({ kind: 'current' });
    // An unclosed fence runs to the end of the file: the block below it is code.
    expect(compareBlock(lf('Notes.', '```sh', 'cop readme --write', ...block), body, markers).kind).toBe('malformed');
    // A ``` line with a backtick in its info string is not a fence.
    expect(compareBlock(lf('``` a`b', ...block), body, markers)).toEqual({ kind: 'current' });
  });

  it('the begin marker counts only in its exact form; the recorded date comes from that line', () => {
    const lookalike = '<!-- BEGIN cop readme blocks are generated: do not edit them by hand -->';
    const text = lf(lookalike, 'Our intro.', '', ...block);
    expect(recordedAsOf(text)).toBe('2026-11-20');
    expect(mergeBlock(text, ['# AWS', '', 'Cloud things.'], markers, 'prepend')).toBe(text);
    expect(recordedAsOf(lf(lookalike))).toBeUndefined();
  });
});
