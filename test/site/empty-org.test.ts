/**
 * A new organisation's site (issue #24: "a new organisation's pages are mostly empty axes"): no
 * page draws a table header over no rows, and the budget and health pages say why they have
 * nothing to show. `cop init`, then `cop site`, in process; pages parsed back with parse5.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;
const children = (node: Node): Node[] => ('childNodes' in node ? node.childNodes : []);
const elements = (node: Node, tag: string): Element[] => [...(isElement(node) && node.tagName === tag ? [node] : []), ...children(node).flatMap((child) => elements(child, tag))];
const text = (node: Node): string => (node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : children(node).map(text).join(''));

describe('a new organisation’s site', () => {
  const pages = new Map<string, Node>();

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'cop-new-org-'));
    const init = await runInProcess(['init', '--yes', '--organisation', 'New Org', '--year', '2026'], root);
    expect(init.status, init.stderr).toBe(0);
    const out = join(root, '_site');
    const site = await runInProcess(['site', '--out', out, '--as-of', '2026-11-20'], root);
    expect([0, 1], site.stderr).toContain(site.status);
    for (const file of readdirSync(out).filter((name) => name.endsWith('.html'))) pages.set(file, parse(readFileSync(join(out, file), 'utf8')));
  }, 60_000);

  it('draws no table without rows on any page', () => {
    expect(pages.size).toBeGreaterThan(3);
    for (const [file, page] of pages) {
      for (const table of elements(page, 'table')) {
        expect(elements(table, 'tbody').flatMap((tbody) => elements(tbody, 'tr')).length, `${file}: a table with no rows`).toBeGreaterThan(0);
      }
    }
  });

  it('sets commands as code, never in Markdown backticks (the banner for a file with errors too)', () => {
    const index = pages.get('index.html')!;
    expect(elements(index, 'section').some((section) => section.attrs.some((a) => a.value === 'incomplete'))).toBe(true);
    for (const [file, page] of pages) expect(text(page), file).not.toContain('`');
    expect(elements(index, 'code').map(text)).toContain('cop check');
  });

  it('says why the budget has no CoP, and how a CoP gets one', () => {
    const budget = text(pages.get('budget.html')!).replace(/\s+/g, ' ');
    expect(budget).toContain('No CoP has been active in 2026 yet');
    expect(budget).toContain('cop activate <id>');
  });

  it('says why the health page judges no CoP, and draws no months grid', () => {
    const health = pages.get('health.html')!;
    expect(text(health).replace(/\s+/g, ' ')).toContain('No active CoP yet: only active CoPs are judged');
    expect(elements(health, 'figure')).toEqual([]);
  });
});
