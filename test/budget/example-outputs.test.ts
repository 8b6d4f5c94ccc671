/**
 * The bundled organisation's outputs, checked by an independent computation: the output files are
 * read here with the `yaml` package, their hours summed per CoP and month, and `cop report`'s
 * figures with the outputs must differ from its figures without them by exactly those hours, and
 * in nothing else but what follows from them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { computeReport } from '../../src/budget/compute.js';
import { resolvePeriod } from '../../src/budget/period.js';
import type { Report } from '../../src/budget/types.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { REPO_ROOT } from '../helpers/cli.js';

/** Hours per `cop month` key, straight from the files. */
function outputHoursFromFiles(): Map<string, number> {
  const hours = new Map<string, number>();
  for (const cop of readdirSync(join(REPO_ROOT, 'cops'), { withFileTypes: true }).filter((e) => e.isDirectory())) {
    let names: string[];
    try {
      names = readdirSync(join(REPO_ROOT, 'cops', cop.name, 'outputs'));
    } catch {
      continue;
    }
    for (const name of names) {
      const data = parse(readFileSync(join(REPO_ROOT, 'cops', cop.name, 'outputs', name), 'utf8')) as { date: string; hours?: { hours: number }[] };
      const key = `${cop.name} ${String(data.date).slice(0, 7)}`;
      hours.set(key, (hours.get(key) ?? 0) + (data.hours ?? []).reduce((sum, line) => sum + line.hours, 0));
    }
  }
  return hours;
}

const withoutOutputs = (ws: Workspace): Workspace => ({ ...ws, cops: ws.cops.map((cop) => ({ ...cop, outputs: [] })) });
// 2026 up to November, the month of as-of, so the aws talk of 5 November counts too.
const yearReport = (ws: Workspace, year: number) => computeReport(ws, { period: resolvePeriod({ from: `${year}-01`, to: `${year}-${year === 2026 ? '11' : '12'}` }, '2026-11-20') });

describe('the bundled organisation with its outputs', async () => {
  const { workspace } = await loadWorkspace(REPO_ROOT);
  const fromFiles = outputHoursFromFiles();

  it('has outputs of at least four CoPs, with hours', () => {
    expect(new Set([...fromFiles.keys()].map((key) => key.split(' ')[0])).size).toBeGreaterThanOrEqual(4);
    expect([...fromFiles.values()].every((hours) => hours > 0)).toBe(true);
  });

  for (const year of [2025, 2026]) {
    it(`${year}: each CoP month's preparation differs by exactly the output hours the files record, and nothing else does`, () => {
      const withThem = yearReport(workspace, year);
      const without = yearReport(withoutOutputs(workspace), year);
      const months = (report: Report) => new Map(report.cops.flatMap((cop) => cop.months.map((m) => [`${cop.id} ${m.month}`, m] as const)));
      const after = months(withThem);
      const before = months(without);
      expect([...after.keys()]).toEqual([...before.keys()]);
      let total = 0;
      for (const [key, m] of after) {
        const was = before.get(key)!;
        const expected = fromFiles.get(key) ?? 0;
        total += expected;
        expect(m.preparation.actual - was.preparation.actual, key).toBeCloseTo(expected, 10);
        expect(m.outputs.hours, key).toBeCloseTo(expected, 10);
        expect(m.preparation.budget, key).toBe(was.preparation.budget);
        const { preparation: _p, outputs: _o, ...rest } = m;
        const { preparation: _wp, outputs: _wo, ...wasRest } = was;
        expect(rest, key).toEqual(wasRest);
      }
      // The organisation counts every CoP's outputs in the year, whichever CoPs the tables show.
      const inYear = [...fromFiles].filter(([key]) => key.split(' ')[1]!.startsWith(`${year}-`)).reduce((sum, [, hours]) => sum + hours, 0);
      expect(total).toBeLessThanOrEqual(inYear);
      expect(withThem.organisation.yearToDate.preparationHours - without.organisation.yearToDate.preparationHours).toBeCloseTo(inYear, 10);
      expect(withThem.organisation.yearToDate.outputHours).toBeCloseTo(inYear, 10);
      expect(withThem.organisation.yearToDate.attendanceHours).toBe(without.organisation.yearToDate.attendanceHours);
      expect(withThem.organisation.yearToDate.money).toEqual(without.organisation.yearToDate.money);
      expect(withThem.people).toEqual(without.people);
    });
  }
});
