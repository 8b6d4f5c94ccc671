/** HTML read back with parse5, for tests of the site's pages. */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

export type HtmlNode = DefaultTreeAdapterMap['node'];

const children = (node: HtmlNode): HtmlNode[] => ('childNodes' in node ? node.childNodes : []);

/** The text of a node and everything in it. */
export function textOf(node: HtmlNode): string {
  return node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : children(node).map(textOf).join('');
}

/** A page's whole text. */
export function htmlText(html: string): string {
  return textOf(parse(html));
}

/** Every node under `node` (itself included) that passes `test`, in document order. */
export function findAll(node: HtmlNode, test: (n: HtmlNode) => boolean): HtmlNode[] {
  return [...(test(node) ? [node] : []), ...children(node).flatMap((child) => findAll(child, test))];
}

export function attribute(node: HtmlNode, name: string): string | undefined {
  return 'attrs' in node ? node.attrs.find((a) => a.name === name)?.value : undefined;
}

/** The elements of a page whose class list holds `name`. */
export function byClass(html: string, name: string): HtmlNode[] {
  return findAll(parse(html), (n) => (attribute(n, 'class') ?? '').split(' ').includes(name));
}

/** A chart's table of numbers: one [label, value, …] per row of its body. */
export function chartTable(html: string, id: string): string[][] {
  const figure = findAll(parse(html), (n) => n.nodeName === 'figure' && attribute(n, 'id') === id)[0]!;
  return findAll(figure, (n) => n.nodeName === 'tr')
    .slice(1)
    .map((row) => children(row).filter((c) => c.nodeName === 'td' || c.nodeName === 'th').map(textOf));
}
