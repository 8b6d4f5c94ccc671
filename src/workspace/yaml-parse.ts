/**
 * The one way `cop` turns text into a YAML Document. The `yaml` composer recurses once per
 * nesting level, so a deeply nested file overflows the stack at a depth that depends on the
 * thread (a worker's stack is smaller). Here the concrete syntax tree, built without recursion,
 * is measured first: past MAX_DEPTH levels the document is not composed and carries one error at
 * the first too-deep node, the same finding on every thread and every code path.
 */
import type { CST, Document, LineCounter } from 'yaml';
import { yamlLib } from './yaml-lib.js';

/** Nesting levels a data file may have (a charter needs about 4). */
export const MAX_DEPTH = 64;

export interface ParseOptions {
  lineCounter?: LineCounter;
}

export function parseYaml(text: string, options: ParseOptions = {}): Document {
  const { Composer, Document, Parser, YAMLParseError } = yamlLib();
  const tokens = Array.from(new Parser(options.lineCounter?.addNewLine).parse(text));
  const tooDeep = firstTooDeep(tokens);
  const composer = new Composer({ version: '1.2', uniqueKeys: true, prettyErrors: false });
  if (tooDeep !== undefined) {
    const doc = new Document(undefined, { version: '1.2' });
    doc.contents = null;
    doc.errors.push(
      new YAMLParseError([tooDeep, tooDeep + 1], 'RESOURCE_EXHAUSTION', `Nested more than ${MAX_DEPTH} levels deep: the file was not read`),
    );
    return doc;
  }
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc!;
}

/** The offset of the first node nested deeper than MAX_DEPTH, walking the tree without recursion. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return token.offset;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        for (const item of token.items) {
          if ('key' in item && item.key) stack.push([item.key, depth + 1]);
          if (item.value) stack.push([item.value, depth + 1]);
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}
