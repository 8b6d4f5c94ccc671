/**
 * The one way `cop` writes Markdown. A renderer builds an mdast tree from the builders below and
 * `markdown()` serialises it with mdast-util-to-markdown and mdast-util-gfm, as the site builds
 * HTML with preact. A string given to a builder is always a text node (or inline code): the
 * serialiser escapes it, so data can never become Markdown or HTML, whatever it holds.
 *
 * Before that, `dataText` normalises a data string (the documented normalisation):
 * - every line break (CR, LF, CRLF, VT, FF, NEL, U+2028, U+2029) and tab becomes a space, so data
 *   can never start a block or break a table row;
 * - every other control character becomes a visible one: C0 and DEL their Control Pictures
 *   symbol (U+2400–U+2421), C1 the replacement character U+FFFD;
 * - a zero-width space (U+200B) follows every `@`, the `:` of every `://` and every `www`, so a
 *   reader still sees `@org/team`, `https://…` or `www.…` but GitHub neither notifies the team nor
 *   makes a link (Renovate's way with mentions): the only links are those the tool makes;
 * - a zero-width space follows the `#` of `#123` and the `-` of `GH-123`, so data cannot make
 *   GitHub cross-reference an issue or pull request (which would also post a back-link there).
 * Inline code and the text of a link the tool makes get only the first two (GitHub neither links
 * nor mentions inside them). A table cell's outer spaces are GFM padding: a reader never sees them.
 */
import type { Html, InlineCode, Link, List, Paragraph, PhrasingContent, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Handle, type Options } from 'mdast-util-to-markdown';
import type { Column } from '../render/table.js';

/** Phrasing content, where a string is data (a text node after `dataText`). */
export type Inline = PhrasingContent | string;
/** A table cell: one piece of phrasing or several. */
export type Cell = Inline | readonly Inline[];

const LINE_BREAK = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const ZWSP = '\u200b';

/** A control character as a visible symbol: ␛ for ESC, ␡ for DEL, � for the C1 range. */
function visible(control: string): string {
  const code = control.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  return code === 0x7f ? '\u2421' : '\ufffd';
}

/** `value` on one line with no control characters: what code spans and link text get. */
function oneLine(value: string): string {
  return value.replace(LINE_BREAK, ' ').replace(CONTROL, visible);
}

/** A data string as a text node's value: on one line, controls visible, mentions, autolinks and issue references neutralised. */
export function dataText(value: string): string {
  return oneLine(value)
    .replaceAll('@', `@${ZWSP}`)
    .replaceAll('://', `:${ZWSP}//`)
    .replace(/www/gi, `$&${ZWSP}`)
    .replace(/#(?=\d)|\bGH-(?=\d)/gi, `$&${ZWSP}`);
}

const inline = (child: Inline): PhrasingContent => (typeof child === 'string' ? text(child) : child);

export const text = (value: string): Text => ({ type: 'text', value: dataText(value) });
export const code = (value: string): InlineCode => ({ type: 'inlineCode', value: oneLine(value) });
export const strong = (...children: Inline[]): PhrasingContent => ({ type: 'strong', children: children.map(inline) });
export const emphasis = (...children: Inline[]): PhrasingContent => ({ type: 'emphasis', children: children.map(inline) });

/** A link the tool makes to `url`; its text is shown as given, on one line. */
export function link(url: string, label: string): Link {
  return { type: 'link', url, children: [{ type: 'text', value: oneLine(label) }] };
}

/** A web address from the data as a link to itself (`https://` only); anything else as text. */
export const urlOrText = (value: string): PhrasingContent => (/^https?:\/\/\S+$/.test(value) ? link(value, value) : text(value));

/**
 * A sentence of the tool's whose `backticked` parts are code, e.g. a finding's message. Only text
 * and code come of it, whatever the data inside holds: a stray backtick merely moves a code span.
 */
export const codeSpans = (sentence: string): PhrasingContent[] =>
  sentence
    .split(/`([^`]*)`/)
    .flatMap((part, i): PhrasingContent[] => (i % 2 === 1 ? [code(part)] : part ? [text(part)] : []));

/** Inline pieces joined by `separator` (tool text), e.g. a list of names with `, `. */
export function joined(parts: readonly Inline[], separator: string): PhrasingContent[] {
  return parts.flatMap((part, i) => (i === 0 ? [inline(part)] : [text(separator), inline(part)]));
}

/** The tool's line break inside a table cell (GFM has no other). */
export const cellBreak: Html = { type: 'html', value: '<br>' };

export const heading = (depth: 1 | 2 | 3 | 4, ...children: Inline[]): RootContent => ({ type: 'heading', depth, children: children.map(inline) });
export const paragraph = (...children: Inline[]): Paragraph => ({ type: 'paragraph', children: children.map(inline) });

/** One paragraph whose lines the tool breaks (a soft break: it reads as a space when rendered). */
export function lines(...rows: readonly (readonly Inline[])[]): Paragraph {
  const softBreak: Text = { type: 'text', value: '\n' };
  return { type: 'paragraph', children: rows.flatMap((row, i) => [...(i === 0 ? [] : [softBreak]), ...row.map(inline)]) };
}

/** A tight bullet list, one item per entry. */
export function list(items: readonly (readonly Inline[])[]): List {
  return { type: 'list', ordered: false, spread: false, children: items.map((item) => ({ type: 'listItem', spread: false, children: [paragraph(...item)] })) };
}

const cell = (content: Cell): TableCell => ({ type: 'tableCell', children: (Array.isArray(content) ? content : [content]).map(inline) });

/** A GFM table: a header row from `columns`, then one row per entry of `rows`. */
export function table(columns: readonly Column[], rows: readonly (readonly Cell[])[]): Table {
  const row = (cells: readonly Cell[]): TableRow => ({ type: 'tableRow', children: columns.map((_, i) => cell(cells[i] ?? '')) });
  return { type: 'table', align: columns.map((c) => (c.align === 'right' ? 'right' : null)), children: [row(columns.map((c) => c.header)), ...rows.map(row)] };
}

/**
 * Tables as `| a | b |` over `| --- | ---: |`, the look cop's Markdown has always had (the gfm
 * handler writes `| - | -: |`); each cell is still serialised, and escaped, by mdast-util-gfm.
 */
const tableHandler: Handle = (node: Table, _parent, state, info) => {
  const exit = state.enter('table');
  const rows = node.children.map((row) => {
    const exitRow = state.enter('tableRow');
    const cells = row.children.map((c) => state.handle(c, row, state, info));
    exitRow();
    return `| ${cells.join(' | ')} |`;
  });
  exit();
  rows.splice(1, 0, `| ${(node.align ?? []).map((a) => (a === 'right' ? '---:' : '---')).join(' | ')} |`);
  return rows.join('\n');
};

const OPTIONS: Options = { bullet: '-', emphasis: '_', strong: '*', resourceLink: true, extensions: [gfmToMarkdown()], handlers: { table: tableHandler } };

/** The blocks as one GitHub-flavoured Markdown document, ending in a newline. */
export function markdown(blocks: readonly (RootContent | false | undefined)[]): string {
  return toMarkdown({ type: 'root', children: blocks.filter((b): b is RootContent => Boolean(b)) }, OPTIONS);
}
