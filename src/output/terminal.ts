/**
 * The plain-text layer: how data reaches a terminal or a CI log. Every plain-text renderer passes
 * each data string (a name, a title, a key, a reason) through `escapeTerminal` before it adds its
 * own styling, so data can never become a control sequence, a new line or a workflow command.
 *
 * The convention, one for every character this layer escapes: the character is shown as the text
 * `\u` and four upper-case hex digits, as JSON and JavaScript write it (ESC is shown as `\u001B`,
 * a line feed inside a value as `\u000A`). A tab becomes one space. Escaped are:
 * - C0 controls (U+0000–U+001F, tab aside), DEL and the C1 range (U+0080–U+009F): ESC, BEL, CR
 *   and LF could draw, hide, link, write to the clipboard or start a line;
 * - U+2028 and U+2029, which some viewers take for line breaks;
 * - the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): closing one at
 *   the end of its value would not be enough, as a table wraps or cuts a value and would part an
 *   opener from its closer, so none is kept (text in a right-to-left script needs none of them);
 * - a `::` that begins a value or follows white space (the first colon), since a line that begins
 *   with `::` is a GitHub Actions workflow command and a value can begin a line when a table or a
 *   paragraph wraps; and `##[` anywhere (the runner's older command form: `#\u0023[`).
 *
 * A literal `\u001B` typed in the data looks the same as an escaped ESC: harmless, as it is text.
 *
 * Text built for the terminal (`cop`'s words, escaped data, `cop`'s SGR colours and OSC 8 links)
 * is marked `painted` where a table must take it as it is; a bare string handed to a text table is
 * data and is escaped there. `guardTerminalOutput` is the last defence at the output edge (see it).
 */

/** `\u001B` for ESC: the one visible form of every escaped character. */
const visible = (char: string) => `\\u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

// eslint-disable-next-line no-control-regex
const DATA_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|(?<=^|\s)::|##\[/g;

/** A data string as safe, visible plain text (see the module's comment for what is escaped and how). */
export function escapeTerminal(value: string): string {
  DATA_UNSAFE.lastIndex = 0;
  if (!DATA_UNSAFE.test(value)) return value;
  return value.replace(DATA_UNSAFE, (match) => {
    if (match === '\t') return ' ';
    if (match === '::') return `${visible(':')}:`;
    if (match === '##[') return `#${visible('#')}[`;
    return visible(match);
  });
}

/** Text already fit for the terminal: `cop`'s own words and styling around data that went through `escapeTerminal`. */
export interface Painted {
  readonly painted: string;
}

export const painted = (text: string): Painted => ({ painted: text });

/** A cell of a text table: a bare string is data (escaped by the table), a `Painted` one is taken as it is. */
export type TerminalCell = string | Painted;

export const cellText = (cell: TerminalCell): string => (typeof cell === 'string' ? escapeTerminal(cell) : cell.painted);

// The sequences `cop` itself emits: SGR colours (chalk) and OSC 8 hyperlinks, each well formed.
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/;
// eslint-disable-next-line no-control-regex
const OSC8 = /\u001b\]8;[^\u0000-\u001f\u007f-\u009f;]*;[^\u0000-\u001f\u007f-\u009f]*(?:\u0007|\u001b\\)/;
// eslint-disable-next-line no-control-regex
const OUTPUT_UNSAFE = new RegExp(`(${SGR.source}|${OSC8.source}|\\r\\n)|[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]|##\\[`, 'g');
const LINE_COMMAND = new RegExp(`^((?:\\s|${SGR.source}|${OSC8.source})*)::`);
const COMMAND_PREFIX = new RegExp(`^(?:\\s|${SGR.source}|${OSC8.source})*:?$`);
// eslint-disable-next-line no-control-regex
const MAYBE_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|::|##\[/;

/**
 * The last defence at the output edge (src/core/terminal.ts guards stdout and stderr with it): a
 * writer that passes on what it is given except
 * - a control character that is not part of a well-formed SGR or OSC 8 sequence, nor a line feed,
 *   a tab or the CR of a CRLF (CSV and iCalendar end lines so), shown escaped as `escapeTerminal`
 *   does; an ESC that starts any other sequence is shown so, and the rest of it is then plain text;
 * - a line that begins with `::` after white space and colour codes (its first colon escaped), and
 *   `##[` anywhere: the GitHub Actions runner would run either as a workflow command.
 * It cannot tell data from `cop`'s words, so a well-formed SGR or OSC 8 sequence passes, and bidi
 * controls are not its business: `escapeTerminal` at the renderer is what makes data harmless.
 * It keeps track of lines across writes, so a `::` at the start of a later write is caught too.
 * Escaped characters read the same in a JSON string (`\u0085`), so a JSON output keeps its meaning.
 */
export function guardTerminalOutput(): (text: string) => string {
  // The current line so far while a `::` could still begin it (white space, colour codes, at most one colon); null after.
  let pending: string | null = '';
  /** Moves the line state past `text`, as written. */
  const advance = (text: string) => {
    const end = text.lastIndexOf('\n');
    const start = end === -1 ? pending : '';
    const last = text.slice(end + 1);
    pending = start !== null && COMMAND_PREFIX.test(start + last) ? start + last : null;
  };
  return (text) => {
    // Most writes hold no control character (but line feeds and tabs), no `::` and no `##[`: only the line state moves.
    if (!MAYBE_UNSAFE.test(text) && !pending?.endsWith(':')) {
      advance(text);
      return text;
    }
    const escaped = text.replace(OUTPUT_UNSAFE, (match, kept: string | undefined) => (kept !== undefined ? kept : match === '##[' ? `#${visible('#')}[` : visible(match)));
    const guarded = escaped.split('\n').map((line, i) => {
      const before = i === 0 ? pending : '';
      if (before === null || !LINE_COMMAND.test(before + line)) return line;
      // A colon already written begins the `::`: this write's colon is the one to show escaped.
      return before.endsWith(':') ? `${visible(':')}${line.slice(1)}` : line.replace(LINE_COMMAND, `$1${visible(':')}:`);
    });
    advance(escaped);
    return guarded.join('\n');
  };
}
