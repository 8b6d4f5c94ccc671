import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../src/budget/compute.js';
import { resolvePeriod } from '../../../src/budget/period.js';
import { reportJson } from '../../../src/render/report/json.js';
import { REPO_ROOT, runCli } from '../../helpers/cli.js';
import { fixture } from '../../budget/fixture.js';

const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ?? addFormatsPlugin) as (ajv: Ajv2020, formats: string[]) => void;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv, ['date']);
  return ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'report.schema.json'), 'utf8')) as object);
}

describe('cop report --format json against schemas/report.schema.json', () => {
  const validate = validator();

  it('validates the report of a small organisation, named and anonymised, for a month and a range', () => {
    for (const options of [{}, { anonymise: true }]) {
      for (const period of [resolvePeriod({ month: '2026-04' }, '2026-05-20'), resolvePeriod({ from: '2026-01', to: '2026-05' }, '2026-06-10')]) {
        const json = JSON.parse(reportJson(computeReport(fixture(), { period, ...options }))) as unknown;
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      }
    }
  });

  it('validates the bundled organisation’s report, which carries schema_version 1 and rounded figures', () => {
    const result = runCli(['report', '--as-of', '2026-11-20', '--year', '2026', '--format', 'json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { schema_version: number };
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.schema_version).toBe(1);
    // Every number has at most two decimals.
    const long = [...result.stdout.matchAll(/-?\d+\.\d{3,}/g)].map((m) => m[0]);
    expect(long).toEqual([]);
  });

  it('rejects a report that breaks the shape (the schema is not vacuous)', () => {
    const json = JSON.parse(reportJson(computeReport(fixture(), { period: resolvePeriod({ month: '2026-04' }, '2026-05-20') }))) as Record<string, unknown>;
    expect(validate({ ...json, schema_version: 2 })).toBe(false);
    expect(validate({ ...json, extra: true })).toBe(false);
    const org = json.organisation as Record<string, unknown>;
    expect(validate({ ...json, organisation: { ...org, forecast: { hours: 1 } } })).toBe(false);
  });

  it('rounds money to cents and hours to hundredths, never to -0', () => {
    const report = computeReport(fixture(), { period: resolvePeriod({ month: '2026-04' }, '2026-05-20') });
    report.organisation.yearToDate.money.variance = -425.6199999999999;
    report.organisation.period.hours = 1 / 3;
    report.organisation.period.money = -0.001;
    const json = JSON.parse(reportJson(report)) as typeof report;
    expect(json.organisation.yearToDate.money.variance).toBe(-425.62);
    expect(json.organisation.period.hours).toBe(0.33);
    expect(Object.is(json.organisation.period.money, 0)).toBe(true);
  });
});

describe('finance CSV and the formula-injection guard', () => {
  it('writes one row per CoP and month with a cost centre, hours, a money column per category, budget and remaining, output hours per kind', async () => {
    const { financeCsv } = await import('../../../src/render/report/csv.js');
    const ws = fixture();
    const alpha = ws.cops.find((c) => c.id === 'alpha')!;
    alpha.charter = { ...alpha.charter!, cost_centre: 'CC-1042', name: '=HYPERLINK("http://evil.example","x")' };
    const lines = financeCsv(computeReport(ws, { period: resolvePeriod({ month: '2026-03' }, '2026-05-20'), cops: ['alpha'] })).split('\r\n');
    expect(lines[0]).toBe(
      'cop,name,cost_centre,month,attendance_hours,preparation_hours,hours_total,money_refreshments,money_licence,money_materials,money_venue,money_travel,money_training,money_other,money_total,currency,budget_hours,remaining_hours,' +
        'output_hours_written_show_and_tell,output_hours_shared_examples,output_hours_written_training,output_hours_policies_and_standards,output_hours_talk,output_hours_workshop,output_hours_r_and_d_proposal,output_hours_other',
    );
    // March: 1.5 h × 3 attendees, 1.5 h preparation of a 2 h budget, 16 refreshments and 120 licence.
    expect(lines[1]).toBe(`alpha,"'=HYPERLINK(""http://evil.example"",""x"")",CC-1042,2026-03,4.50,1.50,6.00,16.00,120.00,0.00,0.00,0.00,0.00,0.00,136.00,GBP,2.00,0.50,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00`);
  });
});
