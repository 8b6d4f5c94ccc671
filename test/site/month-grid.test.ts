/**
 * The health page's grid of months reached (issue #24: "the health page has no chart"): the
 * MonthGrid component from plain props, and the bundled organisation's health page as `cop site`
 * writes it, both parsed back with parse5.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { MonthGrid } from '../../src/site/charts.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF } from '../helpers/org-copy.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value ?? null;

function elements(node: Node, tag: string): Element[] {
  const found: Element[] = isElement(node) && node.tagName === tag ? [node] : [];
  const children = 'childNodes' in node ? node.childNodes : [];
  return [...found, ...children.flatMap((child) => elements(child, tag))];
}

function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

/** The grid's rows as [name, [cell text, cell class] …]. */
function gridRows(html: string, id: string) {
  const figure = elements(parse(html), 'figure').find((f) => attr(f, 'id') === id);
  if (!figure) throw new Error(`no figure #${id}`);
  const [thead] = elements(figure, 'thead');
  const [tbody] = elements(figure, 'tbody');
  return {
    months: elements(thead!, 'abbr').map((abbr) => [text(abbr), attr(abbr, 'title')]),
    rows: elements(tbody!, 'tr').map((tr) => ({
      name: text(elements(tr, 'th')[0]!),
      cells: elements(tr, 'td').map((td) => [text(td), attr(td, 'class')]),
    })),
    region: elements(figure, 'div').find((div) => attr(div, 'role') === 'region'),
  };
}

describe('MonthGrid', () => {
  it('shades a month reached at the minimum, not below it; an active month without a meeting is "–" and unreached, a month not active unshaded; the month in progress is shaded only once reached', () => {
    const cells = (active: boolean[], best: (number | null)[]) => best.map((b, i) => ({ best: b, active: active[i]! }));
    const html = renderToString(
      h(MonthGrid, {
        id: 'grid',
        title: 'Months reached',
        months: ['2026-09', '2026-10', '2026-11', '2026-12'],
        inProgress: '2026-12',
        minimum: 5,
        rows: [
          { name: 'Mobile', href: 'cops/mobile.html', cells: cells([true, true, true, true], [5, 4, null, 2]) },
          { name: 'AWS', href: 'cops/aws.html', cells: cells([false, true, true, true], [null, 9, 6, 5]) },
        ],
      }),
    );
    const grid = gridRows(html, 'grid');
    expect(grid.months).toEqual([
      ['Sep', 'September 2026'],
      ['Oct', 'October 2026'],
      ['Nov', 'November 2026'],
      ['Dec', 'December 2026'],
    ]);
    expect(grid.rows).toEqual([
      { name: 'Mobile', cells: [['5', 'num reached'], ['4', 'num unreached'], ['–', 'num unreached'], ['2', 'num open']] },
      { name: 'AWS', cells: [['–', 'num inactive'], ['9', 'num reached'], ['6', 'num reached'], ['5', 'num reached']] },
    ]);
    expect(attr(grid.region!, 'aria-label')).toBe('Months reached');
    expect(html).toContain('December 2026 is still in progress');
  });
});

describe('the health page', () => {
  it('has the grid: one row per active CoP, 12 months ending with the as-of month, each cell its best attendance', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cop-site-grid-')), 'site');
    const result = await runInProcess(['site', '--out', out, '--as-of', AS_OF], REPO_ROOT);
    expect(result.status).toBe(0);
    const health = await runInProcess(['health', '--format', 'json', '--as-of', AS_OF], REPO_ROOT);
    const report = JSON.parse(health.stdout) as { cops: { id: string; status: string; trend: { month: string; bestAttendance: number | null }[] }[] };
    const active = report.cops.filter((cop) => cop.status === 'active');
    expect(active.length).toBeGreaterThan(3);

    const grid = gridRows(readFileSync(join(out, 'health.html'), 'utf8'), 'months-reached');
    expect(grid.months).toHaveLength(12);
    expect(grid.months.at(-1)).toEqual(['Nov', 'November 2026']);
    expect(grid.rows).toHaveLength(active.length);
    const cells = (trend: { bestAttendance: number | null }[]) => trend.map((p) => (p.bestAttendance === null ? '–' : String(p.bestAttendance)));
    expect(new Set(grid.rows.map((row) => row.cells.map(([value]) => value).join(' ')))).toEqual(new Set(active.map((cop) => cells(cop.trend).join(' '))));
    // Mobile, flagged for low participation, has unreached complete months, one of them without a meeting (September 2026).
    expect(grid.rows.flatMap((row) => row.cells).some(([, cls]) => cls === 'num unreached')).toBe(true);
    const mobile = grid.rows.find((row) => row.name === 'Mobile Development')!;
    expect(mobile.cells[grid.months.findIndex(([, month]) => month === 'September 2026')]).toEqual(['–', 'num unreached']);
    // Data Engineering was activated in June 2026: its months before are not active, not unreached.
    const data = grid.rows.find((row) => row.name === 'Data Engineering')!;
    expect(data.cells[0]).toEqual(['–', 'num inactive']);
  });
});
