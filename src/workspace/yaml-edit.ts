/**
 * Surgical edits of a YAML mapping document. The `yaml` Document API finds the nodes and their
 * source ranges; the edit splices only those bytes, because re-stringifying a whole document
 * re-folds block scalars and re-spaces flow sequences. Everything outside the edit survives byte
 * for byte, comments included, and the result is re-parsed and compared with the intended data.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isNode, isScalar, isSeq, Lexer, stringify, type Document } from 'yaml';
import { lineEndingOf } from '../core/line-endings.js';
import { parseYaml } from './yaml-parse.js';

export class YamlEditError extends Error {
  override name = 'YamlEditError';
}

export interface TopLevelEdit {
  /** Top-level scalars to set in place (they must exist). */
  set?: Record<string, string>;
  /** Nested scalars to set in place, each by its path of keys and list positions (they must exist): a goal's `review_by`. */
  setAt?: readonly { path: readonly (string | number)[]; value: string }[];
  /** A new top-level key with its (block) value, appended at the end of the file. */
  append?: { key: string; value: unknown; comment?: string };
  /** A new top-level key with a plain value, on the line after the entry `after` (which must exist and be a plain value). */
  insert?: { after: string; key: string; value: string };
  /** A new last item of the block sequence at `path` (keys from the top), indented like its items. */
  appendItem?: { path: string[]; value: unknown };
}

export function editTopLevel(text: string, edit: TopLevelEdit): string {
  const doc = parseMapping(text);
  const eol = lineEndingOf(text);
  const data = doc.toJS() as Record<string, unknown>;
  const splices: Splice[] = [];
  for (const [key, value] of Object.entries(edit.set ?? {})) {
    const node = doc.get(key, true);
    if (!isScalar(node) || !node.range) throw new YamlEditError(`\`${key}\` is not a plain value at the top level of the file.`);
    splices.push({ start: node.range[0], end: node.range[1], text: stringify(value).trimEnd() });
    data[key] = value;
  }
  for (const { path, value } of edit.setAt ?? []) {
    const node = doc.getIn(path, true);
    if (!isScalar(node) || !node.range) throw new YamlEditError(`\`${path.join('.')}\` is not a plain value in the file.`);
    splices.push({ start: node.range[0], end: node.range[1], text: stringify(value).trimEnd() });
    setIn(data, path, value);
  }
  if (edit.insert) {
    const { after, key, value } = edit.insert;
    if (doc.has(key)) throw new YamlEditError(`The file already has a \`${key}\` entry.`);
    const node = doc.get(after, true);
    if (!isScalar(node) || !node.range) throw new YamlEditError(`\`${after}\` is not a plain value at the top level of the file.`);
    const at = lineEnd(text, node.range[1]);
    splices.push({ start: at, end: at, text: `${at === text.length && !text.endsWith('\n') ? eol : ''}${stringify({ [key]: value }).trimEnd()}${eol}` });
    data[key] = value;
  }
  if (edit.appendItem) {
    const { path, value } = edit.appendItem;
    splices.push(appendItemsSplice(text, doc.getIn(path, true), [value], path.join('.')));
    setIn(data, path, [...(getIn(data, path) as unknown[]), value]);
  }
  let result = applySplices(text, splices);

  if (edit.append) {
    const { key, value, comment } = edit.append;
    if (doc.has(key)) throw new YamlEditError(`The file already has a \`${key}\` entry.`);
    const commentLines = comment ? comment.split('\n').map((line) => `# ${line}`.trimEnd() + '\n').join('') : '';
    result = appendBlock(result, `\n${commentLines}${stringify({ [key]: value })}`);
    data[key] = value;
  }

  return checked(result, data);
}
export interface SequenceEdit {
  /** Plain values to take out of a top-level sequence (block or flow). */
  remove?: { key: string; values: readonly string[] };
  /**
   * Items to add at the end of a top-level block sequence; when the key is absent it is appended
   * at the end of the file (with `comment` above it).
   */
  add?: { key: string; items: readonly unknown[]; comment?: string };
}

/**
 * Takes values out of one top-level sequence and adds items to another, touching only those
 * lines: a removed block item loses its own line (with its trailing comment), nothing else.
 */
export function editSequences(text: string, edit: SequenceEdit): string {
  const doc = parseMapping(text);
  const data = doc.toJS() as Record<string, unknown>;
  const eol = lineEndingOf(text);
  const splices: Splice[] = [];
  if (edit.remove) {
    const { key, values } = edit.remove;
    const seq = topLevelSequence(doc, key);
    const drop = new Set(values);
    const dropped = (item: unknown) => isScalar(item) && drop.has(String(item.value));
    if (seq.flow) {
      // The items are written again as `[a, b]`: a comment between them would be lost.
      if (holdsComment(text.slice(seq.range![0], seq.range![1]))) {
        throw new YamlEditError(`\`${key}\` is a flow list (\`[a, b]\`) with comments in it, and taking items out of it would drop them: turn \`${key}\` into a block list (one \`- id\` per line, each comment where it belongs) and run again.`);
      }
      const kept = seq.items.filter((item) => !dropped(item)).map((item) => sourceOf(text, item));
      splices.push({ start: seq.range![0], end: seq.range![1], text: `[${kept.join(', ')}]` });
    } else {
      for (const item of seq.items) if (dropped(item)) splices.push({ start: lineStart(text, rangeOf(item)[0]), end: lineEnd(text, rangeOf(item)[1]), text: '' });
    }
    data[key] = (data[key] as unknown[]).filter((value) => !drop.has(String(value)));
  }
  const add = edit.add && edit.add.items.length > 0 ? edit.add : undefined;
  if (add && doc.has(add.key)) {
    splices.push(appendItemsSplice(text, doc.get(add.key, true), add.items, add.key));
    data[add.key] = [...(data[add.key] as unknown[]), ...add.items];
  }
  let result = applySplices(text, splices);
  if (add && !doc.has(add.key)) {
    const commentLines = add.comment ? add.comment.split('\n').map((line) => `# ${line}`.trimEnd() + '\n').join('') : '';
    result = appendBlock(result, `\n${commentLines}${stringify({ [add.key]: add.items })}`);
    data[add.key] = add.items;
  }
  return checked(result, data);
}

/** Whether the source of a flow collection (`[` to `]`) holds a comment. */
function holdsComment(source: string): boolean {
  for (const token of new Lexer().lex(source)) if (token.startsWith('#')) return true;
  return false;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Adds `items` after the last item of the block list `node` (`name` in errors), indented like its
 * items, in the file's line endings: after the last item's content, before any comment lines
 * that follow it.
 */
function appendItemsSplice(text: string, node: unknown, items: readonly unknown[], name: string): Splice {
  const last = isSeq(node) && !node.flow ? node.items.at(-1) : undefined;
  if (!isSeq(node) || !node.range || !isNode(last) || !last.range) throw new YamlEditError(`\`${name}\` is not a non-empty block list (\`- item\` lines).`);
  const eol = lineEndingOf(text);
  const indent = ' '.repeat(node.range[0] - lineStart(text, node.range[0]));
  const lines = stringify(items).trimEnd().split('\n').map((line) => indent + line).join(eol);
  const at = endOfContent(text, last.range);
  return { start: at, end: at, text: at === text.length && !text.endsWith('\n') ? eol + lines : lines + eol };
}

function applySplices(text: string, splices: readonly Splice[]): string {
  let result = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) result = result.slice(0, s.start) + s.text + result.slice(s.end);
  return result;
}

function topLevelSequence(doc: Document, key: string) {
  const node = doc.get(key, true);
  if (!isSeq(node) || !node.range) throw new YamlEditError(`\`${key}\` is not a list at the top level of the file.`);
  return node;
}

function rangeOf(node: unknown): [number, number, number] {
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  if (!range) throw new YamlEditError('The list has an item without a position; edit it by hand.');
  return range;
}

function sourceOf(text: string, node: unknown): string {
  const [start, end] = rangeOf(node);
  return text.slice(start, end);
}

/**
 * Just after the line ending of a node's last line of content: a block node's range also takes in
 * the comment and blank lines after it, which belong to what follows.
 */
function endOfContent(text: string, [start, end]: [number, number, number]): number {
  let lineEndAt = lineEnd(text, Math.max(start + 1, end));
  for (;;) {
    const from = lineStart(text, lineEndAt - 1);
    if (from <= start || !/^[ \t]*(#.*)?\r?\n?$/.test(text.slice(from, lineEndAt))) return lineEndAt;
    lineEndAt = from;
  }
}

/** The offset where the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the line that holds `offset` (past its newline), or the end of the text. */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(offset - 1, 0));
  return newline === -1 ? text.length : newline + 1;
}

/** Re-parses the edited text and insists it holds exactly the intended data. */
function checked(result: string, data: Record<string, unknown>): string {
  const check = parseMapping(result);
  if (!isDeepStrictEqual(check.toJS(), data)) throw new YamlEditError('The edited file would not hold the intended data; it was left unchanged.');
  return result;
}

function getIn(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], data);
}

function setIn(data: unknown, path: readonly (string | number)[], value: unknown): void {
  (getIn(data, path.slice(0, -1)) as Record<string, unknown>)[path.at(-1)!] = value;
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
