/**
 * The `# yaml-language-server: $schema=<ref>` comment that tells editors (VS Code's YAML
 * extension, JetBrains, Neovim) which JSON Schema checks a file. cop writes it at the top of every
 * file it creates; rule `schema-modeline` looks for it among the comments that open a file, and
 * `cop check --fix` adds or corrects it.
 */
import { lineEndingOf } from '../core/line-endings.js';

const MODELINE = /^#\s*yaml-language-server:\s*\$schema=(\S*)/;

/** The modeline among the comments and blank lines that open `text`: its 1-based line and its ref. */
export function findModeline(text: string): { line: number; ref: string } | undefined {
  const lines = openingOf(text).replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const match = MODELINE.exec(line.trim());
    if (match) return { line: index + 1, ref: match[1]! };
  }
  return undefined;
}

/**
 * The start of `text` up to its first line that is neither blank nor a comment: where a modeline
 * may be. findModeline gives the same answer for it as for the whole text.
 */
export function openingOf(text: string): string {
  let start = text.startsWith('\uFEFF') ? 1 : 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end).trim();
    if (line !== '' && !line.startsWith('#')) return text.slice(0, start);
    if (end === -1) break;
    start = end + 1;
  }
  return text;
}

/** `text` with its modeline naming `ref`: the wrong reference replaced in place (the rest of its line kept), else a modeline added as the first line. */
export function withModeline(text: string, ref: string): string {
  const modeline = `# yaml-language-server: $schema=${ref}`;
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const found = findModeline(body);
  const eol = lineEndingOf(body);
  if (!found) return `${bom}${modeline}${eol}${body}`;
  const lines = body.split(eol);
  // Only the reference changes: a note after it on the same line is the author's.
  lines[found.line - 1] = lines[found.line - 1]!.replace(/(\$schema=)\S*/, (_, key: string) => `${key}${ref}`);
  return `${bom}${lines.join(eol)}`;
}
