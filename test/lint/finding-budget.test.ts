/**
 * The finding-count budget: one single mistake, one finding, in the file that has it. Each kind
 * of mistake is made in a fresh copy of two organisations that generate CODEOWNERS and READMEs
 * (the bundled example, and one newly adopted with `cop init` and `cop new`), and `cop check`
 * must report exactly the finding the mistake calls for: no follow-ons in CODEOWNERS or the
 * READMEs, no spurious warnings, no line reported twice.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const asOf = ['--as-of', AS_OF];

interface Found {
  file: string;
  ruleId: string;
}

async function check(root: string): Promise<{ found: Found[]; messages: string[]; skipped: { file: string; rules: string[] }[] }> {
  const result = await runInProcess(['check', '--format', 'json', ...asOf], root);
  const report = JSON.parse(result.stdout) as { diagnostics: (Found & { message: string })[]; skipped?: { file: string; rules: string[] }[] };
  return { found: report.diagnostics.map(({ file, ruleId }) => ({ file, ruleId })), messages: report.diagnostics.map((d) => d.message), skipped: report.skipped ?? [] };
}

async function mustPass(args: string[], root: string): Promise<void> {
  const result = await runInProcess([...args, ...asOf], root);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

/** The bundled organisation with CODEOWNERS and READMEs generated. */
async function bundled(): Promise<string> {
  const root = copyOrganisation();
  await mustPass(['codeowners', '--write'], root);
  await mustPass(['readme', '--write'], root);
  return root;
}

const ANSWERS = `name: Web
subject: Building for browsers
in: [Browsers, Accessibility]
rationale: Many teams build for the web.
sponsor: priya.raman
coordinator: ada.lovelace
members: [ada.lovelace, bo.brown, cy.chan, di.diaz, ed.evans]
goals: [educate:practitioners:Learn the web together.]
`;
const NEW_PEOPLE = `new_people:
${['ada.lovelace', 'bo.brown', 'cy.chan', 'di.diaz', 'ed.evans'].map((id) => `  - { id: ${id}, name: ${id.replace('.', ' ')}, github: ${id.replace('.', '-')} }`).join('\n')}
`;

/** A newly adopted organisation: `cop init`, two CoPs by `cop new` (with new people), READMEs generated, a meeting by `cop log`. */
async function adopted(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'cop-adopted-'));
  expect((await runInProcess(['init', '--yes', '--organisation', 'Acme', '--cto', 'priya.raman:Priya Raman:priya-raman', '--year', '2026'], root)).status).toBe(0);
  writeFileSync(join(root, 'web.yaml'), ANSWERS + NEW_PEOPLE);
  writeFileSync(join(root, 'go.yaml'), ANSWERS.replace('Web', 'Go').replace('Building for browsers', 'Go services'));
  const created = await runInProcess(['new', 'web', '--from', 'web.yaml', '--yes', ...asOf], root);
  expect(created.status).toBe(0);
  await mustPass(['new', 'go', '--from', 'go.yaml', '--yes'], root);
  rmSync(join(root, 'web.yaml'));
  rmSync(join(root, 'go.yaml'));
  await mustPass(['readme', '--write'], root);
  const logged = await runInProcess(['log', 'web', '--yes', '--date', AS_OF, '--title', 'First steps', '--attendees', 'ada.lovelace,bo.brown,cy.chan', '--recording', 'https://example.com/first', ...asOf], root);
  expect(logged.status).toBe(0);
  return root;
}

const edit = (root: string, file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
const lastMeeting = (root: string, cop: string) => `cops/${cop}/meetings/${readdirSync(join(root, 'cops', cop, 'meetings')).filter((f) => f.endsWith('.yaml')).sort().at(-1)}`;

/** A single mistake: what it does to a data root, and the one finding it must give. */
interface Mistake {
  name: string;
  make: (root: string, cop: string) => void;
  expected: (cop: string, root: string) => Found[];
}

const MISTAKES: Mistake[] = [
  {
    name: 'a schema typo in a charter',
    make: (root, cop) => edit(root, `cops/${cop}/charter.yaml`, (t) => t.replace(/^ {2}cadence: \w+$/m, '  cadence: Monthly')),
    expected: (cop) => [{ file: `cops/${cop}/charter.yaml`, ruleId: 'schema' }],
  },
  {
    name: 'a tab in a charter',
    make: (root, cop) => edit(root, `cops/${cop}/charter.yaml`, (t) => t.replace(/^rationale:/m, '\trationale:')),
    expected: (cop) => [{ file: `cops/${cop}/charter.yaml`, ruleId: 'yaml-syntax' }],
  },
  {
    name: 'a broken meeting file',
    make: (root, cop) => edit(root, lastMeeting(root, cop), (t) => t.replace(/^title: (.*)$/m, 'title: "$1')),
    expected: (cop, root) => [{ file: lastMeeting(root, cop), ruleId: 'yaml-syntax' }],
  },
  {
    name: 'an unknown person among the members',
    make: (root, cop) => edit(root, `cops/${cop}/charter.yaml`, (t) => t.replace(/^members:\n/m, 'members:\n  - no.such.person\n')),
    expected: (cop) => [{ file: `cops/${cop}/charter.yaml`, ruleId: 'person-exists' }],
  },
  {
    name: 'an unknown sponsor',
    make: (root, cop) => edit(root, `cops/${cop}/charter.yaml`, (t) => t.replace(/^sponsor: (.*)$/m, 'sponsor: $1x')),
    expected: (cop) => [{ file: `cops/${cop}/charter.yaml`, ruleId: 'person-exists' }],
  },
];

/** Organisations under test: how to make one, and the active CoP whose files the mistakes go into. */
const ORGANISATIONS: [string, () => Promise<string>, string][] = [
  ['the bundled organisation with generated CODEOWNERS and READMEs', bundled, 'aws'],
  ['a newly adopted organisation (cop init, two cop new, generated READMEs)', adopted, 'web'],
];

describe.each(ORGANISATIONS)('finding budget: %s', (_, make, cop) => {
  let pristine: string;
  beforeAll(async () => {
    pristine = await make();
    expect((await check(pristine)).found).toEqual([]);
  }, 60_000);

  const fresh = () => {
    const root = mkdtempSync(join(tmpdir(), 'cop-budget-'));
    cpSync(pristine, root, { recursive: true });
    return root;
  };

  it.each(MISTAKES)('$name: one finding, in the file that has it', async ({ make: mistake, expected }) => {
    const root = fresh();
    mistake(root, cop);
    expect((await check(root)).found).toEqual(expected(cop, root));
  });

  it('a broken meeting log says which rule it kept from running (no member looks inactive for it)', async () => {
    const root = fresh();
    const meeting = lastMeeting(root, cop);
    edit(root, meeting, (t) => t.replace(/^title: (.*)$/m, 'title: "$1'));
    const { skipped } = await check(root);
    expect(skipped).toEqual([{ file: meeting, rules: ['member-inactive'] }]);
  });

  it('a new CoP made by hand with a longer id than the others: one finding per generated file, no line both "called for" and "not called for"', async () => {
    const root = fresh();
    cpSync(join(root, 'cops', cop), join(root, 'cops', 'kotlin-multiplatform-mobile'), { recursive: true });
    rmSync(join(root, 'cops', 'kotlin-multiplatform-mobile', 'README.md'));
    edit(root, 'cops/kotlin-multiplatform-mobile/charter.yaml', (t) => t.replace(/^id: .*$/m, 'id: kotlin-multiplatform-mobile'));
    const { found, messages } = await check(root);
    expect(found).toEqual([
      { file: '.github/CODEOWNERS', ruleId: 'codeowners-current' },
      { file: 'cops/README.md', ruleId: 'readme-current' },
    ]);
    const codeowners = messages[0]!.split('\n');
    expect(codeowners[0]).toMatch(/\(2 lines differ, \d+ only re-aligned\): run `cop codeowners --write` \(or `cop check --fix`/);
    expect(codeowners.slice(1).every((line) => line.startsWith('+ /cops/kotlin-multiplatform-mobile/'))).toBe(true);
    expect(messages[1]).toMatch(/cops\/kotlin-multiplatform-mobile\/README\.md does not exist; run `cop readme --write` \(or `cop check --fix`/);
    // `cop check --fix` mends both.
    expect((await runInProcess(['check', '--fix', ...asOf], root)).status).toBe(0);
    expect((await check(root)).found).toEqual([]);
  });
});
