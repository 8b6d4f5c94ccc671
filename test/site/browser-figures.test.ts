/**
 * What a manager sees in Chromium is what the terminal says (issue #24, item 7): the budget page's
 * months elapsed, pro-rata share and forecast, as rendered and visible at 390 and 1280 px, equal
 * `cop report --year`'s for the same as-of (the 1st of a month, mid-month, a month's last day);
 * and a scheduled CoP's page shows its next meeting, as `cop show` gives it, with its calendar.
 * Skipped without Chromium, and says so.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ICAL from 'ical.js';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursText, moneyText } from '../../src/core/numbers.js';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/chromium.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF } from '../helpers/org-copy.js';

const AS_OF_DATES = ['2026-12-01', AS_OF, '2026-11-30'];

if (!hasChromium) {
  console.warn(`Browser tests SKIPPED: no Chromium found at ${CHROMIUM} (apt-get install chromium, or set COP_CHROMIUM).`);
}

/** `cop site` for one as-of date, in process: the folder written. */
async function writeSite(asOf: string): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'cop-site-figures-')), 'site');
  const result = await runInProcess(['site', '--out', out, '--as-of', asOf], REPO_ROOT);
  expect(result.status, result.stderr).toBe(0);
  return out;
}

describe.skipIf(!hasChromium)('the figures a manager sees, in headless Chromium', () => {
  let browser: BrowserContext;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string, width: number): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return page;
  }

  for (const asOf of AS_OF_DATES) {
    it(`budget page as of ${asOf}: months elapsed, pro rata and forecast are cop report's, visible at 390 and 1280 px`, async () => {
      const report = await runInProcess(['report', '--year', '--format', 'json', '--as-of', asOf], REPO_ROOT);
      expect(report.status, report.stderr).toBe(0);
      const org = JSON.parse(report.stdout).organisation as {
        year: number;
        currency: string;
        monthsElapsed: number;
        proRata: Record<'hours' | 'money', { budget: number }>;
        forecast: Record<'hours' | 'money', { actual: number }>;
      };
      const out = await writeSite(asOf);
      for (const width of [390, 1280]) {
        const page = await open(join(out, 'budget.html'), width);
        try {
          // innerText: only what is rendered, as laid out; a hidden card would give nothing.
          const cards = await page.$$eval('.card', (elements) => elements.map((card) => (card as HTMLElement).innerText.replace(/\s+/g, ' ')));
          expect(cards).toHaveLength(2);
          const [hours, money] = cards;
          const formats = { hours: hoursText, money: (n: number) => moneyText(n, org.currency) };
          for (const [text, what] of [[hours!, 'hours'], [money!, 'money']] as const) {
            const format = formats[what];
            expect(text).toContain(`the share for ${org.monthsElapsed} months`);
            expect(text).toContain(`pro-rata ${format(org.proRata[what].budget)}`);
            expect(text).toContain(`At this pace: ${format(org.forecast[what].actual)} by December.`);
          }
          const lead = await page.$eval('.lead', (element) => (element as HTMLElement).innerText);
          expect(lead).toContain(`the share for the ${org.monthsElapsed} complete months elapsed`);
          // The command is set as code, not as Markdown's backticks.
          expect(lead).toContain(`as cop report --year ${org.year} counts them`);
          expect(await page.$eval('.lead code', (code) => code.textContent)).toBe(`cop report --year ${org.year}`);
        } finally {
          await page.close();
        }
      }
    }, 120_000);
  }

  it('a scheduled CoP page shows its next meeting as cop show gives it, with a working calendar link, at 390 px', async () => {
    const show = await runInProcess(['show', 'aws', '--format', 'json', '--as-of', AS_OF], REPO_ROOT);
    expect(show.status, show.stderr).toBe(0);
    const next = (JSON.parse(show.stdout) as { cop: { nextMeeting: { date: string; text: string } | null } }).cop.nextMeeting;
    expect(next).not.toBeNull();
    const out = await writeSite(AS_OF);
    const page = await open(join(out, 'cops', 'aws.html'), 390);
    try {
      const row = page.locator('dl.facts dt', { hasText: 'Next meeting' });
      await expect(row.isVisible()).resolves.toBe(true);
      const value = page.locator('dl.facts dt:has-text("Next meeting") + dd');
      await expect(value.isVisible()).resolves.toBe(true);
      const time = value.locator('time');
      expect(await time.getAttribute('datetime')).toBe(next!.date);
      expect(await time.innerText()).toBe(next!.text);
      const box = await value.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      // The calendar it links to has a meeting on that day, as ical.js expands its recurrence.
      const href = await value.locator('a').getAttribute('href');
      expect(href).toBe('../calendar/aws.ics');
      const calendar = new ICAL.Component(ICAL.parse(readFileSync(join(out, 'calendar', 'aws.ics'), 'utf8')));
      const iterator = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!).iterator();
      let day = '';
      for (let occurrence = iterator.next(); occurrence && day < next!.date; occurrence = iterator.next()) day = occurrence.toString().slice(0, 10);
      expect(day).toBe(next!.date);
    } finally {
      await page.close();
    }
  }, 120_000);
});

if (!hasChromium) {
  describe('the figures a manager sees, in headless Chromium', () => {
    it.skip(`SKIPPED: no Chromium found at ${CHROMIUM}`, () => {});
  });
}
