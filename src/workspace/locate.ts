/** Maps a path inside a parsed YAML document back to a line and column in its file. */
import type { Document, LineCounter, Node } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { Position } from '../model/diagnostic.js';
import type { PathSegment } from '../schema/messages.js';

export interface Range {
  start: Position;
  end: Position;
}

function rangeOf(node: { range?: [number, number, number] | null } | null | undefined, lines: LineCounter): Range | undefined {
  if (!node?.range) return undefined;
  const [start, end] = node.range;
  const from = lines.linePos(start);
  const to = lines.linePos(end);
  return { start: { line: from.line, column: from.col }, end: { line: to.line, column: to.col } };
}

/**
 * The range of the node at `path`, or of its key when `atKey`. When the path does not exist
 * (a missing field), the deepest node that does: the finding still lands near its cause.
 */
export function locate(doc: Document, lines: LineCounter, path: readonly PathSegment[], atKey = false): Range {
  const { isMap, isScalar, isSeq } = yamlLib();
  let node: unknown = doc.contents;
  let best = rangeOf(doc.contents as Node | null, lines);
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const keyRange = rangeOf(pair.key as Node, lines);
      if (last && atKey) return keyRange ?? best ?? FILE_START;
      node = pair.value;
      best = rangeOf(pair.value as Node | null, lines) ?? keyRange ?? best;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) break;
      best = rangeOf(node as Node, lines) ?? best;
    } else {
      break;
    }
  }
  return best ?? FILE_START;
}

export const FILE_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
