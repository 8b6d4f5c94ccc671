/**
 * The bundled organisation's site as a manager reads it, in headless Chromium: at 390 px no page
 * scrolls sideways (a wide table scrolls in its own box, which says so), charts fill the content
 * width with readable, non-overlapping axis labels at 390 and 1280 px, and axe-core finds no
 * violation in the light or the dark theme. The site is written by `cop site` (in process), so
 * the test holds whatever model the pages are built from. Skipped without Chromium, and says so.
 */
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/chromium.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF } from '../helpers/org-copy.js';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'site-phone');
const AXE = createRequire(import.meta.url).resolve('axe-core');
const COPS = readdirSync(join(REPO_ROOT, 'cops')).map((id) => `cops/${id}.html`);
const PAGES = ['index.html', 'budget.html', 'health.html', 'handoffs.html', ...COPS];

if (!hasChromium) {
  console.warn(`Browser tests SKIPPED: no Chromium found at ${CHROMIUM} (apt-get install chromium, or set COP_CHROMIUM).`);
}

describe.skipIf(!hasChromium)('the site on a phone and a desktop, in headless Chromium', () => {
  let out: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'cop-site-phone-')), 'site');
    const result = await runInProcess(['site', '--out', out, '--as-of', AS_OF], REPO_ROOT);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme });
    await page.goto(pathToFileURL(join(out, path)).href, { waitUntil: 'load' });
    return page;
  }

  const shot = (path: string, suffix: string) => join(ARTIFACTS, `${path.replace(/\//g, '-').replace(/\.html$/, '')}-${suffix}.png`);

  it('holds every CoP page, the index, the budget and the health page', () => {
    expect(COPS.length).toBeGreaterThan(5);
    expect(readdirSync(join(out, 'cops')).sort()).toEqual(COPS.map((p) => p.slice(5)).sort());
  });

  it.each(PAGES)('%s at 390 px: the page never scrolls sideways; a table that does scrolls in its box and says so', async (path) => {
    const page = await open(path, 390);
    try {
      const layout = await page.evaluate(() => {
        // Open every disclosure (the charts' numbers, who came): what a reader can open must fit too.
        for (const details of Array.from(document.querySelectorAll('details'))) details.open = true;
        const root = document.documentElement;
        const boxes = Array.from(document.querySelectorAll<HTMLElement>('.table-wrap'));
        // Nothing outside a table's box sticks out of the content column (into the page's margin).
        const main = document.querySelector('main')!;
        const edge = main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight);
        const sticking = Array.from(main.querySelectorAll('*'))
          .filter((element) => !element.closest('.table-wrap') && element.getBoundingClientRect().right > edge + 0.5)
          .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}: ${(element.textContent ?? '').slice(0, 40)}`);
        return {
          scroll: root.scrollWidth,
          client: root.clientWidth,
          sticking,
          boxes: boxes.map((box) => {
            const cue = box.previousElementSibling;
            return {
              label: box.getAttribute('aria-label'),
              role: box.getAttribute('role'),
              focusable: box.tabIndex === 0,
              scrolls: box.scrollWidth > box.clientWidth,
              right: box.getBoundingClientRect().right,
              cue: cue?.classList.contains('scroll-cue') === true && getComputedStyle(cue).display !== 'none' && (cue.textContent ?? '').includes('sideways'),
            };
          }),
        };
      });
      await page.screenshot({ path: shot(path, '390'), fullPage: true });
      expect(layout.scroll).toBeLessThanOrEqual(layout.client);
      expect(layout.sticking).toEqual([]);
      for (const [i, box] of layout.boxes.entries()) {
        expect(box.right, `table box ${i}`).toBeLessThanOrEqual(layout.client);
        if (!box.scrolls) continue;
        // Whatever scrolls sideways says so, is named, and takes the keyboard.
        expect(box.cue, `table box ${i} scrolls: a cue says so`).toBe(true);
        expect(box.role).toBe('region');
        expect(box.label).toBeTruthy();
        expect(box.focusable, `${box.label}: the keyboard can scroll it`).toBe(true);
      }
      // The index's 7 columns cannot fit 390 px: its table is the one that scrolls, with the cue.
      if (path === 'index.html') expect(layout.boxes.filter((box) => box.scrolls && box.cue)).toHaveLength(1);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('says "scroll sideways" only where the screen is narrow', async () => {
    const page = await open('index.html', 1280);
    try {
      const cue = await page.$eval('.scroll-cue', (element) => getComputedStyle(element).display);
      const box = await page.$eval('.table-wrap', (element) => element.scrollWidth > element.clientWidth);
      expect(cue).toBe('none');
      expect(box).toBe(false);
    } finally {
      await page.close();
    }
  }, 120_000);

  for (const width of [390, 1280]) {
    it.each(['budget.html', 'cops/mobile.html', 'cops/aws.html'])(`%s at ${width} px: charts fill the content width, axis labels are readable and apart`, async (path) => {
      const page = await open(path, width);
      try {
        const charts = await page.$$eval('figure.chart', (figures) =>
          figures.map((figure) => {
            const plot = figure.querySelector('svg.plot')!.getBoundingClientRect();
            const content = figure.parentElement!.getBoundingClientRect();
            const style = getComputedStyle(figure.parentElement!);
            const contentWidth = content.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            const labels = Array.from(figure.querySelectorAll<SVGTextElement>('svg.plot text'))
              .filter((text) => getComputedStyle(text).display !== 'none')
              .map((text) => {
                const box = text.getBoundingClientRect();
                return { text: text.textContent, left: box.left, right: box.right, top: box.top, fontSize: parseFloat(getComputedStyle(text).fontSize) };
              });
            return { id: figure.id, share: plot.width / contentWidth, labels, viewport: document.documentElement.clientWidth };
          }),
        );
        expect(charts.length).toBeGreaterThan(1);
        for (const chart of charts) {
          // The plot takes all the content width but the y axis' labels' margin (3.5rem).
          expect(chart.share, chart.id).toBeGreaterThan(width < 600 ? 0.8 : 0.9);
          expect(chart.labels.length, chart.id).toBeGreaterThan(3);
          for (const label of chart.labels) {
            expect(label.fontSize, `${chart.id} ${label.text}`).toBeGreaterThanOrEqual(11);
            expect(label.left, `${chart.id} ${label.text}`).toBeGreaterThanOrEqual(0);
            expect(label.right, `${chart.id} ${label.text}`).toBeLessThanOrEqual(chart.viewport);
          }
          // Labels on one line (the x axis, or a y tick's row) never overlap.
          const rows = new Map<number, typeof chart.labels>();
          for (const label of chart.labels) rows.set(Math.round(label.top), [...(rows.get(Math.round(label.top)) ?? []), label]);
          for (const row of rows.values()) {
            const sorted = [...row].sort((a, b) => a.left - b.left);
            sorted.slice(1).forEach((label, i) => expect(label.left, `${chart.id}: ${sorted[i]!.text} and ${label.text}`).toBeGreaterThanOrEqual(sorted[i]!.right + 2));
          }
        }
      } finally {
        await page.close();
      }
    }, 120_000);
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(PAGES)(`%s in the ${colorScheme} theme: axe-core finds no violation`, async (path) => {
      const page = await open(path, 1280, colorScheme);
      try {
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
          const result = await (window as unknown as { axe: { run: (options: object) => Promise<Result> } }).axe.run({ preload: false });
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
        });
        if (colorScheme === 'dark') await page.screenshot({ path: shot(path, 'dark'), fullPage: true });
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    }, 120_000);
  }
});

if (!hasChromium) {
  describe('the site on a phone and a desktop, in headless Chromium', () => {
    it.skip(`SKIPPED: no Chromium found at ${CHROMIUM}`, () => {});
  });
}
