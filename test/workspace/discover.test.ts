import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedValidator } from '../../src/schema/validator.js';
import { discoverDataFiles } from '../../src/workspace/discover.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { readDataFile } from '../../src/workspace/read-data.js';
import { DEFAULT_MAX_FILE_BYTES as MAX_FILE_BYTES, readScope } from '../../src/workspace/read.js';

const MEETING = (date: string) => `date: ${date}\ntitle: T\nformat: round-table\nduration_minutes: 60\nattendees: [p1]\n`;

/** A `file` finding (refused before parsing) at the start of `file`. */
const refused = (file: string, message: string) => ({ ruleId: 'file', severity: 'error', message, file, start: { line: 1, column: 1 } });

/** Findings but the one for a missing people.yaml (these trees leave it out on purpose). */
const withoutPeople = <T extends { message: string }>(diagnostics: T[]): T[] => diagnostics.filter((d) => !d.message.startsWith('There is no people.yaml'));

const empty = (...paths: string[]): Record<string, string> => Object.fromEntries(paths.map((path) => [path, '']));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cop-discover-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('discoverDataFiles', () => {
  it('lists config, people, charters and meetings in order, and every cop folder', async () => {
    const root = tree(
      empty(
        ...['cop.config.yaml', 'people.yaml', 'cops/b/charter.yaml', 'cops/b/meetings/2026-02-01.yaml', 'cops/b/meetings/2026-01-01.yaml'],
        ...['cops/a/meetings/2026-03-01.yaml', 'cops/.hidden/charter.yaml', 'cops/stray.yaml'],
      ),
    );
    const found = discoverDataFiles(root);
    expect(withoutPeople(found.diagnostics)).toEqual([]);
    expect(found.copIds).toEqual(['a', 'b']);
    expect(found.files).toEqual([
      { file: 'cop.config.yaml', kind: 'config' },
      { file: 'people.yaml', kind: 'people' },
      { file: 'cops/a/meetings/2026-03-01.yaml', kind: 'meeting' },
      { file: 'cops/b/charter.yaml', kind: 'charter' },
      { file: 'cops/b/meetings/2026-01-01.yaml', kind: 'meeting' },
      { file: 'cops/b/meetings/2026-02-01.yaml', kind: 'meeting' },
    ]);
  });

  it('ignores files in meetings/ that are not .yaml (README.md, .yml, notes.txt, editor backups)', async () => {
    const root = tree({
      ...empty('cops/a/charter.yaml', 'cops/a/meetings/2026-01-01.yaml', 'cops/a/meetings/2026-02-01.yml', 'cops/a/meetings/notes.txt', 'cops/a/meetings/2026-01-01.yaml~'),
      'cops/a/meetings/README.md': '# notes',
    });
    const found = discoverDataFiles(root);
    expect(found.files.map((f) => f.file)).toEqual(['cops/a/charter.yaml', 'cops/a/meetings/2026-01-01.yaml']);
  });

  it('ignores a folder named like a meeting file', async () => {
    const root = tree({ 'cops/a/charter.yaml': '', 'cops/a/meetings/2026-01-01.yaml/inner.yaml': '' });
    expect(discoverDataFiles(root).files.map((f) => f.file)).toEqual(['cops/a/charter.yaml']);
  });

  describe('symbolic links', () => {
    it('refuses a meeting linked to a file outside the root, with a `file` finding, and does not read it', async () => {
      const outside = tree({ 'secret.yaml': MEETING('2026-01-01') });
      const root = tree({ 'cops/a/charter.yaml': '', 'cops/a/meetings/2026-01-01.yaml': MEETING('2026-01-01') });
      symlinkSync(join(outside, 'secret.yaml'), join(root, 'cops/a/meetings/2026-02-01.yaml'));
      const found = discoverDataFiles(root);
      expect(found.files.map((f) => f.file)).toEqual(['cops/a/charter.yaml', 'cops/a/meetings/2026-01-01.yaml']);
      expect(withoutPeople(found.diagnostics)).toEqual([refused('cops/a/meetings/2026-02-01.yaml', 'Symbolic link to a place outside the data root: not read.')]);
      // And through the loader: the finding is kept, and nothing of the file reaches the workspace.
      const { workspace, diagnostics } = await loadWorkspace(root);
      expect(withoutPeople(diagnostics).filter((d) => d.ruleId === 'file').map((d) => d.file)).toEqual(['cops/a/meetings/2026-02-01.yaml']);
      expect(workspace.cops[0]!.meetings.map((m) => m.file)).toEqual(['cops/a/meetings/2026-01-01.yaml']);
    });

    it('refuses people.yaml, a cop folder and the cops/ folder linked out of the root', async () => {
      const outside = tree({ 'people.yaml': 'people: []\n', 'cops/x/charter.yaml': '', 'x/charter.yaml': '' });
      const root = tree({ 'cops/a/charter.yaml': '' });
      symlinkSync(join(outside, 'people.yaml'), join(root, 'people.yaml'));
      symlinkSync(join(outside, 'x'), join(root, 'cops/linked'));
      const found = discoverDataFiles(root);
      expect(found.files.map((f) => f.file)).toEqual(['cops/a/charter.yaml']);
      expect(found.copIds).toEqual(['a']);
      expect(withoutPeople(found.diagnostics).map((d) => [d.ruleId, d.file])).toEqual([
        ['file', 'people.yaml'],
        ['file', 'cops/linked'],
      ]);

      const root2 = mkdtempSync(join(tmpdir(), 'cop-discover-'));
      symlinkSync(join(outside, 'cops'), join(root2, 'cops'));
      const found2 = discoverDataFiles(root2);
      expect(found2.files).toEqual([]);
      expect(withoutPeople(found2.diagnostics).map((d) => [d.ruleId, d.file, d.message])).toEqual([['file', 'cops', 'Symbolic link to a place outside the data root: not read.']]);
    });

    it('refuses a link that climbs out with ../', async () => {
      const parent = tree({ 'outside.yaml': MEETING('2026-01-01'), 'root/cops/a/charter.yaml': '', 'root/cops/a/meetings/.keep': '' });
      const root = join(parent, 'root');
      symlinkSync('../../../outside.yaml', join(root, 'cops/a/meetings/2026-01-01.yaml'));
      const found = discoverDataFiles(root);
      expect(found.files.map((f) => f.file)).toEqual(['cops/a/charter.yaml']);
      expect(withoutPeople(found.diagnostics).map((d) => d.file)).toEqual(['cops/a/meetings/2026-01-01.yaml']);
    });

    it('reports a broken link', async () => {
      const root = tree({ 'cops/a/charter.yaml': '', 'cops/a/meetings/.keep': '' });
      symlinkSync(join(root, 'nowhere.yaml'), join(root, 'cops/a/meetings/2026-01-01.yaml'));
      const found = discoverDataFiles(root);
      expect(withoutPeople(found.diagnostics).map((d) => [d.ruleId, d.file, d.message])).toEqual([['file', 'cops/a/meetings/2026-01-01.yaml', 'Broken symbolic link: not read.']]);
    });

    it('follows links that stay inside the root: a meeting, a charter and a whole cop folder', async () => {
      const root = tree({
        'shared/2026-01-01.yaml': MEETING('2026-01-01'),
        'shared/charter.yaml': '',
        'cops/a/meetings/.keep': '',
        'cops/real/charter.yaml': '',
      });
      symlinkSync(join(root, 'shared/2026-01-01.yaml'), join(root, 'cops/a/meetings/2026-01-01.yaml'));
      symlinkSync('../../shared/charter.yaml', join(root, 'cops/a/charter.yaml'));
      symlinkSync(join(root, 'cops/real'), join(root, 'cops/alias'));
      const found = discoverDataFiles(root);
      expect(withoutPeople(found.diagnostics)).toEqual([]);
      expect(found.copIds).toEqual(['a', 'alias', 'real']);
      expect(found.files.map((f) => f.file)).toEqual(['cops/a/charter.yaml', 'cops/a/meetings/2026-01-01.yaml', 'cops/alias/charter.yaml', 'cops/real/charter.yaml']);
    });

    it('works when the root itself is reached through a link', async () => {
      const real = tree({ 'cops/a/charter.yaml': '', 'cops/a/meetings/2026-01-01.yaml': '' });
      const link = join(mkdtempSync(join(tmpdir(), 'cop-discover-')), 'root-link');
      symlinkSync(real, link);
      const found = discoverDataFiles(link);
      expect(withoutPeople(found.diagnostics)).toEqual([]);
      expect(found.files.map((f) => f.file)).toEqual(['cops/a/charter.yaml', 'cops/a/meetings/2026-01-01.yaml']);
    });
  });
});

describe('readDataFile', () => {
  const validate = sharedValidator();

  it('reads and parses a data file', () => {
    const root = tree({ 'cops/a/meetings/2026-01-01.yaml': MEETING('2026-01-01') });
    const parsed = readDataFile(readScope(root), { file: 'cops/a/meetings/2026-01-01.yaml', kind: 'meeting' }, validate);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.data).toMatchObject({ date: '2026-01-01' });
  });

  it('refuses a file with NUL bytes as not text, without parsing it', () => {
    const root = tree({ 'cops/a/meetings/2026-01-01.yaml': MEETING('2026-01-01') + '\u0000\u0001binary' });
    const parsed = readDataFile(readScope(root), { file: 'cops/a/meetings/2026-01-01.yaml', kind: 'meeting' }, validate);
    expect(parsed.data).toBeUndefined();
    expect(parsed.diagnostics).toEqual([
      { ...refused('cops/a/meetings/2026-01-01.yaml', 'The file is not text (it contains NUL bytes): not read.'), end: { line: 1, column: 1 } },
    ]);
  });

  it('refuses a file over 1 MiB, naming its size and the limit', () => {
    const big = MEETING('2026-01-01') + `notes: "${'x'.repeat(MAX_FILE_BYTES)}"\n`;
    const root = tree({ 'cops/a/meetings/2026-01-01.yaml': big });
    const parsed = readDataFile(readScope(root), { file: 'cops/a/meetings/2026-01-01.yaml', kind: 'meeting' }, validate);
    expect(parsed.data).toBeUndefined();
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({ ruleId: 'file', severity: 'error', start: { line: 1, column: 1 } });
    expect(parsed.diagnostics[0]!.message).toBe(`The file is ${Math.ceil(Buffer.byteLength(big) / 1024)} KiB, larger than 1 MiB, the limit for a file cop reads: not read.`);
  });

  it('reads a file of exactly 1 MiB', () => {
    const head = MEETING('2026-01-01') + 'notes: "';
    const text = head + 'x'.repeat(MAX_FILE_BYTES - head.length - 2) + '"\n';
    expect(Buffer.byteLength(text)).toBe(MAX_FILE_BYTES);
    const root = tree({ 'cops/a/meetings/2026-01-01.yaml': text });
    expect(readDataFile(readScope(root), { file: 'cops/a/meetings/2026-01-01.yaml', kind: 'meeting' }, validate).diagnostics).toEqual([]);
  });

  it('reports a file that cannot be read (a folder), not a stack trace', () => {
    const root = tree({ 'cops/a/meetings/2026-01-01.yaml/x': '' });
    const parsed = readDataFile(readScope(root), { file: 'cops/a/meetings/2026-01-01.yaml', kind: 'meeting' }, validate);
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]!.ruleId).toBe('file');
    expect(parsed.diagnostics[0]!.message).toBe('The file is not a regular file (it is a folder): not read.');
  });
});
