/** `cop check --fix` and `--fix-dry-run` on a copy of the bundled organisation. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const MEETING = 'cops/aws/meetings/2026-03-26.yaml';
const MISNAMED = 'cops/aws/meetings/2026-03-25.yaml';
const CHARTER = 'cops/mobile/charter.yaml';

/** Three findings with one right answer each: a stale CODEOWNERS, a misnamed meeting log, a charter id unlike its folder. */
function brokenCopy(): { root: string; codeowners: string; stale: string; charter: string } {
  const root = copyOrganisation();
  const cli = (...args: string[]) => runCli([...args, '--root', root, '--as-of', AS_OF]);
  mkdirSync(join(root, '.github'));
  expect(cli('codeowners', '--write').status).toBe(0);
  const codeowners = join(root, '.github/CODEOWNERS');
  const current = readFileSync(codeowners, 'utf8');
  const stale = `# team rules above the block are kept\n${current.replace(/^(\/cops\/aws\/charter\.yaml\s+)\S+/m, '$1@someone-else')}`;
  expect(stale).not.toBe(`# team rules above the block are kept\n${current}`);
  writeFileSync(codeowners, stale);
  renameSync(join(root, MEETING), join(root, MISNAMED));
  const charter = readFileSync(join(root, CHARTER), 'utf8');
  writeFileSync(join(root, CHARTER), charter.replace(/^id: mobile$/m, 'id: mobile-dev # kept comment'));
  return { root, codeowners, stale, charter };
}

describe('cop check --fix', () => {
  it('--fix-dry-run prints the unified diff and the rename, and writes nothing', () => {
    const { root, codeowners, stale } = brokenCopy();
    const result = runCli(['check', '--fix-dry-run', '--root', root, '--as-of', AS_OF]);
    expect(result.stdout).toContain(`diff --git a/${MISNAMED} b/${MEETING}\nrename from ${MISNAMED}\nrename to ${MEETING}\n`);
    expect(result.stdout).toMatch(/^--- a\/\.github\/CODEOWNERS\n\+\+\+ b\/\.github\/CODEOWNERS\n@@ .* @@\n/m);
    expect(result.stdout).toMatch(/^-\/cops\/aws\/charter\.yaml +@someone-else$/m);
    expect(result.stdout).toMatch(/^\+\/cops\/aws\/charter\.yaml +@\S+$/m);
    expect(result.stdout).toMatch(/^-id: mobile-dev # kept comment\n\+id: mobile # kept comment$/m);
    expect(result.stderr).toContain('3 fixes (dry run: nothing written).');
    // The findings follow, unfixed: nothing was written.
    expect(result.stdout).toMatch(/meeting-file-name/);
    expect(result.status).toBe(1);
    expect(readFileSync(codeowners, 'utf8')).toBe(stale);
    expect(existsSync(join(root, MISNAMED))).toBe(true);
    expect(existsSync(join(root, MEETING))).toBe(false);
  });

  it('--fix repairs a stale CODEOWNERS, a wrong meeting file name and the charter id, keeping comments and other lines', () => {
    const { root, codeowners, charter } = brokenCopy();
    const result = runCli(['check', '--fix', '--root', root, '--as-of', AS_OF]);
    expect(result.stdout).toMatch(/^✔ No problems in \d+ files\.\n$/);
    expect(result.stderr).toMatch(/^Fixed /);
    expect(result.status).toBe(0);
    expect(readFileSync(codeowners, 'utf8')).toMatch(/^# team rules above the block are kept\n# BEGIN cop codeowners/);
    expect(existsSync(join(root, MEETING))).toBe(true);
    expect(existsSync(join(root, MISNAMED))).toBe(false);
    expect(readFileSync(join(root, CHARTER), 'utf8')).toBe(charter.replace(/^id: mobile$/m, 'id: mobile # kept comment'));
  });

  it('never renames over an existing log, and never touches a file that does not parse', () => {
    const root = copyOrganisation();
    // A log named for the wrong day whose right name is taken: it becomes the day's second meeting.
    const original = readFileSync(join(root, MEETING), 'utf8');
    writeFileSync(join(root, 'cops/aws/meetings/2026-03-27.yaml'), original);
    // A broken file with a wrong name is a yaml-syntax finding only: left as it is.
    const broken = 'date: 2026-03-26\ntitle: [unclosed\n';
    writeFileSync(join(root, 'cops/aws/meetings/2026-03-28.yaml'), broken);
    const result = runCli(['check', '--fix', '--root', root, '--as-of', AS_OF]);
    expect(result.stderr).toContain('cops/aws/meetings/2026-03-27.yaml → cops/aws/meetings/2026-03-26-2.yaml');
    expect(readFileSync(join(root, MEETING), 'utf8')).toBe(original);
    expect(readFileSync(join(root, 'cops/aws/meetings/2026-03-26-2.yaml'), 'utf8')).toBe(original);
    expect(readFileSync(join(root, 'cops/aws/meetings/2026-03-28.yaml'), 'utf8')).toBe(broken);
    expect(result.stdout).toMatch(/yaml-syntax/);
    expect(result.status).toBe(1);
  });
});

describe('cop check --fix and the schema comment', () => {
  it('adds a missing `$schema` comment and corrects a wrong one; --fix-dry-run shows both first', () => {
    const root = copyOrganisation();
    const meeting = readFileSync(join(root, MEETING), 'utf8');
    const bare = meeting.replace(/^# yaml-language-server: .*\n/, '');
    expect(bare).not.toBe(meeting);
    writeFileSync(join(root, MEETING), bare);
    const charter = readFileSync(join(root, CHARTER), 'utf8');
    writeFileSync(join(root, CHARTER), charter.replace('charter.schema.json', 'meeting.schema.json'));

    // The copy has no schemas/ folder of its own, so the comment names the published schemas.
    const url = (kind: string) => `# yaml-language-server: $schema=https://unpkg.com/cops-as-code/schemas/${kind}.schema.json`;
    const dry = runCli(['check', '--fix-dry-run', '--root', root, '--as-of', AS_OF]);
    expect(dry.stdout).toContain(`--- a/${MEETING}\n+++ b/${MEETING}\n@@ -1,3 +1,4 @@\n+${url('meeting')}\n date: 2026-03-26\n`);
    expect(dry.stdout).toContain(`\n-# yaml-language-server: $schema=../../schemas/meeting.schema.json\n+${url('charter')}\n`);
    expect(dry.stdout).toMatch(/warning +No `# yaml-language-server: \$schema=…` comment opens the file.* +schema-modeline/);
    expect(dry.stderr).toContain('2 fixes (dry run: nothing written).');
    expect(readFileSync(join(root, MEETING), 'utf8')).toBe(bare);

    const fixed = runCli(['check', '--fix', '--root', root, '--as-of', AS_OF]);
    expect(fixed.stdout).toMatch(/^✔ No problems in \d+ files\.\n$/);
    expect(readFileSync(join(root, MEETING), 'utf8')).toBe(`${url('meeting')}\n${bare}`);
    // Only the comment's line changed: every other comment and line of the charter is as it was.
    expect(readFileSync(join(root, CHARTER), 'utf8')).toBe(charter.replace(/^# yaml-language-server: .*$/m, url('charter')));
  });
});
