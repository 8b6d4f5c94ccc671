/**
 * `cop site` computes what it reads of each CoP's meetings and outputs where the CoP is read
 * (src/view/site-cop.ts, PerCop 'site'), and builds the site from those parts: every page's view
 * and every file, pages and API, equal those of the site built from the ordinary load's
 * workspace, on an organisation with files in error planted (test/helpers/planted-figures.ts),
 * named and anonymised. One CoP active in 2025 has its 2025 logs removed: its figures
 * for report/2025.json are those of a year before its first log, computed from its charter.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReadableCops, loadReadableWorkspace } from '../../src/commands/load-valid.js';
import { settledResults, type PerCopResult } from '../../src/lint/per-cop.js';
import { renderSite } from '../../src/site/render.js';
import { buildSite, buildSiteFromParts, type Site } from '../../src/site/site.js';
import type { SiteCopParts } from '../../src/view/site-cop.js';
import { charters, type Organisation } from '../../src/workspace/workspace.js';
import { AS_OF, memoryIo } from '../helpers/org-copy.js';
import { computedWhereRead, PLANTED, plantedFiguresOrganisation } from '../helpers/planted-figures.js';

const root = plantedFiguresOrganisation();
const LATE_STARTER = 'mobile';
const lateLogs = join(root, 'cops', LATE_STARTER, 'meetings');
for (const file of readdirSync(lateLogs)) if (file.startsWith('2025-')) rmSync(join(lateLogs, file));
const options = { root, asOf: AS_OF };

/** Everything the site is written from and writes, as text: the summary view, each CoP's page view, each file. */
function asText(site: Site): { view: string; pages: string[]; files: [string, string][] } {
  const { page, logRows: _rows, api: _api, ...view } = site;
  return { view: JSON.stringify(view), pages: site.cops.map((cop) => JSON.stringify(page(cop))), files: [...renderSite(site)] };
}

describe('cop site from each CoP computed where it is read', () => {
  for (const anonymise of [false, true]) {
    it(`builds the site of the ordinary load: every page view and every file${anonymise ? ', anonymised' : ''}`, async () => {
      const ordinary = await loadReadableWorkspace(options, memoryIo(root, false));
      const byCop = await loadReadableCops(options, memoryIo(root, false), { kind: 'site', anonymise });
      if (!ordinary.ok || !byCop.ok) throw new Error('expected both loads to succeed');
      expect(byCop.leftOut).toEqual(ordinary.leftOut);
      expect(byCop.leftOut.map((file) => file.file)).toEqual(expect.arrayContaining([PLANTED.brokenMeeting, PLANTED.invalidSuppression, PLANTED.brokenCharter]));
      const siteOptions = { asOf: AS_OF, anonymise, leftOut: byCop.leftOut };
      const whole = asText(buildSite(ordinary.workspace, siteOptions));
      const parts = asText(buildSiteFromParts(byCop.workspace, byCop.perCop, siteOptions));
      expect(parts.view).toBe(whole.view);
      expect(parts.pages).toEqual(whole.pages);
      expect(parts.files.map(([path]) => path)).toEqual(whole.files.map(([path]) => path));
      expect(parts.files).toEqual(whole.files);
      // report/2025.json lists the CoP active in 2025 whose first log is of 2026: its figures from its charter alone.
      expect(byCop.perCop.get(LATE_STARTER)!.figures.years.first).toBe(2026);
      const report2025 = JSON.parse(parts.files.find(([path]) => path === 'api/v1/report/2025.json')![1]) as { cops: { id: string; period: { activeMonths: number; meetings: number } }[] };
      expect(report2025.cops.find((cop) => cop.id === LATE_STARTER)?.period).toMatchObject({ activeMonths: 7, meetings: 0 });
    });
  }

  it("differs where a CoP is not computed again once the organisation's findings are known", async () => {
    const { errors, computed, ...partial } = await computedWhereRead(root, { kind: 'site' });
    const site = (results: ReadonlyMap<string, PerCopResult>) => asText(buildSiteFromParts(partial.workspace, results as Map<string, SiteCopParts>, { asOf: AS_OF, leftOut: partial.leftOut }));
    const settled = site(settledResults(partial.workspace, partial.leftOut, errors, computed));
    // As if platform-engineering kept what was computed where it was read (its invalid-suppression log counted, its suppressed error's left out).
    const unsettled = site(new Map(charters(partial.workspace as Organisation).map((cop) => [cop.id, computed.results.get(cop.id)!.result!])));
    const page = (text: ReturnType<typeof site>, id: string) => text.files.find(([path]) => path === `cops/${id}.html`)![1];
    expect(page(unsettled, 'platform-engineering')).not.toBe(page(settled, 'platform-engineering'));
    expect(page(unsettled, 'security')).toBe(page(settled, 'security'));
  });
});
