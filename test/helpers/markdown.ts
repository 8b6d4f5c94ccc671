/**
 * Markdown output parsed back as GitHub would read it (micromark with GFM), and the facts the tests
 * assert about it: its structure (headings, list items, table rows), and what data must never
 * make of it (HTML, images, links the tool did not make, mentions GitHub would notify).
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Every node of the tree, depth first, with whether it sits inside a link. */
export function nodes(tree: Nodes, inLink = false): { node: Nodes; inLink: boolean }[] {
  const children = 'children' in tree ? tree.children.flatMap((child) => nodes(child, inLink || tree.type === 'link')) : [];
  return [{ node: tree, inLink }, ...children];
}

/** The shape a reader sees: each heading, list item and table row as its kind and depth, in order. */
export function outline(tree: Root): string[] {
  return nodes(tree).flatMap(({ node }) => {
    if (node.type === 'heading') return [`h${node.depth}`];
    if (node.type === 'listItem') return ['item'];
    if (node.type === 'tableRow') return [`row:${node.children.length}`];
    if (node.type === 'table') return ['table'];
    return [];
  });
}

/** An @mention GitHub would notify: `@user` or `@org/team` not preceded by a word character or a backtick. */
export const MENTION = /(^|[^\w`])@[A-Za-z0-9][\w-]*(\/[\w-]+)?/;

/** A reference GitHub would link to an issue or pull request: `#123`, `GH-123` or `owner/repo#123`. */
export const ISSUE_REFERENCE = /(^|[^\w&])#\d|\bGH-\d/i;

/** Each mention GitHub would notify in the tree, with the character before it: the text outside links (GitHub mentions nothing inside a link). */
export function mentionsOf(tree: Root): string[] {
  const every = new RegExp(MENTION.source, 'g');
  return nodes(tree).flatMap(({ node, inLink }) => (node.type === 'text' && !inLink ? [...node.value.matchAll(every)].map((m) => m[0].trim()) : []));
}

/** What data must never produce in the tree: HTML (but the tool's own `<br>`), images, links not to `allowedUrls`, mentions and issue references outside links. */
export function forgeries(tree: Root, allowedUrls: (url: string) => boolean = () => false): string[] {
  return nodes(tree).flatMap(({ node, inLink }) => {
    if (node.type === 'html' && node.value !== '<br>') return [`html ${node.value}`];
    if (node.type === 'image' || node.type === 'imageReference' || node.type === 'linkReference' || node.type === 'definition') return [node.type];
    if (node.type === 'link' && !allowedUrls(node.url)) return [`link ${node.url}`];
    if (node.type === 'text' && !inLink && MENTION.test(node.value)) return [`mention ${node.value}`];
    if (node.type === 'text' && !inLink && ISSUE_REFERENCE.test(node.value)) return [`reference ${node.value}`];
    return [];
  });
}

/** The text a reader sees in `node`: its text, code and HTML values joined. */
export function textOf(node: Nodes): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
