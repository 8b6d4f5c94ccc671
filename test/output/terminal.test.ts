/** The plain-text layer: data never becomes a control sequence, a new line or a workflow command. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardIo, type Io } from '../../src/core/terminal.js';
import { cellText, escapeTerminal, guardTerminalOutput, painted } from '../../src/output/terminal.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI_OPENERS = new Set(['\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068']);

/** Whether every bidi embedding, override and isolate in `text` is closed, and no closer is stray. */
function bidiBalanced(text: string): boolean {
  const open: string[] = [];
  for (const char of text) {
    if (BIDI_OPENERS.has(char)) open.push(char >= '\u2066' ? '\u2069' : '\u202c');
    else if (char === '\u202c' || char === '\u2069') {
      if (open.pop() !== char) return false;
    }
  }
  return open.length === 0;
}

/** Whether any line of `text` begins, after white space, with `::`. */
const hasLineCommand = (text: string) => text.split(/\r\n|\n/).some((line) => /^\s*::/.test(line));

describe('escapeTerminal', () => {
  it.each([
    ['ESC and a clipboard write (OSC 52)', 'a\u001b]52;c;ZXZpbA==\u0007b', 'a\\u001B]52;c;ZXZpbA==\\u0007b'],
    ['hidden text (a well-formed SGR)', '\u001b[8mhidden\u001b[0m', '\\u001B[8mhidden\\u001B[0m'],
    ['a disguised OSC 8 link', '\u001b]8;;https://evil.example\u001b\\Docs\u001b]8;;\u001b\\', '\\u001B]8;;https://evil.example\\u001B\\Docs\\u001B]8;;\\u001B\\'],
    ['BEL and backspace', 'ding\u0007\u0008', 'ding\\u0007\\u0008'],
    ['a carriage return', 'approved\rdenied', 'approved\\u000Ddenied'],
    ['a line feed and a workflow command', 'x\n::warning::pwned', 'x\\u000A\\u003A:warning::pwned'],
    ['a workflow command at the start', '::add-mask::secret', '\\u003A:add-mask::secret'],
    ['a workflow command after a space (a table may wrap there)', 'name ::stop-commands::t', 'name \\u003A:stop-commands::t'],
    ['the older command form', 'a ##[warning]b', 'a #\\u0023[warning]b'],
    ['a tab', 'a\tb', 'a b'],
    ['DEL and C1 (CSI, NEL)', 'a\u007f\u009b2J\u0085', 'a\\u007F\\u009B2J\\u0085'],
    ['line and paragraph separators', 'a\u2028b\u2029', 'a\\u2028b\\u2029'],
    ['an unterminated right-to-left override', 'approved: \u202eOTC', 'approved: \\u202EOTC'],
    ['an isolate', '\u2067x\u2069', '\\u2067x\\u2069'],
    ['ordinary names, a colon inside a word, right-to-left script', 'José: a::b — שלום 数据', 'José: a::b — שלום 数据'],
  ])('%s', (_name, hostile, shown) => {
    expect(escapeTerminal(hostile)).toBe(shown);
  });

  it('leaves any string with no control character, no unbalanced bidi control and no line beginning with `::`, even once wrapped at its spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('\u001b', '\n', '\r', ':', ' ', '\u202e', '\u2066', '\u009b', '#', '[', 'a') }), (anything, hostile) => {
        for (const s of [anything, hostile, `${hostile}${anything}`]) {
          const shown = escapeTerminal(s);
          expect(shown).not.toMatch(CONTROL);
          expect(bidiBalanced(shown)).toBe(true);
          expect(hasLineCommand(shown.split(' ').join('\n'))).toBe(false);
          expect(shown).not.toContain('##[');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is what a table takes a bare string cell for; a painted cell is kept as it is', () => {
    expect(cellText('\u001b[1mx')).toBe('\\u001B[1mx');
    expect(cellText(painted('\u001b[1mx\u001b[22m'))).toBe('\u001b[1mx\u001b[22m');
  });
});

describe('guardTerminalOutput', () => {
  const sgr = '\u001b[31mred\u001b[39m';
  const link = '\u001b]8;;https://example.org/rules/x\u0007x\u001b]8;;\u0007';

  it('keeps the SGR colours and OSC 8 links cop makes, tabs, line feeds and CRLF', () => {
    const text = `${sgr}\t${link}\r\nnext\n`;
    expect(guardTerminalOutput()(text)).toBe(text);
  });

  it.each([
    ['a cursor move', 'a\u001b[2Jb', 'a\\u001B[2Jb'],
    ['a clipboard write', '\u001b]52;c;ZXZpbA==\u0007', '\\u001B]52;c;ZXZpbA==\\u0007'],
    ['a lone CR', 'ok\rforged', 'ok\\u000Dforged'],
    ['C1 CSI', '\u009b31m', '\\u009B31m'],
    ['a workflow command line', 'fine\n  ::warning::forged\n', 'fine\n  \\u003A:warning::forged\n'],
    ['a workflow command behind colour', `\u001b[2m::error::x\u001b[22m`, `\u001b[2m\\u003A:error::x\u001b[22m`],
    ['the older command form', 'x ##[add-mask]y', 'x #\\u0023[add-mask]y'],
  ])('neutralises %s', (_name, written, shown) => {
    expect(guardTerminalOutput()(written)).toBe(shown);
  });

  it('follows lines across writes: a `::` that starts a line in a later write is caught, one that continues a line is not', () => {
    const guard = guardTerminalOutput();
    expect(guard('first\n  ')).toBe('first\n  ');
    expect(guard('::warning::x')).toBe('\\u003A:warning::x');
    expect(guard(' then ')).toBe(' then ');
    expect(guard('::not-a-line-start')).toBe('::not-a-line-start');
    expect(guard('\n :')).toBe('\n :');
    expect(guard(':warning::split')).toBe('\\u003Awarning::split');
  });

  it('leaves no control character but its own kinds, and no line beginning with `::`, for any writes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('\u001b', '\n', '\r', ':', ' ', '\u0007', '\u009b', '[', 'm', '8', ';', 'a') }), { maxLength: 6 }), (writes) => {
        const guard = guardTerminalOutput();
        const shown = writes.map(guard).join('');
        // eslint-disable-next-line no-control-regex
        const rest = shown.replace(/\u001b\[[0-9;]*m|\u001b\]8;[^\u0000-\u001f;]*;[^\u0000-\u001f]*(?:\u0007|\u001b\\)|\r\n|\n/g, '');
        expect(rest).not.toMatch(CONTROL);
        // eslint-disable-next-line no-control-regex
        expect(hasLineCommand(shown.replace(/\u001b\[[0-9;]*m/g, ''))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('guardIo', () => {
  const memory = () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd: '/', stdoutIsTTY: false, stdinIsTTY: false };
    return { io, out, err };
  };

  it('guards stdout and stderr each, once however often it is applied, and keeps the streams verbatim beside them', () => {
    const { io, out, err } = memory();
    const guarded = guardIo(guardIo(io));
    guarded.stdout('::warning::x\n');
    guarded.stderr('\u001b]52;c;eA==\u0007\n');
    guarded.verbatim!.stdout('::error file=a::b\n');
    expect(out).toEqual(['\\u003A:warning::x\n', '::error file=a::b\n']);
    expect(err).toEqual(['\\u001B]52;c;eA==\\u0007\n']);
  });
});
