/**
 * Issue #25 on the site: each CoP page's outputs and value-creation matrix, and the hand-offs page,
 * read back with parse5 and checked against counts this test makes from the example's YAML files
 * (and, for the matrix, against `cop review --org --year 2026 --format json` for the same as-of day).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSite } from '../../src/site/render.js';
import { buildSite } from '../../src/site/site.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { bundledWorkspace } from '../helpers/org-copy.js';
import { attribute, findAll, htmlText, textOf, type HtmlNode } from '../helpers/html.js';
import { runInProcess } from '../helpers/in-process.js';
import { charter, meeting, output, workspace } from '../helpers/workspace.js';

const AS_OF = '2026-12-05';
/** The policy's circles, as the example's cop.config.yaml names them (it lists none: the defaults apply). */
const CIRCLE_NAMES: Record<string, string> = { 'consulting-thought-leadership': 'Consulting/Thought Leadership', innovation: 'Innovation', training: 'Training' };

interface OutputFile {
  date: string;
  title: string;
  kind: string;
  audience: string;
  authors: string[];
  url?: string;
  handoff?: { to: string; status: string; decided?: string };
}

const yamlFiles = <T,>(folder: string): T[] => {
  const dir = join(REPO_ROOT, folder);
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  } catch {
    return [];
  }
  return names.sort().map((f) => YAML.parse(readFileSync(join(dir, f), 'utf8')) as T);
};
const copIds = () => readdirSync(join(REPO_ROOT, 'cops')).filter((id) => readdirSync(join(REPO_ROOT, 'cops', id)).includes('charter.yaml'));
/** The example's outputs of a CoP up to the as-of day, newest first (dates are unique per CoP in the example). */
const outputsOf = (id: string) =>
  yamlFiles<OutputFile>(`cops/${id}/outputs`)
    .map((o) => ({ ...o, date: String(o.date), ...(o.handoff?.decided ? { handoff: { ...o.handoff, decided: String(o.handoff.decided) } } : {}) }))
    .filter((o) => o.date <= AS_OF)
    .sort((a, b) => (a.date < b.date ? 1 : -1));

const cells = (row: HtmlNode) => ('childNodes' in row ? row.childNodes : []).filter((c) => c.nodeName === 'td' || c.nodeName === 'th');
const text = (node: HtmlNode) => textOf(node).replace(/\s+/g, ' ').trim();
/** The body rows of the table under the section headed `id` (the first table after that heading). */
function sectionRows(html: string, id: string): HtmlNode[] {
  const doc = parse(html);
  const all = findAll(doc, () => true);
  const start = all.findIndex((n) => attribute(n, 'id') === id);
  expect(start, id).toBeGreaterThan(-1);
  const table = all.slice(start).find((n) => n.nodeName === 'table')!;
  return findAll(table, (n) => n.nodeName === 'tbody').flatMap((body) => findAll(body, (n) => n.nodeName === 'tr'));
}
const links = (node: HtmlNode) => findAll(node, (n) => n.nodeName === 'a').map((a) => attribute(a, 'href'));

let bundled: Workspace;
let pages: Map<string, string>;
let names: Map<string, string>;
beforeAll(async () => {
  bundled = await bundledWorkspace(AS_OF);
  pages = renderSite(buildSite(bundled, { asOf: AS_OF }));
  const people = YAML.parse(readFileSync(join(REPO_ROOT, 'people.yaml'), 'utf8')) as { people: { id: string; name: string }[] };
  names = new Map(people.people.map((p) => [p.id, p.name]));
});

describe("a CoP page's outputs", () => {
  it('lists every output of the files, newest first: date, title linked to its url, kind, audience, authors and hand-off', () => {
    let seen = 0;
    for (const id of copIds()) {
      const files = outputsOf(id);
      const page = pages.get(`cops/${id}.html`)!;
      if (files.length === 0) {
        expect(htmlText(page).replace(/\s+/g, ' ')).toContain(`No outputs recorded yet: cop output ${id}`);
        continue;
      }
      const rows = sectionRows(page, 'outputs');
      expect(rows.map((r) => text(cells(r)[0]!)), id).toEqual(files.map((o) => o.date));
      rows.forEach((row, i) => {
        const o = files[i]!;
        const [, what, handoff] = cells(row);
        expect(text(what!)).toContain(o.title);
        expect(text(what!)).toContain(`${o.kind}, ${o.audience}`);
        for (const author of o.authors) expect(text(what!)).toContain(names.get(author) ?? author);
        expect(links(what!)).toEqual(o.url ? [o.url] : []);
        expect(text(handoff!)).toBe(o.handoff ? `${CIRCLE_NAMES[o.handoff.to]}: ${o.handoff.status}${o.handoff.decided ? ` ${o.handoff.decided}` : ''}` : '–');
        seen++;
      });
    }
    // The example has outputs in several CoPs, hand-offs among them.
    expect(seen).toBeGreaterThanOrEqual(4);
  });

  it('links a title only for an http(s) url, and keeps a hostile title as text', () => {
    const ws = workspace({
      cops: {
        a: {
          charter: charter('a'),
          meetings: [meeting('2026-10-08')],
          outputs: [
            output('2026-10-20', { title: '<script>alert(1)</script> \u202Eevil', url: 'javascript:alert(2)' }),
            output('2026-10-21', { title: 'Safe & sound', url: 'https://wiki.example/safe' }),
          ],
        },
      },
    });
    const page = renderSite(buildSite(ws, { asOf: '2026-11-20' })).get('cops/a.html')!;
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain('href="javascript:');
    const rows = sectionRows(page, 'outputs');
    expect(rows.map((r) => text(cells(r)[0]!))).toEqual(['2026-10-21', '2026-10-20']);
    expect(links(cells(rows[0]!)[1]!)).toEqual(['https://wiki.example/safe']);
    expect(links(cells(rows[1]!)[1]!)).toEqual([]);
    const bdi = findAll(cells(rows[1]!)[1]!, (n) => n.nodeName === 'bdi').map(textOf);
    expect(bdi).toContain('<script>alert(1)</script> \u202Eevil');
  });
});

interface ValueCycleJson {
  cycle: string;
  indicators: { id: string; label: string; value: number }[];
  stories: { teller?: string; text: string }[];
  gap: boolean;
}

describe("a CoP page's value-creation matrix", () => {
  it("shows, for every CoP, exactly cop review --org --year 2026's value for the same as-of day: each indicator, story, teller and gap", async () => {
    const review = await runInProcess(['review', '--org', '--year', '2026', '--format', 'json', '--as-of', AS_OF], REPO_ROOT);
    expect(review.status, review.stderr).toBe(0);
    const cops = (JSON.parse(review.stdout) as { cops: { id: string; value: ValueCycleJson[] }[] }).cops;
    expect(cops.length).toBeGreaterThan(3);
    let stories = 0;
    for (const cop of cops) {
      const page = pages.get(`cops/${cop.id}.html`)!;
      expect(htmlText(page).replace(/\s+/g, ' ')).toContain('for January 2026 to November 2026, the months of cop review --org --year 2026');
      const rows = sectionRows(page, 'value');
      expect(rows.map((r) => text(cells(r)[0]!))).toEqual(cop.value.map((c) => c.cycle));
      rows.forEach((row, i) => {
        const cycle = cop.value[i]!;
        const [, indicators, told] = cells(row);
        if (cycle.gap) {
          expect(cells(row)).toHaveLength(2);
          expect(text(indicators!)).toMatch(/^gap/);
          return;
        }
        expect(findAll(indicators!, (n) => n.nodeName === 'li').map(text)).toEqual(cycle.indicators.map((x) => `${x.label}: ${x.value}`));
        const paragraphs = findAll(told!, (n) => n.nodeName === 'p').map(text);
        expect(paragraphs).toEqual(cycle.stories.map((s) => `${s.text.replace(/\s+/g, ' ')} — ${names.get(s.teller!) ?? s.teller}`));
        stories += paragraphs.length;
      });
    }
    expect(stories).toBe(2);
  });

  it("counts what the test counts from aws's files: meetings held, outputs by kind and audience, stories per cycle, and gaps", () => {
    const held = yamlFiles<{ date: string; cancelled?: boolean; recording?: string }>('cops/aws/meetings').filter((m) => {
      const date = String(m.date);
      return !m.cancelled && date >= '2026-01-01' && date <= '2026-11-30';
    });
    const outputs = outputsOf('aws').filter((o) => o.date >= '2026-01-01' && o.date <= '2026-11-30');
    const reviews = yamlFiles<{ date: string; stories?: { cycle: string }[] }>('cops/aws/reviews').filter((r) => String(r.date) >= '2026-01-01');
    const rows = sectionRows(pages.get('cops/aws.html')!, 'value');
    const row = (cycle: string) => rows.find((r) => text(cells(r)[0]!) === cycle)!;
    const items = (cycle: string) => findAll(cells(row(cycle))[1]!, (n) => n.nodeName === 'li').map(text);
    expect(items('immediate')).toContain(`meetings held: ${held.length}`);
    expect(items('potential')).toContain(`recordings published: ${held.filter((m) => m.recording).length}`);
    const byKind = new Map<string, number>();
    for (const o of outputs) byKind.set(`${o.audience} outputs: ${o.kind}`, (byKind.get(`${o.audience} outputs: ${o.kind}`) ?? 0) + 1);
    expect(byKind.size).toBeGreaterThan(0);
    for (const [label, n] of byKind) expect(items('potential')).toContain(`${label}: ${n}`);
    for (const cycle of ['immediate', 'potential', 'applied', 'realised', 'reframing']) {
      const told = reviews.flatMap((r) => r.stories ?? []).filter((s) => s.cycle === cycle).length;
      const numbers = items(cycle).map((item) => Number(item.slice(item.lastIndexOf(': ') + 2)));
      const gap = told === 0 && numbers.every((n) => n === 0);
      expect(text(cells(row(cycle))[1]!).startsWith('gap'), cycle).toBe(gap);
      if (!gap) expect(findAll(cells(row(cycle))[2]!, (n) => n.nodeName === 'p')).toHaveLength(told);
    }
  });
});

describe('the hand-offs page', () => {
  it('is linked from every page and lists every hand-off of the files under its circle, newest first', () => {
    for (const [path, html] of pages) if (path.endsWith('.html')) expect(links(parse(html)), path).toContain(path.startsWith('cops/') ? '../handoffs.html' : 'handoffs.html');
    const expected = copIds().flatMap((id) =>
      outputsOf(id).flatMap((o) => (o.handoff ? [{ circle: o.handoff.to, cop: id, title: o.title, date: o.date, status: o.handoff.status, decided: o.handoff.decided ?? '–' }] : [])),
    );
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const page = pages.get('handoffs.html')!;
    const circles = ['consulting-thought-leadership', 'innovation', 'training'];
    // The config's circles (the policy's three), each with a heading, in order.
    const headings = findAll(parse(page), (n) => n.nodeName === 'h2').map((h) => attribute(h, 'id'));
    expect(headings).toEqual(circles.map((c) => `circle-${c}`));
    for (const circle of circles) {
      const mine = expected.filter((h) => h.circle === circle).sort((a, b) => (a.date < b.date ? 1 : -1));
      if (mine.length === 0) {
        const section = findAll(parse(page), (n) => n.nodeName === 'section' && attribute(n, 'aria-labelledby') === `circle-${circle}`)[0]!;
        expect(text(section)).toContain('No hand-offs to this circle.');
        continue;
      }
      const rows = sectionRows(page, `circle-${circle}`);
      expect(rows.map((r) => cells(r).map(text))).toEqual(
        mine.map((h) => [bundled.cops.find((c) => c.id === h.cop)!.charter!.name, h.title, h.date, h.status, h.decided]),
      );
      for (const [i, h] of mine.entries()) expect(links(cells(rows[i]!)[0]!)).toEqual([`cops/${h.cop}.html`]);
    }
  });

  it('says so when no CoP handed anything to a circle; lists hand-offs across CoPs newest first, and a circle the config does not know under its id', () => {
    const none = renderSite(buildSite(workspace({ cops: { a: { charter: charter('a'), outputs: [output('2026-10-20')] } } }), { asOf: '2026-11-20' }));
    expect(htmlText(none.get('handoffs.html')!).replace(/\s+/g, ' ')).toContain('No hand-offs recorded yet: cop output <id> --handoff-to <circle>');
    expect(findAll(parse(none.get('handoffs.html')!), (n) => n.nodeName === 'table')).toHaveLength(0);
    const training = (date: string) => output(date, { title: `Workshop of ${date}`, handoff: { to: 'training', status: 'accepted', decided: '2026-11-01' } });
    const stray = renderSite(
      buildSite(
        workspace({
          cops: {
            a: { charter: charter('a'), outputs: [output('2026-10-20', { handoff: { to: 'research', status: 'proposed' } }), training('2026-09-01')] },
            b: { charter: charter('b'), outputs: [training('2026-10-02')] },
          },
        }),
        { asOf: '2026-11-20' },
      ),
    ).get('handoffs.html')!;
    const headings = findAll(parse(stray), (n) => n.nodeName === 'h2').map(text);
    expect(headings).toEqual(['Consulting/Thought Leadership', 'Innovation', 'Training', 'research']);
    expect(sectionRows(stray, 'circle-research').map((r) => cells(r).map(text)[3])).toEqual(['proposed']);
    // Across CoPs, newest first.
    expect(sectionRows(stray, 'circle-training').map((r) => cells(r).map(text).slice(1, 3))).toEqual([
      ['Workshop of 2026-10-02', '2026-10-02'],
      ['Workshop of 2026-09-01', '2026-09-01'],
    ]);
  });
});
