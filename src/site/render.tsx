/**
 * The whole site as files: path (relative to the output folder, forward slashes) → text. Pure and
 * deterministic: the same Site gives byte-identical files, listed in a stable order.
 */
import { renderToString } from 'preact-render-to-string';
import type { VNode } from 'preact';
import type { Site } from './model.js';
import { BudgetPage } from './pages/budget.js';
import { CopPage } from './pages/cop.js';
import { HealthPage } from './pages/health.js';
import { INDEX_FILTERS, IndexPage, indexFile } from './pages/index.js';
import { STYLESHEET } from './style.js';

function html(page: VNode): string {
  return `<!doctype html>\n${renderToString(page)}\n`;
}

export function renderSite(site: Site): Map<string, string> {
  const files = new Map<string, string>();
  files.set('assets/site.css', STYLESHEET);
  for (const filter of INDEX_FILTERS) files.set(indexFile(filter), html(<IndexPage site={site} root="" filter={filter} />));
  files.set('budget.html', html(<BudgetPage site={site} root="" />));
  files.set('health.html', html(<HealthPage site={site} root="" />));
  for (const cop of site.cops) files.set(`cops/${cop.id}.html`, html(<CopPage site={site} root="../" cop={cop} />));
  for (const calendar of site.calendarFiles) files.set(calendar.path, calendar.text);
  return files;
}
