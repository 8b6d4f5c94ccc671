import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/cli.js';
import { runInProcess } from '../../helpers/in-process.js';

const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ?? addFormatsPlugin) as (ajv: Ajv2020, formats: string[]) => void;
const schema = (name: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', name), 'utf8')) as object;

/** review-draft.schema.json, with the schemas it refers to (report, charter, common) loaded beside it; `def`: one of its $defs. */
function validator(def?: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv, ['date', 'uri']);
  for (const name of ['common.schema.json', 'charter.schema.json', 'report.schema.json', 'review-draft.schema.json']) ajv.addSchema(schema(name));
  const id = 'https://unpkg.com/cops-as-code/schemas/review-draft.schema.json';
  return ajv.getSchema(def === undefined ? id : `${id}#/$defs/${def}`)!;
}

/** `cop review … --format json` on the bundled organisation, as of its snapshot day. */
async function reviewJson(args: string[]): Promise<Record<string, unknown>> {
  const result = await runInProcess(['review', ...args, '--format', 'json', '--as-of', '2026-11-20'], REPO_ROOT);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const NAMES = [['--names'], ['--no-names']];

describe('cop review --format json against schemas/review-draft.schema.json', () => {
  const validate = validator();

  it('validates every CoP review of the bundled organisation, named and anonymised', { timeout: 120_000 }, async () => {
    const reviews = [['aws'], ['data-engineering'], ['mobile'], ['platform-engineering'], ['quality-engineering'], ['distributed-ledgers', '--quarter', '2026Q1']];
    for (const review of reviews) {
      for (const names of NAMES) {
        const json = await reviewJson([...review, ...names]);
        expect(validate(json), `${review.join(' ')} ${names[0]}: ${JSON.stringify(validate.errors)}`).toBe(true);
        expect(json.id).toBe(review[0]);
      }
    }
  });

  it('validates the organisation’s annual review, named and anonymised', { timeout: 60_000 }, async () => {
    for (const names of NAMES) {
      const json = await reviewJson(['--org', '--year', '2026', ...names]);
      expect(validate(json), `${names[0]}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(json.year).toBe(2026);
    }
  });

  it('rejects a review that breaks the shape (the schema is not vacuous)', async () => {
    const cop = await reviewJson(['mobile']);
    expect(validate(cop)).toBe(true);
    expect(validate({ ...cop, version: 2 })).toBe(false);
    expect(validate({ ...cop, extra: true })).toBe(false);
    const { health: _health, ...withoutHealth } = cop;
    expect(validate(withoutHealth)).toBe(false);
    // The embedded report entry is checked against report.schema.json's.
    expect(validate({ ...cop, budget: { ...(cop.budget as object), yearEnd: null } })).toBe(false);
    // A cancelled meeting in the health evidence carries `cancelled: true`, never false.
    const health = JSON.parse(JSON.stringify(cop.health)) as { triggers: { evidence: { months: { meetings: { cancelled?: boolean }[] }[] } }[] };
    health.triggers[0]!.evidence.months[0]!.meetings[0]!.cancelled = false;
    expect(validate({ ...cop, health })).toBe(false);
    // A trigger declared in the charter has its own evidence (none in the bundled organisation as of its day).
    const declared = { id: 'not-strategic', level: 'flagged', decidedBy: { role: 'cto', people: ['priya.raman'] }, evidence: { declaredBy: 'priya.raman', date: '2026-05-06' } };
    expect(validate({ ...cop, health: { ...(cop.health as object), triggers: [declared] } })).toBe(true);
    expect(validate({ ...cop, health: { ...(cop.health as object), triggers: [{ ...declared, evidence: { declaredBy: 'priya.raman' } }] } })).toBe(false);

    const org = await reviewJson(['--org', '--year', '2026']);
    expect(validate(org)).toBe(true);
    expect(validate({ ...org, budget: { ...(org.budget as object), forecast: { hours: 1 } } })).toBe(false);
    // A CoP review's fields do not make an annual review valid, nor the reverse.
    expect(validate({ ...org, id: 'mobile' })).toBe(false);
  });

  it('describes `cop health`’s entries as $defs/copHealth (on the snapshot day, and a month later with warnings)', async () => {
    const validateHealth = validator('copHealth');
    for (const asOf of ['2026-11-20', '2026-12-20']) {
      const result = await runInProcess(['health', '--format', 'json', '--as-of', asOf], REPO_ROOT);
      expect(result.status).toBe(0);
      const { cops } = JSON.parse(result.stdout) as { cops: unknown[] };
      expect(cops.length).toBeGreaterThan(5);
      for (const cop of cops) expect(validateHealth(cop), `${asOf}: ${JSON.stringify(validateHealth.errors)}`).toBe(true);
    }
    expect(validateHealth({ id: 'aws', name: 'AWS', status: 'active', level: 'fine', triggers: [], warnings: [], trend: [] })).toBe(false);
  });

  it('accepts the optional `incomplete` list of files left out, in the report’s shape', async () => {
    const cop = await reviewJson(['aws']);
    expect(validate({ ...cop, incomplete: [{ file: 'cops/aws/meetings/2026-08-20.yaml', errors: 1, effect: 'meeting-left-out', cop: 'aws' }] })).toBe(true);
    expect(validate({ ...cop, incomplete: [{ file: 'cops/aws/meetings/2026-08-20.yaml', errors: 0, effect: 'lost' }] })).toBe(false);
  });
});
