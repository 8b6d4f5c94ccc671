/**
 * `cop report` and `cop health` compute each CoP where it is read and checked (src/lint/per-cop.ts)
 * instead of from every meeting gathered in one thread: the same report and health, and the same
 * files left out, as from the ordinary load (loadReadableWorkspace, then computeReport and
 * evaluateHealth), on an organisation with files in error planted, some found only once the whole
 * organisation is checked. test/e2e/per-cop.test.ts runs the built CLI in several threads.
 */
import { describe, expect, it } from 'vitest';
import { computeReport, reportFromFigures, type ReportOptions } from '../../src/budget/compute.js';
import { resolvePeriod, type PeriodOptions } from '../../src/budget/period.js';
import { loadReadableCops, loadReadableWorkspace, type ReadableCops, type ReadableLoad } from '../../src/commands/load-valid.js';
import { evaluateHealth, healthReport } from '../../src/health/evaluate.js';
import { settledResults, type PerCop } from '../../src/lint/per-cop.js';
import { charters } from '../../src/workspace/workspace.js';
import { AS_OF, memoryIo } from '../helpers/org-copy.js';
import { computedWhereRead, PLANTED, plantedFiguresOrganisation, withAndWithoutGeneratedReadme } from '../helpers/planted-figures.js';

const root = plantedFiguresOrganisation();
const options = { root, asOf: AS_OF };

async function loads<P extends PerCop>(perCop: P): Promise<{ ordinary: ReadableLoad & { ok: true }; byCop: ReadableCops<P> & { ok: true } }> {
  const ordinary = await loadReadableWorkspace(options, memoryIo(root, false));
  const byCop = await loadReadableCops(options, memoryIo(root, false), perCop);
  if (!ordinary.ok || !byCop.ok) throw new Error('expected both loads to succeed');
  return { ordinary, byCop };
}

/** The meetings a load's workspace holds (the organisation computed CoP by CoP holds none). */
const meetingCount = (cops: readonly object[]) => cops.reduce((n, cop) => n + ('meetings' in cop && Array.isArray(cop.meetings) ? cop.meetings.length : 0), 0);

describe('computing each CoP where it is read', () => {
  it('leaves out the same files as the ordinary load, without gathering the meetings', async () => {
    const { ordinary, byCop } = await loads({ kind: 'health' });
    expect(byCop.leftOut).toEqual(ordinary.leftOut);
    const effects = new Map(byCop.leftOut.map((file) => [file.file, file.effect]));
    expect(effects.get(PLANTED.brokenMeeting)).toBe('meeting-left-out');
    expect(effects.get(PLANTED.brokenOutput)).toBe('output-left-out');
    expect(effects.get(PLANTED.unknownAttendee)).toBe('meeting-left-out');
    expect(effects.get(PLANTED.invalidSuppression)).toBe('meeting-left-out');
    expect(effects.get(PLANTED.brokenCharter)).toBe('cop-left-out');
    expect(effects.has(PLANTED.suppressedError)).toBe(false);
    expect(meetingCount(ordinary.workspace.cops)).toBeGreaterThan(50);
    expect(meetingCount(byCop.workspace.cops)).toBe(0);
  });

  it.each<[string, PeriodOptions, Omit<ReportOptions, 'period'>]>([
    ['--year', { year: true }, {}],
    ['--year 2025', { year: '2025' }, {}],
    ['a month', { month: '2026-10' }, {}],
    ['a range', { from: '2026-06', to: '2026-11' }, {}],
    ['--cop', { year: true }, { cops: ['platform-engineering', 'security'] }],
    ['--sponsor', { year: true }, { sponsor: 'priya.raman' }],
    ['--no-names', { year: true }, { anonymise: true }],
    ['--names', { year: true }, { anonymise: false }],
  ])('reports the same as the ordinary load: %s', async (_, periodOptions, filters) => {
    const period = resolvePeriod(periodOptions, AS_OF);
    const { ordinary, byCop } = await loads({ kind: 'report', period });
    const reportOptions = { period, ...filters };
    // Compared as JSON text: the same figures, in the same order, down to the last digit.
    expect(JSON.stringify(reportFromFigures(byCop.workspace, byCop.perCop, reportOptions))).toBe(JSON.stringify(computeReport(ordinary.workspace, reportOptions)));
  });

  it('judges the same health as the ordinary load', async () => {
    const { ordinary, byCop } = await loads({ kind: 'health' });
    const judged = healthReport(byCop.workspace, AS_OF, [...byCop.perCop.values()]);
    expect(JSON.stringify(judged)).toBe(JSON.stringify(evaluateHealth(ordinary.workspace, AS_OF)));
    expect(judged.cops.map((cop) => cop.status)).toEqual(expect.arrayContaining(['active', 'dissolved', 'proposed']));
  });

  it("computes again, here, only the CoPs whose files left out differ once the organisation's findings are known", async () => {
    const { errors, computed, ...partial } = await computedWhereRead(root, { kind: 'health' });
    const recomputed: string[] = [];
    const results = settledResults(partial.workspace, partial.leftOut, errors, {
      results: computed.results,
      recompute: (id, diagnostics) => (recomputed.push(id), computed.recompute(id, diagnostics)),
    });
    // platform-engineering: a log the organisation's check leaves out (invalid-suppression), and one whose error a comment suppresses.
    expect(recomputed).toEqual(['platform-engineering']);
    expect(computed.results.get('platform-engineering')!.leftOut).toEqual([PLANTED.suppressedError]);
    expect(computed.recompute('platform-engineering', errors.filter((d) => d.file.startsWith('cops/platform-engineering/'))).leftOut).toEqual([PLANTED.invalidSuppression]);
    expect([...results.keys()].sort()).toEqual(charters(partial.workspace).map((cop) => cop.id).sort());
  });

  it('keeps the ordinary load where generated READMEs are compared with every meeting, with the same results', async () => {
    const copies = withAndWithoutGeneratedReadme(root);
    const load = (at: string) => loadReadableCops({ root: at, asOf: AS_OF }, memoryIo(at, false), { kind: 'health' });
    const [byCop, ordinary] = [await load(copies.byCop), await load(copies.ordinary)];
    if (!byCop.ok || !ordinary.ok) throw new Error('expected both loads to succeed');
    expect(meetingCount(ordinary.workspace.cops)).toBeGreaterThan(50);
    expect(meetingCount(byCop.workspace.cops)).toBe(0);
    expect(ordinary.leftOut).toEqual(byCop.leftOut);
    expect(JSON.stringify(healthReport(ordinary.workspace, AS_OF, [...ordinary.perCop.values()]))).toBe(JSON.stringify(healthReport(byCop.workspace, AS_OF, [...byCop.perCop.values()])));
  });
});
