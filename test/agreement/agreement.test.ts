/**
 * #24: the outputs agree, by test. Generated organisations (scripts/bench/generate.mjs, seeded) and
 * the bundled example, on as-of days that include the 1st and the last day of a month, 1 January
 * and 31 December: every figure that two faces of the tool show for the same CoP, month and day is
 * the same number. What is compared to what is the table in ./table.ts; how each face is read is
 * ./faces.ts.
 *
 * AGREEMENT_ORGS=<n> runs n organisations (default 20); AGREEMENT_SIZE=<cops> makes each bigger.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseDocument, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { addDaysIso, addMonthsIso } from '../../src/core/dates.js';
// @ts-expect-error: a plain script, without types
import { generateOrganisation } from '../../scripts/bench/generate.mjs';
import { runInProcess } from '../helpers/in-process.js';
import { copyOrganisation } from '../helpers/org-copy.js';
import { FACE_LIST, figuresOf, Organisation, type FaceOf } from './faces.js';
import { comparedCount, disagreements, type Figures } from './figures.js';
import { FIGURES, type FigureName } from './table.js';

// One loaded organisation per case (./one-load.ts).
vi.mock('../../src/lint/lint-workspace.js', async (importOriginal) => (await import('./one-load.js')).loadOncePerDay(importOriginal));

/** The generator's meetings end on 2026-10-31 and its charters are valid from then into 2027. */
const AS_OF_DAYS = [
  '2026-11-01', // the 1st of a month: nothing logged in it yet
  '2026-11-20', // mid-month
  '2026-11-30', // the last day of a month
  '2026-12-05',
  '2026-12-31', // 31 December: the year's last day
  '2027-01-01', // 1 January: the last complete month is in the year before
];

const ORGANISATIONS = Number(process.env.AGREEMENT_ORGS ?? 20);
const SIZE = Number(process.env.AGREEMENT_SIZE ?? 0);

/** A small organisation per seed, of varying shape: 2–4 CoPs, about 20–40 meetings each (so some months have none). */
function shapeOf(seed: number) {
  const cops = SIZE || 2 + (seed % 3);
  return { cops, meetings: cops * (20 + ((seed * 7) % 21)), people: 30 + (seed % 4) * 5, seed };
}

/** Which figures each face showed over the whole run. */
const shownBy = new Map<FaceOf, Set<FigureName>>();

function note(faces: readonly FaceOf[], figures: ReadonlyMap<string, Figures>): void {
  for (const face of faces) {
    const names = shownBy.get(face) ?? new Set<FigureName>();
    for (const name of figures.get(face.name)!.names) names.add(name);
    shownBy.set(face, names);
  }
}

/**
 * What the generator never writes, on some seeds: a budget cut mid-year (dated `budget.changes`), a
 * cancelled meeting that was prepared for, the next coordinator lined up, a proposed CoP, and a CoP
 * dissolved by `cop dissolve` on 31 October.
 */
async function vary(root: string, seed: number): Promise<void> {
  const ids = readdirSync(join(root, 'cops')).sort();
  if (seed % 2 === 0) {
    const file = join(root, 'cops', ids[0]!, 'charter.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['budget', 'changes'], [{ from: '2026-06-15', hours_per_month: 1 }]);
    writeFileSync(file, doc.toString());
  }
  if (seed % 2 === 1) {
    // Cancelled, but prepared for: its preparation still counts (src/budget/compute.ts).
    const id = ids[1] ?? ids[0]!;
    const member = String(parseDocument(readFileSync(join(root, 'cops', id, 'charter.yaml'), 'utf8')).getIn(['members', 0]));
    const name = ['2026-09-29', '2026-09-29-2', '2026-09-29-3'].find((stem) => !existsSync(join(root, 'cops', id, 'meetings', `${stem}.yaml`)))!;
    const text = `date: 2026-09-29\ntitle: Clinic\nformat: clinic\nduration_minutes: 60\nattendees: []\ncancelled: true\nreason: The speaker was ill\npreparation:\n  - person: ${member}\n    hours: 1.5\n`;
    writeFileSync(join(root, 'cops', id, 'meetings', `${name}.yaml`), text);
  }
  if (seed % 4 === 1) {
    // The next coordinator already lined up: the current term ends on a date.
    const file = join(root, 'cops', ids[0]!, 'charter.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const terms = doc.getIn(['coordinator', 'terms']) as YAMLSeq<YAMLMap>;
    const current = terms.items.at(-1)!;
    const next = addMonthsIso(String(current.get('from')), 3);
    current.set('until', addDaysIso(next, -1));
    const members = (doc.get('members') as YAMLSeq<Scalar<string>>).items.map((item) => String(item.value));
    terms.add(doc.createNode({ person: members.find((m) => m !== String(current.get('person'))), from: next }) as YAMLMap);
    writeFileSync(file, doc.toString());
  }
  if (seed % 5 === 2) {
    // A proposal modelled on the first CoP: no budget, not judged, coordinated from its creation.
    const doc = parseDocument(readFileSync(join(root, 'cops', ids[0]!, 'charter.yaml'), 'utf8'));
    const id = `${ids[0]}-next`;
    doc.set('id', id);
    doc.set('name', `${String(doc.get('name'))} Next`);
    doc.set('status', 'proposed');
    doc.set('created', '2026-10-20');
    doc.delete('activated');
    const terms = doc.getIn(['coordinator', 'terms']) as YAMLSeq<YAMLMap>;
    const first = terms.items.at(-1)!;
    first.set('from', '2026-10-20');
    first.delete('until');
    terms.items = [first];
    mkdirSync(join(root, 'cops', id));
    writeFileSync(join(root, 'cops', id, 'charter.yaml'), doc.toString());
  }
  if (seed % 3 === 0) {
    const id = ids.at(-1)!;
    const sponsor = String(parseDocument(readFileSync(join(root, 'cops', id, 'charter.yaml'), 'utf8')).get('sponsor'));
    // As of a day no case uses: the commands of a case share one load of the data (./one-load.ts).
    const done = await runInProcess(['dissolve', id, '--reason', 'not-strategic', '--decided-by', sponsor, '--as-of', '2026-10-31'], root);
    if (done.status !== 0) throw new Error(`cop dissolve ${id}: ${done.stderr}`);
  }
}

/** The bundled example (cops/): schedules, cancelled meetings, proposed and dissolved CoPs; its logs end on 2026-11-12. */
const BUNDLED_DAYS = ['2026-11-20', '2026-11-30', '2026-12-01', '2026-12-05', '2026-12-31', '2027-01-01'];

interface OrganisationCase {
  name: string;
  /** Writes the data root into a new folder and returns it. */
  make(): Promise<string>;
  days: string[];
}

const CASES: OrganisationCase[] = [
  ...Array.from({ length: ORGANISATIONS }, (_, i): OrganisationCase => {
    const shape = shapeOf(i + 1);
    return {
      name: `generated organisation ${shape.seed} (${shape.cops} CoPs, ${shape.meetings} meetings)`,
      async make() {
        const root = mkdtempSync(join(tmpdir(), 'cop-agree-'));
        await generateOrganisation(root, shape);
        await vary(root, shape.seed);
        return root;
      },
      days: AS_OF_DAYS,
    };
  }),
  { name: 'the bundled example organisation', make: async () => copyOrganisation(), days: BUNDLED_DAYS },
];

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

for (const { name, make, days } of CASES) {
  describe(name, () => {
    let root = '';
    beforeAll(async () => {
      root = await make();
      roots.push(root);
    });

    describe.each(days)('as of %s', (asOf) => {
      let org: Organisation;
      beforeAll(() => {
        org = new Organisation(root, asOf);
      });

      it('every figure is the same in every face that shows it', async () => {
        const figures = await figuresOf(org, FACE_LIST);
        note(FACE_LIST, figures);
        expect(disagreements(figures)).toEqual([]);
        // Not an empty comparison: the report runs alone share hundreds of figures.
        expect(comparedCount(figures)).toBeGreaterThan(100);
      });
    });
  });
}

describe('the table of figures', () => {
  it('lists every figure a face shows under that face, and every figure it lists is shown by two faces', () => {
    const unlisted = [...shownBy].flatMap(([face, names]) => [...names].filter((name) => !(face.family in FIGURES[name])).map((name) => `${face.name}: ${name}`));
    expect(unlisted).toEqual([]);
    // Two runs of `cop report` for different periods are two faces: they share the months in both.
    const thin = (Object.keys(FIGURES) as FigureName[]).filter((name) => [...shownBy].filter(([, names]) => names.has(name)).length < 2);
    expect(thin).toEqual([]);
  });
});
