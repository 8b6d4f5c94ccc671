/**
 * The bundled organisation's site in a real headless Chromium: no console error or failed request,
 * every internal link resolves, every chart is drawn with one mark per non-zero number in its
 * table, and axe-core finds no serious or critical violation. Screenshots go to test-artifacts/.
 * Without Chromium (/usr/bin/chromium or COP_CHROMIUM) these tests are skipped, and say so.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/site.js';
import { renderSite } from '../../src/site/render.js';
import { writeSiteFiles } from '../../src/site/write.js';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/chromium.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { AS_OF, bundledWorkspace } from '../helpers/org-copy.js';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'site');
const PAGES = ['index.html', 'cops/mobile.html', 'cops/aws.html', 'budget.html', 'health.html', 'handoffs.html'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

if (!hasChromium) {
  console.warn(`Browser tests SKIPPED: no Chromium found at ${CHROMIUM} (apt-get install chromium, or set COP_CHROMIUM).`);
}

describe.skipIf(!hasChromium)('the site in headless Chromium', () => {
  let out: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    const workspace = await bundledWorkspace(AS_OF);
    out = join(mkdtempSync(join(tmpdir(), 'cop-site-browser-')), 'site');
    writeSiteFiles(out, renderSite(buildSite(workspace, { asOf: AS_OF })), 'site');
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a page, recording console errors, page errors and failed requests. */
  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
    await page.goto(pathToFileURL(join(out, path)).href, { waitUntil: 'load' });
    return { page, problems };
  }

  it.each(PAGES)('%s loads cleanly, links resolve, charts are drawn, and axe finds nothing serious', async (path) => {
    const { page, problems } = await open(path);
    try {
      // The stylesheet applied (a failed load would leave the default white body in both schemes).
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('system-ui');

      const links = await page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
      const internal = links.filter((href) => href.startsWith('file:'));
      expect(internal.length).toBeGreaterThan(3);
      for (const href of internal) {
        const [file, hash] = href.split('#');
        expect(existsSync(fileURLToPath(file!)), `${path} links to ${href}`).toBe(true);
        if (hash) expect(readFileSync(fileURLToPath(file!), 'utf8'), `${path} links to #${hash}`).toContain(`id="${hash}"`);
      }

      const charts = await page.$$eval('figure.chart', (figures) =>
        figures.map((figure) => {
          const svg = figure.querySelector('svg')!;
          const box = svg.getBoundingClientRect();
          const rows = Array.from(figure.querySelectorAll('tbody tr'));
          // A stacked chart's series cells (those before its Total column; the reference column after
          // it is no mark), or a bar chart's first number cell (its reference column is none either).
          const total = Array.from(figure.querySelectorAll('thead th')).findIndex((th) => th.textContent === 'Total');
          const cells = rows.flatMap((row) => {
            const tds = Array.from(row.querySelectorAll('td'));
            return total > 0 ? tds.slice(0, total - 1) : tds.slice(0, 1);
          });
          const values = cells.map((td) => Number((td.textContent ?? '').replace(/[^0-9.-]/g, '')));
          return {
            id: figure.id,
            width: box.width,
            height: box.height,
            title: svg.querySelector('title')?.textContent ?? '',
            marks: svg.querySelectorAll('.mark').length,
            expected: values.filter((v) => v > 0).length,
          };
        }),
      );
      if (path.startsWith('cops/') || path === 'budget.html') expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) {
        expect(chart.width, chart.id).toBeGreaterThan(100);
        expect(chart.height, chart.id).toBeGreaterThan(50);
        expect(chart.title, chart.id).not.toBe('');
        expect(chart.expected, chart.id).toBeGreaterThan(0);
        expect(chart.marks, chart.id).toBe(chart.expected);
      }

      // Checked before axe runs: axe's own stylesheet fetches are not the page's.
      expect(problems).toEqual([]);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        type Axe = { run: (options: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
        const result = await (window as unknown as { axe: Axe }).axe.run({ preload: false });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

      await page.screenshot({ path: join(ARTIFACTS, `${path.replace(/\//g, '-').replace(/\.html$/, '')}.png`), fullPage: true });
    } finally {
      await page.close();
    }
  }, 120_000);
});

if (!hasChromium) {
  describe('the site in headless Chromium', () => {
    it.skip(`SKIPPED: no Chromium found at ${CHROMIUM}`, () => {});
  });
}
