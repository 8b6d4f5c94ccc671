/**
 * `cop site` holds one CoP's meeting log at a time (#26): the site's model leaves the logs out and
 * builds a CoP's when its page is written (src/view/site.ts siteViewInParts), and the API's reports
 * are computed when their files are written. What it writes must be what the whole site view says,
 * named and anonymised, field for field and in the same order (the API's JSON is compared as text).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeReport } from '../../src/budget/compute.js';
import { resolvePeriod } from '../../src/budget/period.js';
import { withIncomplete } from '../../src/render/incomplete.js';
import { reportJson } from '../../src/render/report/json.js';
import { API_ROOT } from '../../src/site/api.js';
import { renderSite, siteFiles } from '../../src/site/render.js';
import { buildSite } from '../../src/site/site.js';
import { pageWithLog, refResolver } from '../../src/view/log.js';
import { siteView } from '../../src/view/site.js';
import type { MeetingRow } from '../../src/view/types.js';
import type { LeftOutFile } from '../../src/workspace/leave-out.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { bundledWorkspace } from '../helpers/org-copy.js';

const AS_OF = '2026-11-20';

let bundled: Workspace;
beforeAll(async () => {
  bundled = await bundledWorkspace(AS_OF);
});

describe('the site a page at a time', () => {
  it('holds no meeting log in its model, while the CoPs have logs to write', () => {
    const site = buildSite(bundled, { asOf: AS_OF });
    expect(site.cops.length).toBeGreaterThan(1);
    for (const cop of site.cops) expect(Object.keys(cop)).not.toContain('log');
    expect(site.cops.map((cop) => site.page(cop).log.length).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
  });

  for (const anonymise of [false, true]) {
    it(`gives each CoP the page view of the whole site view, its fields in the same order${anonymise ? ', anonymised' : ''}`, () => {
      const whole = siteView(bundled, { asOf: AS_OF, anonymise });
      const site = buildSite(bundled, { asOf: AS_OF, anonymise, calendars: false });
      expect(site.cops.map((cop) => JSON.stringify(site.page(cop)))).toEqual(whole.cops.map((cop) => JSON.stringify(cop)));
      const { cops: _summaries, ...rest } = site;
      const { cops: _pages, ...wholeRest } = whole;
      expect(rest).toMatchObject(wholeRest);
    });
  }

  for (const anonymise of [false, true]) {
    it(`gives a worker thread what makes the same page view: the CoP's summary and log rows with attendees as ids, and the people, through JSON${anonymise ? ', anonymised (no people sent)' : ''}`, () => {
      const whole = siteView(bundled, { asOf: AS_OF, anonymise });
      const site = buildSite(bundled, { asOf: AS_OF, anonymise, calendars: false });
      const sent = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
      const resolve = refResolver(sent(site.people));
      const rowsOf = (cop: (typeof site.cops)[number]) => JSON.parse(site.logRows(cop)) as MeetingRow[];
      expect(site.cops.map((cop) => JSON.stringify(pageWithLog(sent(cop), rowsOf(cop), resolve)))).toEqual(whole.cops.map((cop) => JSON.stringify(cop)));
      const rows = site.cops.flatMap(rowsOf);
      expect(rows.length).toBeGreaterThan(10);
      if (anonymise) {
        expect(site.people).toEqual([]);
        for (const row of rows) expect(row.attendees).toEqual([]);
      } else {
        expect(site.people.map((person) => person.id)).toEqual(bundled.people!.data.map((person) => person.id));
        expect(rows.some((row) => row.attendees.length > 0)).toBe(true);
        for (const row of rows) for (const id of row.attendees) expect(typeof id).toBe('string');
      }
    });
  }

  it('computes a year report when its file is written, as `cop report --year --format json` prints it, with what was left out', () => {
    const leftOut: LeftOutFile[] = [{ file: 'cops/aws/meetings/2026-11-13.yaml', errors: 2, effect: 'meeting-left-out', cop: 'aws' }];
    for (const given of [[], leftOut]) {
      const site = buildSite(bundled, { asOf: AS_OF, leftOut: given });
      expect(site.api.reports.length).toBeGreaterThan(1);
      for (const report of site.api.reports) expect(typeof report.chunks).toBe('function');
      const files = renderSite(site);
      for (const { year } of site.api.reports) {
        const report = computeReport(bundled, { period: resolvePeriod({ year: String(year) }, AS_OF), anonymise: false });
        expect(files.get(`${API_ROOT}/report/${year}.json`)).toBe(withIncomplete(reportJson(report), 'json', given).stdout);
      }
    }
  });

  it('writes every CoP page and its API file', () => {
    const site = buildSite(bundled, { asOf: AS_OF });
    const paths = [...siteFiles(site)].map(([path]) => path);
    for (const cop of site.cops) {
      expect(paths).toContain(`cops/${cop.id}.html`);
      expect(paths).toContain(`${API_ROOT}/cops/${cop.id}.json`);
    }
    expect(new Set(paths).size).toBe(paths.length);
  });
});
