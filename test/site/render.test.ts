import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import ICAL from 'ical.js';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/site.js';
import type { Charter } from '../../src/model/schema-types.js';
import { renderSite } from '../../src/site/render.js';
import { copView } from '../../src/view/build.js';
import { MARKER, writeSiteFiles } from '../../src/site/write.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { monthLabel } from '../../src/core/dates.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { chartTable } from '../helpers/html.js';
import { AS_OF, bundledWorkspace } from '../helpers/org-copy.js';
import { charter, meeting, person, workspace } from '../helpers/workspace.js';

let bundled: Workspace;
beforeAll(async () => {
  bundled = await bundledWorkspace(AS_OF);
});

const all = (files: Map<string, string>) => [...files.values()].join('\n');

describe('site pages escape what users typed', () => {
  const hostile = '<script>alert("x")</script> & \'quoted\' "name"';
  const ws = workspace({
    people: [person('p1', { name: '<b>Eve</b> "O\'Hara"' }), person('p2'), person('p3'), person('p4'), person('p5')],
    cops: {
      evil: {
        charter: charter('evil', { name: hostile, scope: { subject: '</title><script>x()</script>', in: ['<img src=x onerror=alert(1)>'] } }),
        meetings: [
          meeting('2026-10-08', {
            title: 'Talk "<script>steal()</script>"',
            topics: ['<img src=x onerror=alert(2)>', "it's & \"quoted\""],
            recording: 'javascript:alert(3)',
          }),
          meeting('2026-10-15', { title: 'Second & last', topics: [], recording: 'https://video.example/"><script>alert(4)</script>' }),
        ],
      },
    },
  });
  const files = renderSite(buildSite(ws, { asOf: '2026-11-20' }));
  // The pages: the API's JSON holds the text as typed (JSON is not HTML; it is escaped by JSON.stringify).
  const html = all(new Map([...files].filter(([path]) => path.endsWith('.html'))));

  it('has no script element, no injected element and no javascript: link anywhere', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>Eve/);
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('shows the text itself, escaped', () => {
    const page = files.get('cops/evil.html')!;
    expect(page).toContain(`&lt;script>alert(&quot;x&quot;)&lt;/script> &amp; 'quoted' &quot;name&quot;`);
    expect(page).toContain('&lt;img src=x onerror=alert(2)>');
    expect(page).toContain('&lt;b>Eve&lt;/b>');
    expect(page).toContain('<a href="https://video.example/&quot;>&lt;script>alert(4)&lt;/script>">Recording</a>');
    expect(page).toContain('Second &amp; last');
    expect(files.get('index.html')).toContain('&lt;/title>&lt;script>x()&lt;/script>');
  });
});

describe('the anonymised site', () => {
  it('names no person, by id or name, in any file (--anonymise)', () => {
    const files = renderSite(buildSite(bundled, { asOf: AS_OF, anonymise: true }));
    const text = all(files).toLowerCase();
    const everyone = bundled.people!.data;
    expect(everyone.length).toBeGreaterThan(20);
    for (const p of everyone) {
      expect(text, p.id).not.toContain(p.id.toLowerCase());
      expect(text, p.name).not.toContain(p.name.toLowerCase());
    }
    // Still a useful site: counts and hours are there.
    expect(files.get('cops/aws.html')).toContain('12 members');
  });

  it('follows policy.anonymise_reports, and names people without it', () => {
    const anonymous = { ...bundled, policy: { ...bundled.policy, anonymise_reports: true } };
    expect(all(renderSite(buildSite(anonymous, { asOf: AS_OF })))).not.toContain('Stacy Leblanc');
    expect(all(renderSite(buildSite(bundled, { asOf: AS_OF })))).toContain('Stacy Leblanc');
  });

  it('withholds names typed into free text (topics, titles, notes)', () => {
    const ws = workspace({
      cops: { a: { charter: charter('a'), meetings: [meeting('2026-10-08', { title: 'P3 and p4 present', topics: ['ask p2 about it'] })] } },
    });
    const text = all(renderSite(buildSite(ws, { asOf: '2026-11-20', anonymise: true })));
    expect(text).not.toMatch(/\bp[1-5]\b/i);
    expect(text).toContain('(name withheld) and (name withheld) present');
  });
});

describe('site output', () => {
  it('is the same bytes for the same data and as-of date', () => {
    const first = renderSite(buildSite(bundled, { asOf: AS_OF }));
    const second = renderSite(buildSite(bundled, { asOf: AS_OF }));
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, text] of first) expect(second.get(path), path).toBe(text);
  });

  it('links only relatively inside the site, and charters through the source URL', () => {
    const files = renderSite(buildSite(bundled, { asOf: AS_OF, sourceUrl: 'https://git.example.com/org/cops/blob/main/' }));
    for (const [path, text] of files) {
      for (const [, href] of text.matchAll(/(?:href|src)="([^"]*)"/g)) {
        expect(href!.startsWith('/'), `${path}: ${href}`).toBe(false);
      }
    }
    expect(files.get('cops/aws.html')).toContain('href="https://git.example.com/org/cops/blob/main/cops/aws/charter.yaml"');
    expect(files.get('cops/aws.html')).toContain('href="../assets/site.css"');
  });

  it('draws participants per month on the same 12 months as hours and money, 0 for a month without a meeting', () => {
    const page = renderSite(buildSite(bundled, { asOf: AS_OF })).get('cops/mobile.html')!;
    const participants = chartTable(page, 'participants');
    const months = participants.map(([month]) => month);
    expect(months).toHaveLength(12);
    expect(chartTable(page, 'hours').map(([month]) => month)).toEqual(months);
    expect(chartTable(page, 'money').map(([month]) => month)).toEqual(months);
    // Each month's value is the most participants at one meeting held that month, from the logs.
    const held = readdirSync(join(REPO_ROOT, 'cops/mobile/meetings'))
      .map((file) => YAML.parse(readFileSync(join(REPO_ROOT, 'cops/mobile/meetings', file), 'utf8')) as { date: string; cancelled?: boolean; attendees: string[]; guests?: unknown[] })
      .filter((m) => !m.cancelled);
    const most = (label: string | undefined) => {
      const counts = held.filter((m) => monthLabel(m.date.slice(0, 7)) === label).map((m) => m.attendees.length + (m.guests?.length ?? 0));
      return String(counts.length ? Math.max(...counts) : 0);
    };
    expect(participants.map(([, value]) => value)).toEqual(months.map(most));
    expect(participants.some(([, value]) => value === '0')).toBe(true);
  });

  it("writes each scheduled CoP's calendar and the combined one, and links them relatively", () => {
    const files = renderSite(buildSite(bundled, { asOf: AS_OF }));
    const calendars = [...files.keys()].filter((path) => path.endsWith('.ics')).sort();
    // aws, data-engineering and platform-engineering have a format.schedule; mobile has none.
    expect(calendars).toEqual(['calendar/all.ics', 'calendar/aws.ics', 'calendar/data-engineering.ics', 'calendar/platform-engineering.ics']);
    const aws = ICAL.Component.fromString(files.get('calendar/aws.ics')!);
    expect(aws.getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary')).toBe('AWS CoP');
    expect(ICAL.Component.fromString(files.get('calendar/all.ics')!).getAllSubcomponents('vevent')).toHaveLength(3);
    expect(files.get('cops/aws.html')).toContain('href="../calendar/aws.ics"');
    expect(files.get('cops/mobile.html')).not.toContain('calendar/mobile.ics');
    expect(files.get('index.html')).toContain('href="calendar/all.ics"');
    // Every relative link in every page names a file the site holds.
    for (const [path, text] of files) {
      if (!path.endsWith('.html')) continue;
      for (const [, href] of text.matchAll(/href="([^"#:]+)(?:#[^"]*)?"/g)) {
        expect(files.has(posix.normalize(posix.join(posix.dirname(path), href!))), `${path} links to ${href}`).toBe(true);
      }
    }
  });

  it('writes no calendar when asked not to', () => {
    const files = renderSite(buildSite(bundled, { asOf: AS_OF, calendars: false }));
    expect([...files.keys()].some((path) => path.endsWith('.ics'))).toBe(false);
    expect(all(files)).not.toContain('.ics');
  });

  it('stays under 2 MB for the bundled organisation', () => {
    const bytes = [...renderSite(buildSite(bundled, { asOf: AS_OF })).values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
    expect(bytes).toBeGreaterThan(10_000);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('writing the site', () => {
  const files = (names: string[]) => new Map(names.map((n) => [n, `<p>${n}</p>`]));

  it('writes into a new or empty folder, then replaces its own files and removes stale ones', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cop-site-')), 'out');
    writeSiteFiles(out, files(['index.html', 'cops/a.html', 'cops/b.html']), 'out');
    expect(readFileSync(join(out, 'cops/b.html'), 'utf8')).toBe('<p>cops/b.html</p>');
    writeSiteFiles(out, files(['index.html', 'cops/a.html']), 'out');
    expect(readdirSync(join(out, 'cops'))).toEqual(['a.html']);
    expect(readFileSync(join(out, MARKER), 'utf8')).toMatch(/\ncops\/a\.html\nindex\.html\n$/);
  });

  it('writes each page as it is generated, so the site is never held whole, and returns what it wrote', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cop-site-')), 'out');
    const onDisk: boolean[] = [];
    function* pages(): Generator<[string, string]> {
      yield ['index.html', '<p>é</p>'];
      onDisk.push(readdirSync(out).includes('index.html'));
      yield ['cops/a.html', '<p>a</p>'];
    }
    expect(writeSiteFiles(out, pages(), 'out')).toEqual({ paths: ['cops/a.html', 'index.html'], bytes: Buffer.byteLength('<p>é</p><p>a</p>') });
    expect(onDisk).toEqual([true]);
    expect(readFileSync(join(out, MARKER), 'utf8')).toMatch(/\ncops\/a\.html\nindex\.html\n$/);
  });

  it('refuses a folder with other content, and a link inside the folder', () => {
    const out = mkdtempSync(join(tmpdir(), 'cop-site-'));
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect(() => writeSiteFiles(out, files(['index.html']), 'out')).toThrow(/not empty and was not written by cop site/);
    expect(readdirSync(out)).toEqual(['notes.txt']);

    const linked = mkdtempSync(join(tmpdir(), 'cop-site-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'cop-elsewhere-'));
    writeFileSync(join(linked, MARKER), '# marker\n');
    symlinkSync(elsewhere, join(linked, 'cops'));
    expect(() => writeSiteFiles(linked, files(['cops/a.html']), 'out')).toThrow(/symbolic link/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('never replaces a link in place of a page, and says which pages were written before it', () => {
    const out = mkdtempSync(join(tmpdir(), 'cop-site-'));
    writeSiteFiles(out, files(['a.html', 'b.html', 'c.html']), 'out');
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'cop-elsewhere-')), 'page.html');
    writeFileSync(elsewhere, 'mine');
    unlinkSync(join(out, 'b.html'));
    symlinkSync(elsewhere, join(out, 'b.html'));
    expect(() => writeSiteFiles(out, files(['a.html', 'b.html', 'c.html']), 'out')).toThrow(
      `cannot write ${join(out, 'b.html')}: it is a symbolic link, not a regular file; 1 file before it was written, the rest were not: run cop site again once this is fixed.`,
    );
    expect(lstatSync(join(out, 'b.html')).isSymbolicLink()).toBe(true);
    expect(readFileSync(elsewhere, 'utf8')).toBe('mine');
  });
});

describe('the next handover on a CoP page', () => {
  it('is the day the next coordinator takes over, as cop show says, when the charter lines the next term up (found by test/agreement)', () => {
    const coordinator: Charter['coordinator'] = { rotation_months: 3, terms: [{ person: 'p2', from: '2026-09-01', until: '2026-11-30' }, { person: 'p3', from: '2026-12-01' }] };
    const ws = workspace({ cops: { alpha: { charter: charter('alpha', { coordinator }), meetings: [meeting('2026-11-04')] } } });
    const page = renderSite(buildSite(ws, { asOf: '2026-11-20' })).get('cops/alpha.html')!;
    const shown = /<dt>Next handover<\/dt><dd>([^<]*)<\/dd>/.exec(page)?.[1];
    expect(shown).toBe('2026-12-01');
    expect(shown).toBe(copView(ws, 'alpha', '2026-11-20')!.coordinator.nextHandover!.date);
  });
});
