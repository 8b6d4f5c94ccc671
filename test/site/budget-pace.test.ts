/**
 * The site's budget page says what `cop report --year` says for the same as-of date (issue #24):
 * the months elapsed, the pro-rata share and the forecast, early and late in a month and at the
 * turn of the year, read back from the written HTML with parse5.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { hoursText, moneyText } from '../../src/core/numbers.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

type Node = DefaultTreeAdapterMap['node'];
const textOf = (node: Node): string => (node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '');
const cards = (node: Node): Node[] =>
  'attrs' in node && node.attrs.some((a) => a.name === 'class' && a.value === 'card') ? [node] : 'childNodes' in node ? node.childNodes.flatMap(cards) : [];

describe('the budget page agrees with cop report --year', () => {
  for (const asOf of ['2026-12-05', '2026-12-01', '2026-11-30', '2026-01-01']) {
    it(`as of ${asOf}`, async () => {
      const report = await runInProcess(['report', '--year', '--format', 'json', '--as-of', asOf], REPO_ROOT);
      // As of 1 January the bundled logs of the year are in the future: both leave them out (exit 1) alike.
      expect([0, 1], report.stderr).toContain(report.status);
      const org = JSON.parse(report.stdout).organisation;
      const out = join(mkdtempSync(join(tmpdir(), 'cop-pace-')), 'site');
      const site = await runInProcess(['site', '--out', out, '--as-of', asOf], REPO_ROOT);
      expect(site.status, site.stderr).toBe(report.status);
      const page = parse(readFileSync(join(out, 'budget.html'), 'utf8'));
      const [hours, money] = cards(page).map(textOf);
      expect(textOf(page)).toContain(`Budget ${org.year}`);
      const money_ = (n: number) => moneyText(n, org.currency);
      for (const [text, what, format] of [[hours!, 'hours', hoursText], [money!, 'money', money_]] as const) {
        expect(text).toContain(`the share for ${org.monthsElapsed} months`);
        expect(text).toContain(`pro-rata ${format(org.proRata[what].budget)}`);
        expect(text).toContain(`At this pace: ${format(org.forecast[what].actual)} by December.`);
        expect(text).toContain(`${format(org.remaining[what])} remain`);
      }
    });
  }

  it('counts complete months only, as the report does (2026-12-05: 11 months, not 12)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cop-pace-')), 'site');
    expect((await runInProcess(['site', '--out', out, '--as-of', '2026-12-05'], REPO_ROOT)).status).toBe(0);
    const text = textOf(parse(readFileSync(join(out, 'budget.html'), 'utf8')));
    expect(text).toContain('the share for 11 months');
    expect(text).not.toContain('the share for 12 months');
  });
});
