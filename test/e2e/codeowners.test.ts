import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEGIN_MARKER, END_MARKER } from '../../src/codeowners/codeowners.js';
import type { Charter, Person } from '../../src/model/schema-types.js';
import { runCli } from '../helpers/cli.js';
import { gitRepo } from '../helpers/git.js';
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
});
