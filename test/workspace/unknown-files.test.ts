import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverDataFiles, ignoreMatcher, UNKNOWN_FILE } from '../../src/workspace/discover.js';
import { lockPath } from '../../src/workspace/write.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

/** A data root holding `files` (paths relative to it; content does not matter to discovery). */
function rootWith(files: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'cop-unknown-'));
  for (const file of ['cop.config.yaml', 'people.yaml', 'cops/aws/charter.yaml', 'cops/aws/meetings/2026-10-14.yaml', ...files]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), 'x: 1\n');
  }
  return root;
}
/** The unknown files found, as "file: the hint" (the sentence between the first and the last). */
const unknownFiles = (files: readonly string[], ignore: readonly string[] = []) =>
  discoverDataFiles(rootWith(files), { ignore })
    .diagnostics.filter((d) => d.ruleId === UNKNOWN_FILE)
    .map((d) => `${d.file}: ${d.message.replace(/^cop does not read this file, so it is in no check and no report\. /, '').replace(/ To keep it here, add a glob for it to `ignore:` in cop\.config\.yaml\.$/, '')}`);

describe('unknown files under cops/', () => {
  const LAYOUT = "A CoP's folder holds `charter.yaml`, `README.md`, `meetings/`, `outputs/`, `reviews/`.";
  // [what, the extra files, the findings]
  const cases: [string, string[], string[]][] = [
    ["cop's own files, generated READMEs and hidden files", ['cops/README.md', 'cops/aws/README.md', 'cops/.gitkeep', 'cops/aws/meetings/.gitkeep', 'cops/aws/.DS_Store', 'cops/.new.123.tmp/charter.yaml', 'cops/aws/meetings/2026-11-12-2.yaml'], []],
    // Another cop run editing the charter or a meeting log meanwhile holds a lock beside it.
    ["another cop run's locks", [lockPath('cops/aws/charter.yaml'), lockPath('cops/aws/meetings/2026-10-14.yaml')], []],
    ['a meeting log saved as .yml', ['cops/aws/meetings/2026-11-12.yml'], ['cops/aws/meetings/2026-11-12.yml: Meeting logs end in .yaml: rename it to `2026-11-12.yaml`.']],
    ['a meeting log in meeting/ (each file, so each is flagged when named)', ['cops/aws/meeting/2026-11-12.yaml', 'cops/aws/meeting/2026-11-13.yaml'], [
      `cops/aws/meeting/2026-11-12.yaml: Did you mean \`meetings/\`? ${LAYOUT}`,
      `cops/aws/meeting/2026-11-13.yaml: Did you mean \`meetings/\`? ${LAYOUT}`,
    ]],
    ['a charter named charter.yml', ['cops/aws/charter.yml'], ['cops/aws/charter.yml: Rename it to `charter.yaml`.']],
    ['a meeting log beside the charter', ['cops/aws/2026-11-12.yaml'], ['cops/aws/2026-11-12.yaml: A meeting log goes in meetings/: move it to `meetings/2026-11-12.yaml`.']],
    ['a misspelt charter', ['cops/aws/charter.yaml.bak', 'cops/aws/Charter.yaml'], [
      `cops/aws/Charter.yaml: Did you mean \`charter.yaml\`? ${LAYOUT}`,
      `cops/aws/charter.yaml.bak: Did you mean \`charter.yaml\`? ${LAYOUT}`,
    ]],
    ['outputs are read, not flagged', ['cops/aws/outputs/2026-11-12-lambda-cold-starts.yaml'], []],
    ['an output saved as .yml', ['cops/aws/outputs/2026-11-12-talk.yml'], ['cops/aws/outputs/2026-11-12-talk.yml: Outputs end in .yaml: rename it to `2026-11-12-talk.yaml`.']],
    ['a folder inside outputs/', ['cops/aws/outputs/2025/2025-01-01-talk.yaml'], ['cops/aws/outputs/2025/2025-01-01-talk.yaml: outputs/ holds outputs, not folders: move them up into it, named YYYY-MM-DD-<slug>.yaml.']],
    ['a folder inside meetings/', ['cops/aws/meetings/2025/2025-01-01.yaml'], ['cops/aws/meetings/2025/2025-01-01.yaml: meetings/ holds meeting logs, not folders: move the logs up into it, named YYYY-MM-DD.yaml.']],
    ['files directly in cops/', ['cops/charter.yaml', 'cops/notes.txt'], [
      'cops/charter.yaml: A CoP\'s charter.yaml goes in its own folder: cops/<id>/charter.yaml.',
      'cops/notes.txt: cops/ holds a folder per CoP and `README.md`.',
    ]],
    ['files outside cops/ are not its business', ['docs/notes.md', 'README.md', 'package.json'], []],
  ];
  for (const [what, files, expected] of cases) {
    it(what, () => expect(unknownFiles(files)).toEqual(expected));
  }

  it('ignore: globs relative to the data root keep notes and images', () => {
    const files = ['cops/aws/notes/agenda.md', 'cops/aws/notes/2026/plan.md', 'cops/aws/slides/deck.png', 'cops/aws/meetings/photo.png', 'cops/aws/meetings/2026-11-12.yml'];
    expect(unknownFiles(files, ['cops/*/notes/**', '**/*.png'])).toEqual(['cops/aws/meetings/2026-11-12.yml: Meeting logs end in .yaml: rename it to `2026-11-12.yaml`.']);
  });

  it('without ignore patterns (a listing for cop diff) nothing is flagged', () => {
    expect(discoverDataFiles(rootWith(['cops/aws/meetings/2026-11-12.yml'])).diagnostics).toEqual([]);
  });
});

describe('ignoreMatcher: the globs of `ignore:`', () => {
  const cases: [string, string, boolean][] = [
    ['cops/*/notes/**', 'cops/aws/notes/a.md', true],
    ['cops/*/notes/**', 'cops/aws/notes/x/y/a.md', true],
    ['cops/*/notes/**', 'cops/aws/meetings/notes/a.md', false],
    ['**/*.png', 'cops/a.png', true],
    ['**/*.png', 'cops/aws/meetings/x.png', true],
    ['**/*.png', 'cops/aws/x.png.yaml', false],
    ['cops/aws/*.md', 'cops/aws/x.md', true],
    ['cops/aws/*.md', 'cops/aws/sub/x.md', false],
    ['cops/aws/?.md', 'cops/aws/a.md', true],
    ['./cops/aws/a+b.md', 'cops/aws/a+b.md', true],
    ['cops/aws/a.md', 'cops/aws/aXmd', false],
  ];
  for (const [glob, path, matches] of cases) {
    it(`${glob} ${matches ? 'matches' : 'does not match'} ${path}`, () => expect(ignoreMatcher([glob])(path)).toBe(matches));
  }
});

describe('cop check and an unknown file', () => {
  it('is an error, also when the file is named on the command line; an ignore pattern in cop.config.yaml clears it', async () => {
    const root = copyOrganisation();
    const file = 'cops/aws/meetings/2026-11-12.yml';
    writeFileSync(join(root, file), 'date: 2026-11-12\ntitle: Lambda\n');
    for (const args of [['check'], ['check', file]]) {
      const check = await runInProcess([...args, '--as-of', AS_OF, '--format', 'json'], root);
      expect(check.status, args.join(' ')).toBe(1);
      expect(JSON.parse(check.stdout).diagnostics.map((d: { file: string; ruleId: string }) => `${d.file} ${d.ruleId}`)).toEqual([`${file} unknown-file`]);
    }
    const config = join(root, 'cop.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}ignore:\n  - "cops/*/meetings/*.yml"\n`);
    expect((await runInProcess(['check', '--as-of', AS_OF], root)).status).toBe(0);
  });
});
