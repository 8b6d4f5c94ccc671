#!/usr/bin/env node
/**
 * The README's picture of the site: builds the bundled organisation's site with `cop site` (as of
 * a fixed date, so the picture only changes when the site does) and photographs the budget page
 * in Debian's headless Chromium through playwright-core.
 *
 *   npm run build && node scripts/screenshot.mjs [--page budget.html] [--out docs/img/site.png] [--width 1280]
 *
 * `--width 390` shows the page as a phone does (the whole page, not only the first screen).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const repo = fileURLToPath(new URL('..', import.meta.url));
const settings = JSON.parse(readFileSync(join(repo, 'test/helpers/chromium.json'), 'utf8'));
const { values } = parseArgs({
  options: {
    page: { type: 'string', default: 'budget.html' },
    out: { type: 'string', default: join(repo, 'docs/img/site.png') },
    'as-of': { type: 'string', default: '2026-11-20' },
    width: { type: 'string', default: '1280' },
  },
});
const executablePath = process.env.COP_CHROMIUM ?? settings.executablePath;
if (!existsSync(executablePath)) {
  console.error(`No Chromium at ${executablePath}: apt-get install chromium, or set COP_CHROMIUM.`);
  process.exit(2);
}

const out = join(mkdtempSync(join(tmpdir(), 'cop-screenshot-')), 'site');
execFileSync(process.execPath, [join(repo, 'bin/cop.js'), 'site', '--root', repo, '--out', out, '--as-of', values['as-of']], { stdio: 'inherit' });

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cop-chromium-')), {
  executablePath,
  args: settings.args,
  headless: true,
  viewport: { width: Number(values.width), height: 1000 },
  colorScheme: 'light',
});
try {
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(out, values.page)).href, { waitUntil: 'load' });
  await page.screenshot({ path: values.out, fullPage: Number(values.width) < 600 });
  console.log(`Wrote ${values.out}`);
} finally {
  await context.close();
}
