/**
 * The one writer of iCalendar text (RFC 5545) for every `.ics` cop prints or writes: `cop calendar`,
 * the site's `calendar/*.ics` and `cop due --format ics`. A property built from data goes through
 * `textProperty` (escaped per §3.3.11) and every parameter through `property`'s parameter quoting
 * (§3.2), so a name holding a line break, `;`, `,` or `:` stays one value and can never start a
 * property or a component of its own. `icsDocument` folds long lines (§3.1) and ends every line,
 * the last included, with CRLF. Pure.
 */

/** One unfolded content line, `NAME;PARAM=value:value`, without its CRLF. */
export type ContentLine = string;

// RFC 5545 §3.1: CONTROL is every C0 character but HTAB, and DEL; TEXT and parameter values may hold none.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/g;

/**
 * A TEXT value (§3.3.11): backslash, semicolon and comma are escaped, each line break (CRLF, CR
 * or LF) becomes `\n`, and the other control characters, which TEXT may not hold, are dropped.
 */
export function icsText(value: string): string {
  return value
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL, '');
}

/** A parameter value (§3.2): control characters and `"` dropped; quoted when it holds `;`, `:` or `,`. */
function parameterValue(value: string): string {
  const text = value.replace(CONTROL, '').replaceAll('"', '');
  return /[;:,]/.test(text) ? `"${text}"` : text;
}

/**
 * A property whose value the tool formats itself (a date-time, a recurrence rule, a number, a
 * constant): written as is, less any control character. Data goes through `textProperty` instead.
 */
export function property(name: string, value: string | number, parameters: Readonly<Record<string, string>> = {}): ContentLine {
  const params = Object.entries(parameters)
    .map(([key, param]) => `;${key}=${parameterValue(param)}`)
    .join('');
  return `${name}${params}:${String(value).replace(CONTROL, '')}`;
}

/** A TEXT property (SUMMARY, DESCRIPTION, NAME, X-WR-CALNAME…) holding data: its value is escaped. */
export function textProperty(name: string, text: string, parameters: Readonly<Record<string, string>> = {}): ContentLine {
  return property(name, icsText(text), parameters);
}

/** A component: its BEGIN and END lines around its properties and subcomponents. */
export function component(name: string, lines: readonly ContentLine[]): ContentLine[] {
  return [`BEGIN:${name}`, ...lines, `END:${name}`];
}

// A physical line holds at most this many octets of its content line; a continuation adds one space (75 in all).
const FOLD_OCTETS = 74;
const encoder = new TextEncoder();

/** §3.1: a line longer than 75 octets is split into lines of at most 75, each continuation starting with a space; never inside a character. */
export function foldLine(line: ContentLine): string {
  let folded = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    octets += size;
    if (octets > FOLD_OCTETS) {
      folded += '\r\n ';
      octets = size;
    }
    folded += char;
  }
  return folded;
}

/** The document: every content line folded and ended with CRLF, the last one included. */
export function icsDocument(lines: readonly ContentLine[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
