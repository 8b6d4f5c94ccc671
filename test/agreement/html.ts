/** Just enough of an HTML page, parsed with parse5, to read the figures a person sees on it. */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export function parsePage(html: string): Element {
  const document = parse(html);
  return document.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'html')!;
}

function children(node: Node): Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/** Every element under `node` (depth first, in document order) that `test` accepts. */
export function findAll(node: Node, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n && test(n)) found.push(n);
    for (const child of children(n)) walk(child);
  };
  for (const child of children(node)) walk(child);
  return found;
}

export const byTag = (tag: string) => (e: Element) => e.tagName === tag;

export function attr(e: Element, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}

/** The text a reader sees, with the bidi isolates (U+2066–U+2069) the pages wrap names in removed and spaces collapsed. */
export function textOf(node: Node): string {
  const raw = (n: Node): string => ('value' in n && n.nodeName === '#text' ? n.value : children(n).map(raw).join(''));
  return raw(node).replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
}

/** The texts of a table row's cells (th and td). */
export function cellsOf(tr: Element): string[] {
  return children(tr)
    .filter((c): c is Element => 'tagName' in c && (c.tagName === 'td' || c.tagName === 'th'))
    .map(textOf);
}

/** The rows of a table as the texts of their cells, header row included. */
export function tableRows(table: Element): string[][] {
  return findAll(table, byTag('tr')).map(cellsOf);
}

/** A definition list as term → description text. */
export function definitions(dl: Element): Map<string, string> {
  const map = new Map<string, string>();
  let term: string | undefined;
  for (const child of children(dl)) {
    if (!('tagName' in child)) continue;
    if (child.tagName === 'dt') term = textOf(child);
    else if (child.tagName === 'dd' && term !== undefined) map.set(term, textOf(child));
  }
  return map;
}
