import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEGIN_MARKER, END_MARKER } from '../../src/codeowners/codeowners.js';
import type { Charter, Person } from '../../src/model/schema-types.js';
import { runCli } from '../helpers/cli.js';
import { gitRepo } from '../helpers/git.js';
import { runInProcess } from '../helpers/in-process.js';
import { charter, people, person } from '../helpers/workspace.js';

const AS_OF = ['--as-of', '2026-11-20'];
const org = (aws: Charter = charter('aws'), everyone: Person[] = [...people(5), person('cto.one')]) => ({
  people: everyone,
  config: { cto: 'cto.one' },
  cops: { aws: { charter: aws }, web: { charter: charter('web', { sponsor: 'p4', coordinator: { terms: [{ person: 'p5', from: '2026-01-01' }] } }) } },
});
// person(id).github is the id with dots replaced: cto.one → @cto-one, p1 → @p1.
// Paths are padded to the longest, /cops/aws/charter.yaml (22 characters), then a space.
const row = (path: string, owners: string) => `${path.padEnd(22)} ${owners}`;
const GENERATED = [
  BEGIN_MARKER,
  row('/cop.config.yaml', '@cto-one'),
  row('/people.yaml', '@cto-one'),
  row('/.github/CODEOWNERS', '@cto-one'),
  row('/.github/workflows/', '@cto-one'),
  row('/cops/', '@cto-one'),
  row('/cops/aws/charter.yaml', '@p1'),
  row('/cops/aws/meetings/', '@p2 @p1'),
  row('/cops/web/charter.yaml', '@p4'),
  row('/cops/web/meetings/', '@p5 @p4'),
  END_MARKER,
];

describe('cop codeowners', () => {
  it('writes the block after hand-written lines, checks it, and keeps the hand-written lines on rewrite', () => {
    const repo = gitRepo(org());
    const file = join(repo.root, '.github', 'CODEOWNERS');
    mkdirSync(join(repo.root, '.github'));
    writeFileSync(file, '# Docs are owned by the docs team.\n*.md @docs-team\n');

    const before = runCli(['codeowners', '--check', ...AS_OF], { cwd: repo.root });
    expect(before.stdout).toMatch(/^\.github\/CODEOWNERS has no generated block/);
    expect(before.status).toBe(1);

    const written = runCli(['codeowners', '--write', ...AS_OF], { cwd: repo.root });
    expect(written.stdout).toBe('Wrote .github/CODEOWNERS (9 generated lines).\n');
    expect(written.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(['# Docs are owned by the docs team.', '*.md @docs-team', '', ...GENERATED, ''].join('\n'));

    const current = runCli(['codeowners', '--check', ...AS_OF], { cwd: repo.root });
    expect(current.stdout).toBe('.github/CODEOWNERS is up to date.\n');
    expect(current.status).toBe(0);
    expect(runCli(['check', ...AS_OF], { cwd: repo.root }).status).toBe(0);

    // The sponsor of aws changes. File lines: 1-3 hand-written and blank, 4 BEGIN, 5-9 the approvers' lines,
    // 10-11 aws (stale), 12 where the new aws lines go (before web's).
    repo.write(org(charter('aws', { sponsor: 'p3' })));
    const stale = runCli(['codeowners', '--check', ...AS_OF], { cwd: repo.root });
    expect(stale.stdout.split('\n').slice(1, -1)).toEqual([
      `- ${row('/cops/aws/charter.yaml', '@p1')}    (line 10)`,
      `- ${row('/cops/aws/meetings/', '@p2 @p1')}    (line 11)`,
      `+ ${row('/cops/aws/charter.yaml', '@p3')}    (line 12)`,
      `+ ${row('/cops/aws/meetings/', '@p2 @p3')}    (line 12)`,
    ]);
    expect(stale.status).toBe(1);
    const lint = runCli(['check', ...AS_OF], { cwd: repo.root });
    expect(lint.stdout).toMatch(/\.github\/CODEOWNERS\n\s+10:1\s+error\s+CODEOWNERS is out of date with the charters and config \(2 lines differ\): run `cop codeowners --write` \(or `cop check --fix`/);
    expect(lint.stdout).toMatch(/^\s+- \/cops\/aws\/charter\.yaml\s+@p1$/m);
    expect(lint.stdout.match(/codeowners-current/g)).toHaveLength(1);
    expect(lint.status).toBe(1);

    expect(runCli(['codeowners', '--write', ...AS_OF], { cwd: repo.root }).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^# Docs are owned by the docs team\.\n\*\.md @docs-team\n\n# BEGIN cop codeowners/);
    expect(readFileSync(file, 'utf8')).toContain(`${row('/cops/aws/charter.yaml', '@p3')}\n`);
    expect(runCli(['codeowners', '--check', ...AS_OF], { cwd: repo.root }).status).toBe(0);
  }, 300_000); // eight runs of the CLI in one story: 200 s at a load average of 40 on the shared machine

  it('names a sponsor without a GitHub handle with file:line:column, and fails the check', () => {
    const repo = gitRepo(org(charter('aws', { sponsor: 'p3' }), [...people(5).map((p) => (p.id === 'p3' ? person('p3', { github: undefined }) : p)), person('cto.one')]));
    const result = runCli(['codeowners', '--check', ...AS_OF], { cwd: repo.root });
    const charterText = readFileSync(join(repo.root, 'cops/aws/charter.yaml'), 'utf8');
    const line = charterText.split('\n').findIndex((l) => l.startsWith('sponsor: p3')) + 1;
    expect(result.stderr).toBe(`cops/aws/charter.yaml:${line}:10: The sponsor \`p3\` has no GitHub handle in people.yaml: CODEOWNERS cannot require their approval.\n`);
    expect(result.status).toBe(1);
  });

  it('puts the file at the repository top level, with the data root as a path prefix; json output', () => {
    const repo = gitRepo(org(), 'org');
    const result = runCli(['codeowners', '--write', '--format', 'json', ...AS_OF], { cwd: repo.root });
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ file: '../.github/CODEOWNERS', prefix: 'org/', state: 'written', problems: [] });
    expect(existsSync(join(repo.dir, '.github', 'CODEOWNERS'))).toBe(true);
    expect(readFileSync(join(repo.dir, '.github', 'CODEOWNERS'), 'utf8')).toContain('/org/cops/aws/charter.yaml @p1\n');
  });

  it('without flags prints the file it would write; both flags is a usage error', () => {
    const repo = gitRepo(org());
    const printed = runCli(['codeowners', ...AS_OF], { cwd: repo.root });
    expect(printed.stdout).toBe(`${GENERATED.join('\n')}\n`);
    expect(existsSync(join(repo.root, '.github'))).toBe(false);
    const both = runCli(['codeowners', '--write', '--check'], { cwd: repo.root });
    expect(both.stderr).toBe('cop: --write and --check cannot be used together.\n');
    expect(both.status).toBe(2);
  });

  describe('a file whose markers are not one block (issue #22 row 3)', () => {
    const setUp = (text: string) => {
      const repo = gitRepo(org());
      mkdirSync(join(repo.root, '.github'));
      const file = join(repo.root, '.github', 'CODEOWNERS');
      writeFileSync(file, text);
      return { repo, file, run: (...args: string[]) => runInProcess([...args, ...AS_OF], repo.root) };
    };

    it('--write keeps a hand-written comment that starts like the begin marker, and every other hand-written line byte for byte', async () => {
      const above = ['# BEGIN cop codeowners is managed by the platform team; ask in #platform', '/infra/ @acme/sre', '/docs/  @acme/docs', ''];
      const below = ['# Overrides after the block win:', '/cops/aws/README.md @acme/docs'];
      const { file, run } = setUp([...above, BEGIN_MARKER, '/cops/old/charter.yaml @old', END_MARKER, ...below, ''].join('\r\n'));
      const written = await run('codeowners', '--write');
      expect(written.stderr).toBe('');
      expect(written.status).toBe(0);
      const lines = readFileSync(file, 'utf8').split('\r\n');
      expect(lines.slice(0, above.length)).toEqual(above);
      expect(lines.slice(above.length, above.length + GENERATED.length)).toEqual(GENERATED);
      expect(lines.slice(above.length + GENERATED.length)).toEqual([...below, '']);
      expect((await run('codeowners', '--check')).status).toBe(0);
    });

    it('two begin markers: --write, --check, check and check --fix refuse with the lines, and the file is untouched', async () => {
      const text = ['/infra/ @acme/sre', BEGIN_MARKER, '/infra/ @mallory', BEGIN_MARKER, ...GENERATED.slice(1), ''].join('\n');
      const { file, run } = setUp(text);
      const message = /A second begin marker \(the first is at line 2\)/;

      const written = await run('codeowners', '--write');
      expect(written.stdout).toBe('.github/CODEOWNERS was not written: its generated block\'s marker lines are broken (see below).\n');
      expect(written.stderr).toMatch(new RegExp(`^\\.github/CODEOWNERS:4:1: ${message.source}`));
      expect(written.status).toBe(1);
      const checked = await run('codeowners', '--check', '--format', 'json');
      expect(JSON.parse(checked.stdout)).toMatchObject({ state: 'malformed', problems: [{ file: '.github/CODEOWNERS', line: 4, column: 1, message: expect.stringMatching(message) }] });
      expect(checked.status).toBe(1);
      const printed = await run('codeowners');
      expect(printed.stdout).toMatch(/was not compared/);
      expect(printed.status).toBe(1);

      const lint = await run('check');
      expect(lint.stdout).toMatch(new RegExp(`\\.github/CODEOWNERS\\n\\s+4:1\\s+error\\s+${message.source}`));
      expect(lint.status).toBe(1);
      const fixed = await run('check', '--fix');
      expect(fixed.status).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe(text);
    });

    it('an end without a begin, and a begin without an end: refused at their lines, the file untouched', async () => {
      for (const [text, line] of [[`/a/ @a\n${END_MARKER}\n`, 2], [`/a/ @a\n\n${BEGIN_MARKER}\n/b/ @b\n`, 3]] as const) {
        const { file, run } = setUp(text);
        const written = await run('codeowners', '--write');
        expect(written.stderr).toMatch(new RegExp(`^\\.github/CODEOWNERS:${line}:1: An? (end|begin) marker without`));
        expect(written.status).toBe(1);
        expect(readFileSync(file, 'utf8')).toBe(text);
      }
    });

    it('a byte order mark is kept and ignored: the block is found, and no second one is added', async () => {
      // The block on the first line, right after the BOM: the old finder did not see it there.
      const { file, run } = setUp(`\uFEFF${BEGIN_MARKER}\n/old/ @old\n${END_MARKER}\n/infra/ @acme/sre\n`);
      expect((await run('codeowners', '--write')).status).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${GENERATED.join('\n')}\n/infra/ @acme/sre\n`);
      expect((await run('codeowners', '--check')).status).toBe(0);
    });
  });
});
