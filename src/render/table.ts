/** Plain-text and Markdown tables, shared by every command that prints rows of figures. */
import { stripVTControlCharacters } from 'node:util';

export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

/** Aligned columns for a terminal; cells may already carry colour codes (their width ignores them). */
export function textTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const width = (text: string) => stripVTControlCharacters(text).length;
  const widths = columns.map((column, i) => Math.max(width(column.header), ...rows.map((row) => width(row[i] ?? ''))));
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - width(text));
    return columns[i]!.align === 'right' ? gap + text : text + gap;
  };
  const line = (cells: readonly string[]) => columns.map((_, i) => pad(cells[i] ?? '', i)).join('  ').trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** A GitHub-flavoured Markdown table (pipes in cells escaped). */
export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const rule = columns.map((c) => (c.align === 'right' ? '---:' : '---'));
  return [columns.map((c) => cell(c.header)), rule, ...rows.map((row) => columns.map((_, i) => cell(row[i] ?? '')))]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n') + '\n';
}
