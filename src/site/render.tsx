/**
 * The whole site as files, pages and JSON API (api.ts): path (relative to the output folder, forward slashes) → text. Pure and
 * deterministic: the same Site gives byte-identical files, listed in a stable order.
 */
import { renderToString } from 'preact-render-to-string';
import type { VNode } from 'preact';
import type { Site } from './site.js';
import { apiCopFile, apiCopPath, apiFiles } from './api.js';
import type { SiteFile } from './write.js';
import { BudgetPage } from './pages/budget.js';
import { CopPage } from './pages/cop.js';
import { HandoffsPage } from './pages/handoffs.js';
import { HealthPage } from './pages/health.js';
import { INDEX_FILTERS, IndexPage, indexFile } from './pages/index.js';
import { STYLESHEET } from './style.js';
import type { SiteFrame } from './layout.js';
import type { CopPageView } from '../view/types.js';

function html(page: VNode): string {
  return `<!doctype html>\n${renderToString(page)}\n`;
}

/**
 * The site's files in a stable order, each page rendered only when it is asked for, so a writer
 * can hold one page at a time (at 500 CoPs the pages add up to tens of megabytes).
 */
export function* siteFiles(site: Site): Generator<SiteFile> {
  yield* pageFiles(site);
  // Each CoP's page and API file from one page view with the log, which is garbage after.
  for (const summary of site.cops) yield* copFiles(site, site.page(summary));
  yield* otherFiles(site);
}

/** The stylesheet and the pages of the whole organisation. */
export function* pageFiles(site: Site): Generator<SiteFile> {
  yield ['assets/site.css', STYLESHEET];
  for (const filter of INDEX_FILTERS) yield [indexFile(filter), html(<IndexPage site={site} root="" filter={filter} />)];
  yield ['budget.html', html(<BudgetPage site={site} root="" />)];
  yield ['health.html', html(<HealthPage site={site} root="" />)];
  yield ['handoffs.html', html(<HandoffsPage site={site} root="" />)];
}

/** A CoP's page and its API file, from its page view and the site's frame alone (what a worker thread renders, ./page-pool.ts), in copFilePaths' order. */
export function copFiles(site: SiteFrame, cop: CopPageView): SiteFile[] {
  const [page, api] = copFilePaths(cop.id);
  return [[page, html(<CopPage site={site} root="../" cop={cop} />)], [api, apiCopFile(site, cop)]];
}

/** Where a CoP's page and its API file are written. */
export function copFilePaths(id: string): [page: string, api: string] {
  return [`cops/${id}.html`, apiCopPath(id)];
}

/** The calendars and the API's files but the CoPs'. */
export function* otherFiles(site: Site): Generator<SiteFile> {
  for (const calendar of site.calendarFiles) yield [calendar.path, calendar.text];
  yield* apiFiles(site, site.api, { copFiles: false });
}

/** The whole site in memory, path → text (the files made as bytes decoded). */
export function renderSite(site: Site): Map<string, string> {
  const utf8 = new TextDecoder();
  return new Map([...siteFiles(site)].map(([path, contents]) => [path, typeof contents === 'string' ? contents : utf8.decode(Buffer.concat(contents instanceof Uint8Array ? [contents] : [...contents]))]));
}
