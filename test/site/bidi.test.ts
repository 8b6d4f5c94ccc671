/**
 * Issue #22 row 10: every string from the data sits in a bidi-isolating element (<bdi>), so an
 * unterminated right-to-left override in a sponsor's name cannot reorder the text around it.
 * The bundled organisation's every free-text value gets an U+202E in front; each page is parsed
 * with parse5 and every text node holding one must be the text of a <bdi>.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/site.js';
import { renderSite } from '../../src/site/render.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { AS_OF, bundledWorkspace } from '../helpers/org-copy.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const RLO = '\u202E';
/** Keys whose values a computation reads (a time zone, a currency code, a URL): not text a reader is shown as such. */
const COMPUTED = /zone|currency|url|recording/i;

/** Every free-text string (one with a space or a capital: not an id, a date or a keyword) with an RLO in front. */
function withOverrides<T>(value: T, key = ''): T {
  if (typeof value === 'string') return (/[\sA-Z]/.test(value) && !COMPUTED.test(key) ? `${RLO}${value}` : value) as T;
  if (Array.isArray(value)) return value.map((item) => withOverrides(item, key)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withOverrides(v, k)])) as T;
  return value;
}

function hostileWorkspace(ws: Workspace): Workspace {
  return {
    ...ws,
    config: withOverrides(ws.config),
    ...(ws.people ? { people: { ...ws.people, data: withOverrides(ws.people.data) } } : {}),
    cops: ws.cops.map((cop) => ({
      ...cop,
      ...(cop.charter ? { charter: withOverrides(cop.charter) } : {}),
      meetings: cop.meetings.map((m) => ({ ...m, data: withOverrides(m.data) })),
      outputs: cop.outputs.map((o) => ({ ...o, data: withOverrides(o.data) })),
      reviews: cop.reviews.map((r) => ({ ...r, data: withOverrides(r.data) })),
    })),
  };
}

/** Text nodes holding an override, with the element they sit in; and attributes holding one. */
function overrides(html: string): { text: string; parent: string; inTitle: boolean }[] {
  const found: { text: string; parent: string; inTitle: boolean }[] = [];
  const visit = (node: Node, ancestors: Element[]) => {
    if (node.nodeName === '#text' && 'value' in node && node.value.includes(RLO)) {
      found.push({ text: node.value, parent: ancestors.at(-1)?.tagName ?? '', inTitle: ancestors.some((a) => a.tagName === 'title') });
    }
    if ('attrs' in node) {
      for (const attr of node.attrs) if (attr.value.includes(RLO)) found.push({ text: attr.value, parent: `${node.tagName}[${attr.name}]`, inTitle: false });
    }
    const element = 'tagName' in node ? [node] : [];
    if ('childNodes' in node) for (const child of node.childNodes) visit(child, [...ancestors, ...element]);
    if ('content' in node) visit(node.content, [...ancestors, ...element]);
  };
  visit(parse(html), []);
  return found;
}

describe('bidi isolation of data in the site (issue #22 row 10)', () => {
  let pages: Map<string, string>;
  beforeAll(async () => {
    const workspace = await bundledWorkspace(AS_OF);
    const files = renderSite(buildSite(hostileWorkspace(workspace), { asOf: AS_OF }));
    pages = new Map([...files].filter(([file]) => file.endsWith('.html')));
  });

  it('every text node holding data is the whole text of a <bdi> (the page <title> aside: it holds no elements)', () => {
    const outside: string[] = [];
    let isolated = 0;
    for (const [file, html] of pages) {
      for (const hit of overrides(html)) {
        // A <bdi>'s whole text, or a list in one <bdi> whose every item sits between FSI and PDI (U+2068 … U+2069).
        const bare = hit.text.replace(/\u2068[^\u2069]*\u2069/g, '');
        if (hit.parent === 'bdi' && (bare.startsWith(RLO) || (bare !== hit.text && !bare.includes(RLO)))) isolated++;
        else if (!hit.inTitle) outside.push(`${file}: <${hit.parent}> ${JSON.stringify(hit.text.slice(0, 80))}`);
      }
    }
    expect(outside).toEqual([]);
    // The data did reach the pages: names, subjects, topics, attendees, the organisation on every page.
    expect(isolated).toBeGreaterThan(500);
  });

  it('covers the organisation, CoP names and subjects, people, scope, goals, meeting titles, topics, attendees, outputs and value stories', () => {
    const bdiTexts = (file: string) =>
      overrides(pages.get(file)!)
        .filter((hit) => hit.parent === 'bdi')
        .flatMap((hit) => hit.text.match(/(?<=\u2068)[^\u2069]*(?=\u2069)/g) ?? [hit.text])
        .filter((text) => text.startsWith(RLO))
        .map((text) => text.slice(1));
    const cop = bdiTexts('cops/aws.html');
    expect(cop).toEqual(expect.arrayContaining(['Harbourline Digital', 'AWS', 'Stacy Leblanc', 'Clinic: DynamoDB single-table design']));
    // Who came to each meeting: one <bdi>, every name isolated between FSI and PDI.
    expect(overrides(pages.get('cops/aws.html')!).filter((hit) => hit.parent === 'bdi' && /^\u2068\u202E[^\u2069]+\u2069, \u2068/.test(hit.text)).length).toBeGreaterThan(5);
    for (const file of ['index.html', 'budget.html', 'health.html']) expect(bdiTexts(file)).toEqual(expect.arrayContaining(['Harbourline Digital', 'AWS']));
    // Outputs (title, authors), a story of the value-creation matrix and its teller, and the hand-offs page's CoPs and outputs.
    expect(cop).toEqual(expect.arrayContaining(['Lambda cold starts: what we measured', 'Lucy Chen', 'Fatima Sheikh']));
    expect(cop.some((text) => text.startsWith('I brought a security group problem'))).toBe(true);
    expect(bdiTexts('handoffs.html')).toEqual(expect.arrayContaining(['Harbourline Digital', 'Quality Engineering', 'Workshop: writing a test strategy', 'Distributed Ledgers']));
    // Each data string is its own <bdi>: no element holds two names run together.
    expect(cop.some((text) => text.includes(RLO))).toBe(false);
  });
});
