/**
 * Debian's Chromium driven by playwright-core (which downloads no browser): where it is, and a
 * browser context on a fresh profile with the flags every test and script uses (chromium.json).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import settings from './chromium.json' with { type: 'json' };

/** COP_CHROMIUM overrides the Debian path. */
export const CHROMIUM = process.env.COP_CHROMIUM ?? settings.executablePath;

export const hasChromium = existsSync(CHROMIUM);

export async function launchChromium(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cop-chromium-')), {
    executablePath: CHROMIUM,
    args: settings.args,
    headless: true,
    viewport: { width: 1100, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
}
