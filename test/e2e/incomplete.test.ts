/**
 * One typo must not stop every report (#23 row 6): read commands leave the files with errors out,
 * say so at the top of every format, and exit 1; `--strict` refuses as before; errors in the
 * files every figure depends on still stop them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const BROKEN = 'cops/aws/meetings/2026-11-13.yaml';

/** The bundled organisation with one extra AWS meeting log that fails its schema. */
function withBrokenMeeting(): string {
  const root = copyOrganisation();
  writeFileSync(join(root, BROKEN), 'date: 2026-11-13\ntitle: Typo\nweekday: Tuesday\n');
  return root;
}

const run = (root: string, ...args: string[]) => runInProcess([...args, '--as-of', AS_OF], root);

describe('read commands with a file in error', () => {
  const root = withBrokenMeeting();
  const clean = copyOrganisation();

  it.each([
    ['report'],
    ['report', '--format', 'markdown'],
    ['health'],
    ['health', '--format', 'markdown'],
    ['ls'],
    ['show', 'aws'],
    ['due'],
    ['review', 'aws'],
    ['review', '--org', '--year', '2026'],
  ])('cop %s prints the banner first, then the same output as without the file, and exits 1', async (...args) => {
    const broken = await run(root, ...args);
    const whole = await run(clean, ...args);
    expect(broken.status).toBe(1);
    expect(whole.status).toBe(0);
    expect(broken.stdout.startsWith('Incomplete: 1 file with errors was left out')).toBe(true);
    // The broken file adds nothing: below the banner, the output is the clean organisation's.
    expect(broken.stdout.endsWith(whole.stdout)).toBe(true);
    const banner = broken.stdout.slice(0, broken.stdout.length - whole.stdout.length);
    const markdown = args.includes('markdown') || args[0] === 'review';
    expect(banner).toContain(markdown ? `\`${BROKEN}\`: a meeting of aws, left out of its figures` : `${BROKEN}: a meeting of aws, left out of its figures`);
    // The findings are on stderr, as `cop check` prints them.
    expect(broken.stderr).toContain('Unknown field `weekday`');
  });

  it.each([['report'], ['health'], ['ls'], ['show', 'aws'], ['due'], ['review', 'aws']])('cop %s --format json adds `incomplete` and keeps the rest', async (...args) => {
    const broken = JSON.parse((await run(root, ...args, '--format', 'json')).stdout);
    const whole = JSON.parse((await run(clean, ...args, '--format', 'json')).stdout);
    expect(broken.incomplete).toEqual([{ file: BROKEN, errors: 4, effect: 'meeting-left-out', cop: 'aws' }]);
    delete broken.incomplete;
    expect(broken).toEqual(whole);
  });

  it('keeps the report JSON valid against schemas/report.schema.json', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const addFormats = (await import('ajv-formats')).default as unknown as (ajv: InstanceType<typeof Ajv2020>, formats: string[]) => void;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv, ['date']);
    const validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'report.schema.json'), 'utf8')) as object);
    const json = JSON.parse((await run(root, 'report', '--format', 'json')).stdout) as unknown;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...(json as object), incomplete: [{ file: 'x', errors: 1, effect: 'lost' }] })).toBe(false);
  });

  it('keeps CSV parseable: the banner goes to stderr', async () => {
    const result = await run(root, 'report', '--format', 'csv');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Incomplete: 1 file with errors was left out');
    expect(result.stdout).toBe((await run(clean, 'report', '--format', 'csv')).stdout);
    expect(parseCsv(result.stdout).length).toBeGreaterThan(1);
  });

  it('cop site says it on every page and exits 1; cop calendar on stderr', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(join(tmpdir(), 'cop-site-'));
    const site = await run(root, 'site', '--out', out);
    expect(site.status).toBe(1);
    expect(site.stderr).toContain('Every page says so at its top');
    for (const page of ['index.html', 'budget.html', 'health.html', 'cops/aws.html']) {
      const html = readFileSync(join(out, page), 'utf8');
      expect(html).toContain('<section class="incomplete" role="alert">');
      expect(html).toContain(`<bdi>${BROKEN}</bdi>`);
    }
    const calendar = await run(root, 'calendar', 'aws');
    expect(calendar.status).toBe(1);
    expect(calendar.stdout).toBe((await run(clean, 'calendar', 'aws')).stdout);
    expect(calendar.stderr).toContain('Incomplete: 1 file with errors was left out');
  });

  it('--strict prints nothing and exits 1, as before', async () => {
    const result = await run(root, 'report', '--strict');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the data has errors');
  });

  it('leaves a CoP with a broken charter out, and says why when it is asked for by name', async () => {
    const broken = copyOrganisation();
    const charter = join(broken, 'cops/mobile/charter.yaml');
    writeFileSync(charter, readFileSync(charter, 'utf8').replace('status: active', 'status: actve'));
    const list = await run(broken, 'ls', '--format', 'json');
    expect(list.status).toBe(1);
    const parsed = JSON.parse(list.stdout);
    expect(parsed.cops.map((c: { id: string }) => c.id)).not.toContain('mobile');
    expect(parsed.incomplete).toEqual([expect.objectContaining({ file: 'cops/mobile/charter.yaml', effect: 'cop-left-out', cop: 'mobile' })]);
    const shown = await run(broken, 'show', 'mobile');
    expect(shown.status).toBe(2);
    expect(shown.stderr).toContain('cops/mobile/charter.yaml has errors (above), so `mobile` cannot be shown');
  });

  it('computes as usual when the only errors change no figure (a placeholder in people.yaml), and lists them', async () => {
    const placeholder = copyOrganisation();
    const people = join(placeholder, 'people.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace('github: lucy-chen-dev', 'github: replace-with-lucy-handle'));
    const result = await run(placeholder, 'report', '--format', 'json');
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.incomplete).toEqual([{ file: 'people.yaml', errors: 1, effect: 'not-used' }]);
    delete json.incomplete;
    expect(json).toEqual(JSON.parse((await run(clean, 'report', '--format', 'json')).stdout));
  });

  it('stops when people.yaml has errors: every figure depends on it', async () => {
    const broken = copyOrganisation();
    const people = join(broken, 'people.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace('monthly_hours:', 'monthly_hourz:'));
    const result = await run(broken, 'report');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('people.yaml has errors (above), and every figure depends on it');
  });
});

describe('read commands with a file or folder that cannot be read', () => {
  const clean = copyOrganisation();
  const UNREADABLE = 'cops/aws/meetings/2026-10-30.yaml';

  it.each([
    ['a FIFO', (path: string) => execFileSync('mkfifo', [path]), 'is not a regular file (it is a FIFO)'],
    ['a link out of the repository', (path: string) => symlinkSync('/etc/passwd', path), 'Symbolic link to a place outside the data root: not read.'],
  ])('leaves out a meeting log that is %s, as a file with errors, and exits 1', async (_, make, finding) => {
    const root = copyOrganisation();
    make(join(root, UNREADABLE));
    const broken = await run(root, 'report');
    const whole = await run(clean, 'report');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(finding);
    expect(broken.stdout).toContain(`${UNREADABLE}: a meeting of aws, left out of its figures`);
    expect(broken.stdout.endsWith(whole.stdout)).toBe(true);
    expect(broken.stdout + broken.stderr).not.toMatch(/root:x:0:0/);
    const json = JSON.parse((await run(root, 'report', '--format', 'json')).stdout);
    expect(json.incomplete).toEqual([{ file: UNREADABLE, errors: 1, effect: 'meeting-left-out', cop: 'aws' }]);
    delete json.incomplete;
    expect(json).toEqual(JSON.parse((await run(clean, 'report', '--format', 'json')).stdout));
  });

  it('stops when a folder of data files cannot be listed: which files it holds is unknown', async () => {
    const root = copyOrganisation();
    rmSync(join(root, 'cops/aws/meetings'), { recursive: true });
    writeFileSync(join(root, 'cops/aws/meetings'), 'not a folder\n');
    const result = await run(root, 'report');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('cops/aws/meetings cannot be listed (above): the figures would miss its files without saying which');
  });
});
