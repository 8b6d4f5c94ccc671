/**
 * Generated files fix themselves (issue #23 rows 0, 1, 7): in an organisation that generates
 * CODEOWNERS and READMEs, `cop new` and the commands that write data update them in the same
 * step; a `--write` never stops for drift in a generated file; `cop new --git` commits all the
 * proposal needs, and the branch passes `cop check` on a clean checkout.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const asOf = ['--as-of', AS_OF];
const NEW_COP = ['--yes', '--name', 'Kotlin', '--subject', 'Kotlin on the server', '--in', 'Kotlin services', '--rationale', 'Several teams moved to Kotlin.', '--sponsor', 'stacy.leblanc', '--coordinator', 'lucy.chen', '--members', 'lucy.chen,priya.raman,marcus.webb,helen.okafor,tom.fairclough', '--goal', 'educate:practitioners:Learn Kotlin together.'];

/** The bundled organisation with CODEOWNERS and READMEs generated; `git`: a committed repository. */
async function generatedOrganisation(git = false): Promise<string> {
  const root = copyOrganisation();
  if (git) gitIn(root, 'init', '--quiet', '--initial-branch=main');
  for (const args of [['codeowners', '--write'], ['readme', '--write']]) expect((await runInProcess([...args, ...asOf], root)).status).toBe(0);
  if (git) {
    gitIn(root, 'add', '--all');
    gitIn(root, 'commit', '--quiet', '-m', 'the organisation');
  }
  return root;
}

const gitIn = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const clean = async (root: string) => {
  const result = await runInProcess(['check', '--format', 'json', ...asOf], root);
  return (JSON.parse(result.stdout) as { diagnostics: { file: string; ruleId: string; message: string }[] }).diagnostics;
};

/** The rows of the index README's table, parsed back as GitHub-flavoured Markdown. */
function indexRows(root: string): string[] {
  const tree = fromMarkdown(readFileSync(join(root, 'cops', 'README.md'), 'utf8'), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const table = tree.children.find((node) => node.type === 'table');
  if (table?.type !== 'table') throw new Error('no table in cops/README.md');
  const text = (node: unknown): string => {
    const n = node as { value?: string; children?: unknown[] };
    return n.value ?? (n.children ?? []).map(text).join('');
  };
  return table.children.slice(1).map((row) => text(row.children[0]));
}

describe('generated files follow the data', () => {
  it('cop new writes the new CoP\'s README, the index and CODEOWNERS in the same step, and says so', async () => {
    const root = await generatedOrganisation();
    const created = await runInProcess(['new', 'kotlin-multiplatform', ...NEW_COP, ...asOf], root);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('Updated .github/CODEOWNERS, cops/README.md, cops/kotlin-multiplatform/README.md (generated from the data).');
    expect(existsSync(join(root, 'cops', 'kotlin-multiplatform', 'README.md'))).toBe(true);
    expect(indexRows(root)).toContain('Kotlin');
    expect(readFileSync(join(root, '.github', 'CODEOWNERS'), 'utf8')).toMatch(/^\/cops\/kotlin-multiplatform\/charter\.yaml +@stacyleblanc$/m);
    expect(await clean(root)).toEqual([]);
    const json = await runInProcess(['new', 'go', ...NEW_COP, '--name', 'Go', '--format', 'json', ...asOf], root);
    expect((JSON.parse(json.stdout) as { written: string[] }).written).toEqual(['cops/go/charter.yaml', 'cops/go/meetings/.gitkeep', 'cops/go/outputs/.gitkeep', 'cops/go/reviews/.gitkeep', '.github/CODEOWNERS', 'cops/README.md', 'cops/go/README.md']);
  });

  it('an organisation without generated files gets none from cop new', async () => {
    const root = copyOrganisation();
    const created = await runInProcess(['new', 'kotlin', ...NEW_COP, ...asOf], root);
    expect(created.status).toBe(0);
    expect(created.stdout).not.toContain('Updated');
    expect(existsSync(join(root, 'cops', 'README.md'))).toBe(false);
    expect(existsSync(join(root, '.github', 'CODEOWNERS'))).toBe(false);
  });

  it('activate and dissolve update the READMEs their change makes stale, and say so', async () => {
    const root = await generatedOrganisation();
    expect((await runInProcess(['new', 'kotlin', ...NEW_COP, ...asOf], root)).status).toBe(0);
    const activated = await runInProcess(['activate', 'kotlin', ...asOf], root);
    expect(activated.status).toBe(0);
    expect(activated.stderr).toContain('Updated cops/README.md, cops/kotlin/README.md');
    expect(indexRows(root).length).toBe(8);
    const dissolved = await runInProcess(['dissolve', 'kotlin', '--reason', 'not-strategic', '--decided-by', 'priya.raman', ...asOf], root);
    expect(dissolved.status).toBe(0);
    expect(dissolved.stderr).toMatch(/Updated .*cops\/kotlin\/README\.md/);
    expect(await clean(root)).toEqual([]);
  });

  it('a --write never stops for drift in a generated file, its own or another\'s', async () => {
    // A sponsor change leaves both CODEOWNERS and the READMEs behind.
    for (const order of [['codeowners', 'readme'], ['readme', 'codeowners']]) {
      const root = await generatedOrganisation();
      const charter = join(root, 'cops', 'aws', 'charter.yaml');
      writeFileSync(charter, readFileSync(charter, 'utf8').replace(/^sponsor: .*$/m, 'sponsor: marcus.webb'));
      const drift = await clean(root);
      expect(drift.map((d) => d.ruleId)).toEqual(['codeowners-current', 'readme-current']);
      expect(drift[0]!.message).toContain('run `cop codeowners --write` (or `cop check --fix`, which updates every generated file)');
      expect(drift[1]!.message).toContain('run `cop readme --write` (or `cop check --fix`, which updates every generated file)');
      for (const command of order) {
        const written = await runInProcess([command, '--write', ...asOf], root);
        expect(written.stderr).toBe('');
        expect(written.status).toBe(0);
      }
      expect(await clean(root)).toEqual([]);
    }
  });
});

describe('cop new --git', () => {
  it('commits the charter, the people it added, CODEOWNERS and the READMEs: a clean clone of the branch passes cop check', async () => {
    const root = await generatedOrganisation(true);
    const answers = join(root, '..', `answers-${Date.now()}.yaml`);
    writeFileSync(answers, 'new_people:\n  - { id: noor.haddad, name: Noor Haddad, github: noor-haddad }\n');
    const created = await runInProcess(['new', 'kotlin', ...NEW_COP, '--members', 'lucy.chen,priya.raman,marcus.webb,helen.okafor,noor.haddad', '--from', answers, '--git', ...asOf], root);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(gitIn(root, 'status', '--porcelain')).toBe('');
    const committed = gitIn(root, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();
    expect(committed).toEqual(['.github/CODEOWNERS', 'cops/README.md', 'cops/kotlin/README.md', 'cops/kotlin/charter.yaml', 'cops/kotlin/meetings/.gitkeep', 'cops/kotlin/outputs/.gitkeep', 'cops/kotlin/reviews/.gitkeep', 'people.yaml']);

    const clone = mkdtempSync(join(tmpdir(), 'cop-clone-'));
    execFileSync('git', ['clone', '--quiet', '--branch', 'cop/kotlin', root, clone]);
    const check = await runInProcess(['check', ...asOf], clone);
    expect(check.stdout).toMatch(/No problems/);
    expect(check.status).toBe(0);
  });

  it('refuses, naming them, when files the commit must hold have unrelated uncommitted changes; nothing is written', async () => {
    const root = await generatedOrganisation(true);
    const readme = join(root, 'cops', 'README.md');
    writeFileSync(readme, `${readFileSync(readme, 'utf8')}\nA note of ours, not yet committed.\n`);
    const refused = await runInProcess(['new', 'kotlin', ...NEW_COP, '--git', ...asOf], root);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--git: cops/README.md has uncommitted changes');
    expect(existsSync(join(root, 'cops', 'kotlin'))).toBe(false);
    expect(gitIn(root, 'branch', '--list', 'cop/kotlin')).toBe('');
    // The same without --git writes, keeping the note outside the generated block.
    expect((await runInProcess(['new', 'kotlin', ...NEW_COP, ...asOf], root)).status).toBe(0);
    expect(readFileSync(readme, 'utf8')).toContain('A note of ours, not yet committed.');
  });
});

describe('writeGeneratedEdits', () => {
  it('a failure part-way says what was written, what was not, and how to finish', async () => {
    const { writeGeneratedEdits } = await import('../../src/commands/scaffold-shell.js');
    const root = mkdtempSync(join(tmpdir(), 'cop-generated-'));
    writeFileSync(join(root, 'README.md'), 'changed meanwhile\n');
    const edits = [
      { file: 'NEW.md', before: undefined, after: 'new\n' },
      { file: 'README.md', before: 'as read\n', after: 'regenerated\n' },
      { file: 'OTHER.md', before: undefined, after: 'other\n' },
    ];
    expect(() => writeGeneratedEdits(root, edits, ['cops/x/charter.yaml'])).toThrow(
      /README\.md was changed by someone else while cop ran\. Written: cops\/x\/charter\.yaml, NEW\.md; not written: README\.md, OTHER\.md\. Run `cop check --fix` to update them\.$/,
    );
    expect(readFileSync(join(root, 'NEW.md'), 'utf8')).toBe('new\n');
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('changed meanwhile\n');
    expect(existsSync(join(root, 'OTHER.md'))).toBe(false);
  });
});
