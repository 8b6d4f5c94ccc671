/**
 * Plain-text tables, shared by every command that prints rows of figures (Markdown: src/output/markdown.ts).
 *
 * A text table fits the width it is given (the terminal's; unlimited for a pipe or a file):
 * cells wrap between words (wrap-ansi), so a figure such as `2.5 h` is never split; the first
 * column, a name or an id, is cut with an ellipsis when it must be; when even the narrowest
 * layout is too wide, the columns are printed in groups, each repeating the first column.
 * Widths are measured with string-width (accents, CJK, emoji, colour codes).
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { cellText, escapeTerminal, type TerminalCell } from '../output/terminal.js';
import { NARROW } from './narrow-text.js';

export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

const GAP = '  ';
/** The first column is cut no narrower than this. */
const MIN_KEY_WIDTH = 12;

/** Columns `text` takes on a terminal. */
export const displayWidth = (text: string) => (NARROW.test(text) ? text.length : stringWidth(text));

/** Widest run between plain spaces (where wrap-ansi breaks; a no-break space holds). */
const longestWord = (text: string) => (text.includes(' ') ? Math.max(0, ...text.split(' ').map(displayWidth)) : displayWidth(text));

/** A cell that is one line as it is (trimmed): narrow characters only, no wider than `w`, no no-break space to undo. */
const isOneLine = (text: string, w: number) => text.length <= w && NARROW.test(text) && !text.includes('\u00a0');

/**
 * The lines of a cell wrapped to `w` columns between words. A narrow cell that fits is what wrap-ansi
 * would return for it, trimmed (a leading or trailing no-break space is where the two differ).
 */
export function wrapCell(text: string, w: number): string[] {
  if (isOneLine(text, w)) return [text.trim()];
  return wrapWords(glueFigures(text), w).map((line) => line.replaceAll('\u00a0', ' '));
}

/** `text` in lines of at most `width` columns, broken only between words (a longer word keeps a line of its own), trimmed. */
export function wrapWords(text: string, width: number): string[] {
  return wrapAnsi(text, width, { hard: false, trim: true }).split('\n');
}

/** `text` cut to `width` columns with an ellipsis (colour codes dropped: only names and ids are cut). */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const { segment } of new Intl.Segmenter().segment(text.replace(/\u001b\[[0-9;]*m/g, ''))) {
    if (stringWidth(out + segment) > max - 1) break;
    out += segment;
  }
  return `${out}…`;
}

/** A figure and its unit (`2.5 h`) stay on one line: the space between them becomes a no-break space. */
const glueFigures = (text: string) => (text.includes(' h') ? text.replace(/(\d) (h)(?=\W|$)/g, '$1\u00a0$2') : text);

/**
 * Wraps the lines of prose longer than `width` between words, continuing under their indentation
 * (tables already fit, so only sentences move).
 */
export function wrapLines(text: string, max: number): string {
  if (max === Infinity) return text;
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= max) return line;
      const indent = /^ */.exec(line)![0];
      return wrapWords(line.slice(indent.length), Math.max(20, max - indent.length - 2))
        .map((part, k) => `${indent}${k === 0 ? '' : '  '}${part}`)
        .join('\n');
    })
    .join('\n');
}

interface Measured {
  natural: number[];
  /** Each column's widest unbreakable run: worked out only for a table wider than it may be. */
  minimal: () => number[];
}

/** Each column's widest cell (header included), and its widest unbreakable run when asked. */
function measure(columns: readonly Column[], rows: readonly (readonly string[])[]): Measured {
  const natural = columns.map((c) => displayWidth(c.header));
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) natural[i] = Math.max(natural[i]!, displayWidth(row[i] ?? ''));
  }
  let minimal: number[] | undefined;
  return {
    natural,
    minimal: () => {
      if (minimal) return minimal;
      minimal = columns.map((c) => longestWord(glueFigures(c.header)));
      for (const row of rows) for (let i = 1; i < columns.length; i++) minimal[i] = Math.max(minimal[i]!, longestWord(glueFigures(row[i] ?? '')));
      minimal[0] = Math.min(natural[0]!, MIN_KEY_WIDTH);
      return minimal;
    },
  };
}

const total = (widths: readonly number[]) => widths.reduce((sum, w) => sum + w, 0) + GAP.length * Math.max(0, widths.length - 1);

/**
 * Column widths for `indexes` within `max`: each at least its minimal width. Slack goes first to
 * the first column (a name or id is read whole if at all possible), then to the columns that need
 * the least to be whole (short figures stay on one line), so the widest text wraps.
 */
function fitWidths(indexes: readonly number[], m: Measured, max: number): number[] {
  const natural = indexes.map((i) => m.natural[i]!);
  if (total(natural) <= max) return natural;
  const minimal = m.minimal();
  const widths = indexes.map((i) => minimal[i]!);
  let slack = Math.max(0, max - total(widths));
  const want = (k: number) => natural[k]! - widths[k]!;
  const order = indexes.map((_, k) => k).sort((a, b) => Number(indexes[b] === 0) - Number(indexes[a] === 0) || want(a) - want(b));
  for (const k of order) {
    const give = Math.min(slack, want(k));
    widths[k]! += give;
    slack -= give;
  }
  return widths;
}

/**
 * Groups of column indexes that fit `max`; every group starts with the first column. The first
 * column is counted whole when that needs no more groups than counting it at its minimal width.
 */
function columnGroups(count: number, m: Measured, max: number): number[][] {
  const grouped = (key: number) => {
    const groupWidth = (group: readonly number[]) => total(group.map((j) => (j === 0 ? key : m.minimal()[j]!)));
    const groups: number[][] = [];
    let group = [0];
    for (let i = 1; i < count; i++) {
      if (group.length > 1 && groupWidth([...group, i]) > max) {
        groups.push(group);
        group = [0];
      }
      group.push(i);
    }
    return [...groups, group];
  };
  const whole = grouped(m.natural[0]!);
  const cut = grouped(m.minimal()[0]!);
  return whole.length <= cut.length ? whole : cut;
}

function renderGroup(columns: readonly Column[], rows: readonly (readonly string[])[], indexes: readonly number[], widths: readonly number[]): string {
  const pad = (text: string, k: number, textWidth: number) => {
    const gap = ' '.repeat(Math.max(0, widths[k]! - textWidth));
    return columns[indexes[k]!]!.align === 'right' ? gap + text : text + gap;
  };
  // Most cells at 60k are one line as they are (their widths their lengths), and a report repeats
  // the same few hundred figures, the same strings, in thousands of rows: each column pads each
  // text once. null: the text must be wrapped.
  const padded = indexes.map(() => new Map<string, string | null>());
  const oneLine = (text: string, k: number) => {
    let line = padded[k]!.get(text);
    if (line === undefined) {
      const trimmed = text.trim();
      padded[k]!.set(text, (line = isOneLine(text, widths[k]!) ? pad(trimmed, k, trimmed.length) : null));
    }
    return line;
  };
  const lines: string[] = [];
  const block = (cells: readonly string[]) => {
    const parts: string[] = [];
    for (let k = 0; k < indexes.length; k++) {
      const line = oneLine(cells[indexes[k]!] ?? '', k);
      if (line === null) return wrappedBlock(cells);
      parts.push(line);
    }
    lines.push(parts.join(GAP).trimEnd());
  };
  const wrappedBlock = (cells: readonly string[]) => {
    const wrapped = indexes.map((i, k) => {
      const w = widths[k]!;
      const cellLines = wrapCell(cells[i] ?? '', w);
      return i === 0 ? cellLines.map((line) => truncate(line, w)) : cellLines;
    });
    const height = Math.max(...wrapped.map((cellLines) => cellLines.length));
    for (let line = 0; line < height; line++) {
      lines.push(
        indexes
          .map((_, k) => {
            const text = wrapped[k]![line] ?? '';
            return pad(text, k, displayWidth(text));
          })
          .join(GAP)
          .trimEnd(),
      );
    }
  };
  block(columns.map((c) => c.header));
  lines.push(widths.map((w) => '─'.repeat(w)).join(GAP));
  for (const row of rows) block(row);
  return lines.join('\n') + '\n';
}

/**
 * Aligned columns within `maxWidth` (default: no limit). A bare string cell is data and goes through
 * the plain-text layer (src/output/terminal.ts); a `painted` one (colour codes around escaped data) is
 * drawn as it is.
 */
export function textTable(columns: readonly Column[], rows: readonly (readonly TerminalCell[])[], maxWidth = Infinity): string {
  return paintedTable(columns, rows.map((row) => row.map(cellText)), maxWidth);
}

/** textTable for rows whose every cell is painted already (a report's thousands: no wrapper a cell). */
export function paintedTable(columns: readonly Column[], texts: readonly (readonly string[])[], maxWidth = Infinity): string {
  const headers = columns.map((c) => ({ ...c, header: escapeTerminal(c.header) }));
  const m = measure(headers, texts);
  const groups = total(m.natural) <= maxWidth ? [headers.map((_, i) => i)] : columnGroups(headers.length, m, maxWidth);
  return groups.map((indexes) => renderGroup(headers, texts, indexes, fitWidths(indexes, m, maxWidth))).join('\n');
}
