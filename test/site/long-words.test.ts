/**
 * Issue #22 row 10 in a real browser: a 120-character unbroken name (a CoP's, a sponsor's, a
 * topic) wraps instead of widening the page, on a phone (390 px) and a desktop (1280 px), on the
 * index and the CoP page; and data sits in isolating elements as Chromium computes them.
 * Screenshots go to test-artifacts/site-long-words/. Skipped without Chromium, and says so.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/site.js';
import { renderSite } from '../../src/site/render.js';
import { writeSiteFiles } from '../../src/site/write.js';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/chromium.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { charter, meeting, people, person, workspace } from '../helpers/workspace.js';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'site-long-words');
const LONG = 'Supercalifragilistic'.repeat(6);
const PAGES = ['index.html', 'cops/long.html'];
const WIDTHS = [390, 1280];

if (!hasChromium) {
  console.warn(`Browser tests SKIPPED: no Chromium found at ${CHROMIUM} (apt-get install chromium, or set COP_CHROMIUM).`);
}

describe.skipIf(!hasChromium)('a 120-character unbroken name in headless Chromium', () => {
  let out: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    expect(LONG).toHaveLength(120);
    const ws = workspace({
      config: { organisation: `Org${LONG}` },
      people: [person('p1', { name: `\u202E${LONG}` }), ...people(5).slice(1)],
      cops: {
        long: {
          charter: charter('long', { name: LONG, sponsor: 'p1', scope: { subject: LONG, in: [LONG] } }),
          meetings: [meeting('2026-10-08', { title: LONG, topics: [LONG] }), meeting('2026-11-05', { title: `Short ${LONG}` })],
        },
        web: { charter: charter('web') },
      },
    });
    out = join(mkdtempSync(join(tmpdir(), 'cop-site-long-')), 'site');
    writeSiteFiles(out, renderSite(buildSite(ws, { asOf: '2026-11-20' })), 'site');
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const width of WIDTHS) {
    it.each(PAGES)(`%s at ${width} px: no horizontal overflow, the name wraps, data is isolated`, async (path) => {
      const page = await browser.newPage();
      try {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(pathToFileURL(join(out, path)).href, { waitUntil: 'load' });
        const layout = await page.evaluate((long) => {
          // Open every disclosure (who came, the charts' numbers): what a reader can open must fit too.
          for (const details of Array.from(document.querySelectorAll('details'))) details.open = true;
          const holders = Array.from(document.querySelectorAll('bdi')).filter((bdi) => bdi.textContent?.includes(long));
          return {
            viewport: window.innerWidth,
            page: document.documentElement.scrollWidth,
            // The widest element holding the long name, and how many lines the tallest one takes.
            widest: Math.max(...holders.map((bdi) => bdi.getBoundingClientRect().width)),
            holders: holders.length,
            isolated: holders.every((bdi) => getComputedStyle(bdi).unicodeBidi === 'isolate'),
            tables: Array.from(document.querySelectorAll('.table-wrap')).map((wrap) => ({ scroll: wrap.scrollWidth, client: wrap.clientWidth })),
          };
        }, LONG);
        await page.screenshot({ path: join(ARTIFACTS, `${path.replace(/\//g, '-').replace(/\.html$/, '')}-${width}.png`), fullPage: true });
        expect(layout.holders).toBeGreaterThan(1);
        expect(layout.isolated).toBe(true);
        expect(layout.page).toBeLessThanOrEqual(layout.viewport);
        expect(layout.widest).toBeLessThanOrEqual(layout.viewport);
        // On a desktop every table fits its column: the long name wraps rather than pushing the table off-screen.
        if (width >= 1280) for (const table of layout.tables) expect(table.scroll).toBeLessThanOrEqual(table.client);
      } finally {
        await page.close();
      }
    }, 120_000);
  }
});

if (!hasChromium) {
  describe('a 120-character unbroken name in headless Chromium', () => {
    it.skip(`SKIPPED: no Chromium found at ${CHROMIUM}`, () => {});
  });
}
