import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeRoot } from '../helpers/cli.js';
import { gitRepo } from '../helpers/git.js';
import { charter, meeting, people } from '../helpers/workspace.js';

// One finding in a meeting (an unknown attendee) and one in CODEOWNERS (no generated block).
// A 12-month inactivity window (longer than the CoP's life) keeps member-inactive out of the findings.
const spec = () => ({ people: people(5), config: { cto: 'p1', policy: { inactive_months: 12 } }, cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14', { attendees: ['p1', 'ghost'] })] } } });
const check = (cwd: string, format: string) => runCli(['check', '--as-of', '2026-11-20', '--format', format], { cwd });

function subfolderRepo() {
  const repo = gitRepo(spec(), 'governance');
  mkdirSync(join(repo.dir, '.github'));
  writeFileSync(join(repo.dir, '.github/CODEOWNERS'), '* @everyone\n');
  return repo;
}

describe('a data root in a subfolder of the git repository: files named from the repository root', () => {
  it('github annotations', () => {
    const result = check(subfolderRepo().root, 'github');
    expect(result.stdout).toMatch(/^::error file=governance\/cops\/aws\/meetings\/2026-10-14\.yaml,line=\d+,/m);
    expect(result.stdout).toMatch(/^::error file=\.github\/CODEOWNERS,line=1,/m);
    expect(result.stdout).not.toMatch(/file=cops\//);
  });

  it('SARIF: artifact URIs relative to the repository root', () => {
    const repo = subfolderRepo();
    const log = JSON.parse(check(repo.root, 'sarif').stdout);
    const run = log.runs[0];
    expect(run.originalUriBaseIds.ROOT.uri).toMatch(new RegExp(`${repo.dir.split('/').pop()}/$`));
    const uris = run.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('governance/cops/aws/meetings/2026-10-14.yaml');
    expect(uris).toContain('.github/CODEOWNERS');
  });

  it('JUnit and JSON', () => {
    const repo = subfolderRepo();
    expect(check(repo.root, 'junit').stdout).toContain('governance/cops/aws/meetings/2026-10-14.yaml');
    const files = JSON.parse(check(repo.root, 'json').stdout).diagnostics.map((d: { file: string }) => d.file);
    expect(files.sort()).toEqual(['.github/CODEOWNERS', 'governance/cops/aws/meetings/2026-10-14.yaml']);
  });

  it('stylish, for people at the terminal, stays relative to the data root', () => {
    expect(check(subfolderRepo().root, 'stylish').stdout).toMatch(/^cops\/aws\/meetings\/2026-10-14\.yaml$/m);
  });

  it('without a git repository, paths are from the data root', () => {
    const root = writeRoot(spec());
    expect(check(root, 'github').stdout).toMatch(/^::error file=cops\/aws\/meetings\/2026-10-14\.yaml,/m);
  });
});
