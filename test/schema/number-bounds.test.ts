/**
 * Issue #22 row 11: hours and amounts have sane bounds, so a typo such as `amount: 1e308` or
 * `hours: 1e32` fails `cop check` with a message instead of reaching a report as `£∞`, `Infinity%`
 * or a JSON `null`; and a report of figures at the bounds prints no Infinity anywhere.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createValidator, readSchema, SCHEMA_KINDS } from '../../src/schema/validator.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';
import { charter, meeting, person } from '../helpers/workspace.js';

const validate = createValidator();
type Kind = 'charter' | 'meeting' | 'people' | 'config';

/** Each numeric field that feeds hours or money: a valid document with `value` in that field, and the field's path. */
const FIELDS: { field: string; kind: Kind; max: number; doc: (value: number) => unknown }[] = [
  { field: 'preparation[0].hours', kind: 'meeting', max: 744, doc: (v) => meeting('2026-10-14', { preparation: [{ person: 'p1', hours: v }] }) },
  { field: 'costs[0].amount', kind: 'meeting', max: 1e9, doc: (v) => meeting('2026-10-14', { costs: [{ category: 'refreshments', amount: v }] }) },
  { field: 'budget.hours_per_month', kind: 'charter', max: 744, doc: (v) => charter('alpha', { budget: { hours_per_month: v } }) },
  { field: 'budget.changes[0].hours_per_month', kind: 'charter', max: 744, doc: (v) => charter('alpha', { budget: { hours_per_month: 2, changes: [{ from: '2026-06-01', hours_per_month: v }] } }) },
  { field: 'budget.refreshments_per_head', kind: 'charter', max: 1e9, doc: (v) => charter('alpha', { budget: { refreshments_per_head: v } }) },
  { field: 'budget.other_costs[0].amount', kind: 'charter', max: 1e9, doc: (v) => charter('alpha', { budget: { other_costs: [{ category: 'licence', amount: v, per: 'month' }] } }) },
  { field: 'people[0].monthly_hours', kind: 'people', max: 744, doc: (v) => ({ people: [person('p1', { monthly_hours: v })] }) },
  { field: 'policy.default_monthly_hours', kind: 'config', max: 744, doc: (v) => ({ policy: { default_monthly_hours: v } }) },
  { field: 'policy.refreshments_per_head', kind: 'config', max: 1e9, doc: (v) => ({ policy: { refreshments_per_head: v } }) },
  { field: 'budgets[0].hours', kind: 'config', max: 1e9, doc: (v) => ({ budgets: [{ year: 2026, hours: v, money: 100 }] }) },
  { field: 'budgets[0].money', kind: 'config', max: 1e9, doc: (v) => ({ budgets: [{ year: 2026, hours: 100, money: v }] }) },
  { field: 'budgets[0].changes[0].hours', kind: 'config', max: 1e9, doc: (v) => ({ budgets: [{ year: 2026, hours: 100, money: 100, changes: [{ from: '2026-06-01', hours: v }] }] }) },
  { field: 'budgets[0].changes[0].money', kind: 'config', max: 1e9, doc: (v) => ({ budgets: [{ year: 2026, hours: 100, money: 100, changes: [{ from: '2026-06-01', money: v }] }] }) },
];

const messages = (kind: Kind, doc: unknown) => validate(kind, doc).map((issue) => issue.message);

describe('number bounds in the schemas', () => {
  it.each(FIELDS)('$field: 0, 0.01 and its maximum pass; 1e308, 1e32 and just over the maximum fail with a message', ({ field, kind, max, doc }) => {
    for (const value of [0, 0.01, 1.5, max]) expect(messages(kind, doc(value))).toEqual([]);
    for (const value of [1e308, 1e32, max + 1]) {
      expect(messages(kind, doc(value))).toEqual([expect.stringMatching(new RegExp(`^\`${field.replace(/[.[\]]/g, '\\$&')}\` must be <= ${max} \\(found .+\\): .+\\.$`))]);
    }
  });

  it.each(FIELDS)('$field: a positive figure below 0.01, which would make a percentage infinite, fails', ({ field, kind, doc }) => {
    for (const value of [5e-324, 1e-300, 0.001]) expect(messages(kind, doc(value))).toEqual([`\`${field}\` must be 0, or at least 0.01 (found ${JSON.stringify(value)}).`]);
  });

  it('says why hours stop at 744', () => {
    expect(messages('meeting', FIELDS[0]!.doc(1e32))).toEqual(['`preparation[0].hours` must be <= 744 (found 1e+32): hours are per meeting or per month, and a 31-day month has 744.']);
  });

  it('gives every number in the data schemas a maximum', () => {
    const unbounded: string[] = [];
    const walk = (node: unknown, pointer: string): void => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      const types = ([] as unknown[]).concat(record.type ?? []);
      if ((types.includes('number') || types.includes('integer')) && record.maximum === undefined) unbounded.push(pointer);
      for (const [key, value] of Object.entries(record)) walk(value, `${pointer}/${key}`);
    };
    for (const kind of [...SCHEMA_KINDS, 'common' as const]) walk(readSchema(kind), kind);
    expect(unbounded).toEqual([]);
  });
});

describe('cop report with figures at the bounds', () => {
  let root: string;
  beforeAll(() => {
    root = copyOrganisation();
    const meetings = join(root, 'cops', 'aws', 'meetings');
    // Every preparation at 744 hours and every cost at 10⁹, against a budget of 0.01 hours.
    for (const name of ['2026-10-22.yaml', '2026-11-12.yaml']) {
      const file = join(meetings, name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/hours: [\d.]+/g, 'hours: 744').replace(/amount: [\d.]+/g, 'amount: 1000000000'));
    }
    const charterFile = join(root, 'cops', 'aws', 'charter.yaml');
    writeFileSync(charterFile, readFileSync(charterFile, 'utf8').replace(/hours_per_month: [\d.]+/, 'hours_per_month: 0.01'));
  });

  it.each(['table', 'markdown', 'json', 'csv', 'finance-csv'])('--format %s prints no Infinity, ∞ or NaN', async (format) => {
    const result = await runInProcess(['report', '--root', root, '--as-of', AS_OF, '--year', '2026', '--format', format], root);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/1,?000,?000,?000|1e\+?9|1000000000/);
    expect(result.stdout).not.toMatch(/Infinity|∞|NaN/);
  });

  it('refuses `amount: 1e308` with the file, the line and the bound, and prints no figure', async () => {
    const typo = copyOrganisation();
    const file = join(typo, 'cops', 'aws', 'meetings', '2026-11-12.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/amount: [\d.]+/, 'amount: 1e308'));
    const result = await runInProcess(['report', '--root', typo, '--as-of', AS_OF, '--format', 'json'], typo);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toMatch(/Infinity|∞/);
    expect(result.stdout + result.stderr).toMatch(/cops\/aws\/meetings\/2026-11-12\.yaml[\s\S]*\d+:\d+\s+error\s+`costs\[0\]\.amount` must be <= 1000000000 \(found 1e\+308\)/);
  });
});
