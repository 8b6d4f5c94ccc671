/**
 * Surgical edits of a YAML mapping document. The `yaml` Document API finds the nodes and their
 * source ranges; the edit splices only those bytes, because re-stringifying a whole document
 * re-folds block scalars and re-spaces flow sequences. Everything outside the edit survives byte
 * for byte, comments included, and the result is re-parsed and compared with the intended data.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, stringify, type Document } from 'yaml';
import { parseYaml } from './yaml-parse.js';

export class YamlEditError extends Error {
  override name = 'YamlEditError';
}

export interface TopLevelEdit {
  /** Top-level scalars to set in place (they must exist). */
  set?: Record<string, string>;
  /** A new top-level key with its (block) value, appended at the end of the file. */
  append?: { key: string; value: unknown; comment?: string };
}

export function editTopLevel(text: string, edit: TopLevelEdit): string {
  const doc = parseMapping(text);
  const data = doc.toJS() as Record<string, unknown>;
  const splices: { start: number; end: number; text: string }[] = [];
  for (const [key, value] of Object.entries(edit.set ?? {})) {
    const node = doc.get(key, true);
    if (!isScalar(node) || !node.range) throw new YamlEditError(`\`${key}\` is not a plain value at the top level of the file.`);
    splices.push({ start: node.range[0], end: node.range[1], text: stringify(value).trimEnd() });
    data[key] = value;
  }
  let result = text;
  for (const s of splices.sort((a, b) => b.start - a.start)) result = result.slice(0, s.start) + s.text + result.slice(s.end);

  if (edit.append) {
    const { key, value, comment } = edit.append;
    if (doc.has(key)) throw new YamlEditError(`The file already has a \`${key}\` entry.`);
    const commentLines = comment ? comment.split('\n').map((line) => `# ${line}`.trimEnd() + '\n').join('') : '';
    result = appendBlock(result, `\n${commentLines}${stringify({ [key]: value })}`);
    data[key] = value;
  }

  const check = parseMapping(result);
  if (!isDeepStrictEqual(check.toJS(), data)) throw new YamlEditError('The edited file would not hold the intended data; it was left unchanged.');
  return result;
}

/** The line ending a file uses: its first one (so CRLF stays CRLF, and mixed files keep their lines). */
export function lineEndingOf(text: string): '\r\n' | '\n' {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/** A document end marker (`...`) on its own line, with only blank or comment lines after it. */
const DOCUMENT_END = /(^|\n)\.\.\.[ \t]*(#[^\n]*)?(\r?\n[ \t]*(#[^\n]*)?)*\r?\n?$/;

/**
 * Appends an LF-ended `block` at the end of the document: before a `...` end marker, in the
 * file's own line endings, keeping whether the file ends with a newline.
 */
function appendBlock(text: string, block: string): string {
  const eol = lineEndingOf(text);
  const end = DOCUMENT_END.exec(text);
  const body = end ? text.slice(0, end.index + end[1]!.length) : text;
  const tail = end ? text.slice(end.index + end[1]!.length) : '';
  const finalNewline = /\n$/.test(text) || text === '';
  let added = (body === '' || body.endsWith('\n') ? '' : '\n') + block;
  if (!tail && !finalNewline) added = added.replace(/\n$/, '');
  return body + added.replaceAll('\n', eol) + tail;
}

function parseMapping(text: string): Document {
  const doc = parseYaml(text);
  if (doc.errors.length > 0) throw new YamlEditError(`The file is not valid YAML: ${doc.errors[0]!.message}`);
  if (!isMap(doc.contents) || doc.contents.flow) throw new YamlEditError('The file is not a block mapping (`key: value` lines) at the top level.');
  return doc;
}
