/** Adds people to people.yaml through the Document API, so its comments and layout survive. */
import { isSeq, parseDocument } from 'yaml';
import type { Person } from '../model/schema-types.js';

/** people.yaml's text with `added` appended to its `people:` list; a missing file starts one. */
export function appendPeople(text: string | undefined, added: readonly Person[], schemaRef: string): string {
  if (text === undefined) {
    const doc = parseDocument(`# yaml-language-server: $schema=${schemaRef}\npeople: []\n`);
    return appendTo(doc, added);
  }
  return appendTo(parseDocument(text, { version: '1.2' }), added);
}

function appendTo(doc: ReturnType<typeof parseDocument>, added: readonly Person[]): string {
  let list = doc.get('people', true);
  if (!isSeq(list)) {
    doc.set('people', doc.createNode([]));
    list = doc.get('people', true);
  }
  if (!isSeq(list)) throw new Error('people.yaml: `people` is not a list.');
  list.flow = false;
  for (const person of added) list.add(doc.createNode(person));
  return doc.toString({ lineWidth: 100 });
}
