import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { charter, meeting, people } from '../helpers/workspace.js';
import { REPO_ROOT, runCli, writeRoot } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2026-11-20'];

/** A root with one finding of each kind a user can cause by hand. */
function brokenRoot(): string {
  const root = writeRoot({ people: people(), cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14', { recording: undefined })] } } });
  const meetings = join(root, 'cops', 'aws', 'meetings');
  writeFileSync(join(meetings, '2026-10-01.yaml'), 'date: 2026-10-01\ntitle: [unclosed\n');
  writeFileSync(join(meetings, '2026-10-02.yaml'), 'This is a note, not a meeting log.\n');
  writeFileSync(join(meetings, '2026-10-03.yaml'), '');
  writeFileSync(
    join(meetings, '2026-10-04.yaml'),
    'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
  );
  return root;
}

describe('cop check on the bundled example organisation', () => {
  it('finds no problems and exits 0', () => {
    const result = runCli(['check', ...AS_OF]);
    expect(result.stdout).toMatch(/^✔ No problems in \d+ files\.\n$/);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('finds the data root from a subfolder', () => {
    const result = runCli(['check', ...AS_OF], { cwd: join(REPO_ROOT, 'cops', 'aws', 'meetings') });
    expect(result.status).toBe(0);
  });
});

describe('cop check on broken files', () => {
  let root: string;
  beforeAll(() => {
    root = brokenRoot();
  });

  it('reports a malformed file, a non-YAML file, an empty file and a billion-laughs file with file and line, exit 1, no stack trace', () => {
    const result = runCli(['check', '--root', root, ...AS_OF, '--format', 'json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { diagnostics: { file: string; line: number; ruleId: string; severity: string }[] };
    const byFile = (name: string) => report.diagnostics.filter((d) => d.file === `cops/aws/meetings/${name}`);
    expect(byFile('2026-10-01.yaml')).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', severity: 'error', line: expect.any(Number) })]);
    expect(byFile('2026-10-02.yaml')).toEqual([expect.objectContaining({ ruleId: 'schema', line: 1 })]);
    expect(byFile('2026-10-03.yaml')).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 1 })]);
    expect(byFile('2026-10-04.yaml')).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 1 })]);
    expect(byFile('2026-10-14.yaml')).toEqual([expect.objectContaining({ ruleId: 'meeting-recording', severity: 'warning' })]);
  });

  it('prints stylish output grouped by file with a summary', () => {
    const result = runCli(['check', '--root', root, ...AS_OF]);
    expect(result.stdout).toMatch(/cops\/aws\/meetings\/2026-10-03\.yaml\n\s+1:1\s+error\s+The file is empty\.\s+yaml-syntax/);
    expect(result.stdout).toMatch(/✖ 5 problems \(4 errors, 1 warning\)/);
  });

  it('prints GitHub annotations with file, line and col', () => {
    const result = runCli(['check', '--root', root, ...AS_OF, '--format', 'github']);
    expect(result.stdout).toMatch(/^::error file=cops\/aws\/meetings\/2026-10-03\.yaml,line=1,col=1,.*title=yaml-syntax::The file is empty\.$/m);
    expect(result.stdout).toMatch(/^::warning file=cops\/aws\/meetings\/2026-10-14\.yaml,line=\d+,col=\d+/m);
  });

  it('prints SARIF and JUnit that name every finding', () => {
    const sarif = JSON.parse(runCli(['check', '--root', root, ...AS_OF, '--format', 'sarif']).stdout) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results).toHaveLength(5);
    const junit = runCli(['check', '--root', root, ...AS_OF, '--format', 'junit']).stdout;
    expect(junit).toMatch(/<testsuites[^>]*failures="5"/);
  });

  it('limits findings to the given paths and what they affect (here: their CoP folder, as --changed-since does)', () => {
    const result = runCli(['check', '--root', root, ...AS_OF, '--format', 'json', 'cops/aws/meetings/2026-10-03.yaml']);
    const report = JSON.parse(result.stdout) as { diagnostics: { file: string }[] };
    const files = new Set(report.diagnostics.map((d) => d.file));
    expect(files).toContain('cops/aws/meetings/2026-10-03.yaml');
    expect([...files].filter((f) => !f.startsWith('cops/aws/'))).toEqual([]);
    expect(result.status).toBe(1);
  });
});

describe('cop check exit codes and options', () => {
  const warningOnly = () => writeRoot({ people: people(), cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14', { recording: undefined })] } } });

  it('exits 0 on warnings alone, and 1 when they exceed --max-warnings', () => {
    const root = warningOnly();
    expect(runCli(['check', '--root', root, ...AS_OF]).status).toBe(0);
    expect(runCli(['check', '--root', root, ...AS_OF, '--max-warnings', '1']).status).toBe(0);
    const over = runCli(['check', '--root', root, ...AS_OF, '--max-warnings', '0']);
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/cop: 1 warning, more than --max-warnings 0 allows: exit 1\./);
  });

  it('applies severities from cop.config.yaml', () => {
    const root = writeRoot({
      config: { rules: { 'meeting-recording': 'error' } },
      people: people(),
      cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14', { recording: undefined })] } },
    });
    const result = runCli(['check', '--root', root, ...AS_OF]);
    expect(result.stdout).toMatch(/error\s+No `recording` link/);
    expect(result.status).toBe(1);
  });

  it('treats an unknown rule id or a bad severity as a configuration error: exit 2 with file and line', () => {
    const root = warningOnly();
    writeFileSync(join(root, 'cop.config.yaml'), 'rules:\n  meeting-recordings: warn\n');
    const unknown = runCli(['check', '--root', root, ...AS_OF]);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toMatch(/cop\.config\.yaml\n\s+2:3\s+error\s+Unknown rule `meeting-recordings`\. Did you mean meeting-recording\?/);
    writeFileSync(join(root, 'cop.config.yaml'), 'rules:\n  meeting-recording: loud\n');
    const badSeverity = runCli(['check', '--root', root, ...AS_OF]);
    expect(badSeverity.status).toBe(2);
    expect(badSeverity.stdout).toMatch(/2:22\s+error\s+`rules\.meeting-recording` must be one of: off, warn, error \(found "loud"\)/);
  });

  it('reports usage errors with exit 2 and no stack trace', () => {
    for (const args of [['chek'], ['check', '--format', 'xml'], ['check', '--as-of', '2026-02-30'], ['check', '--root', '/no/such/folder'], ['check', 'no-such-path']]) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
      expect(result.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('says so when there is no data root', () => {
    const result = runCli(['check'], { cwd: '/' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/No CoP data root found/);
    expect(result.stderr).toContain("`cop init` to make this folder one");
  });

  it('refuses a --root that is not a data root', () => {
    const result = runCli(['check', '--root', '/etc']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--root \/etc: not a CoP data root/);
  });

  it('colours only when asked by FORCE_COLOR, and NO_COLOR or --no-color wins', () => {
    const root = warningOnly();
    const ESC = '\u001b[';
    expect(runCli(['check', '--root', root, ...AS_OF]).stdout).not.toContain(ESC);
    expect(runCli(['check', '--root', root, ...AS_OF], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(runCli(['check', '--root', root, ...AS_OF], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(runCli(['check', '--root', root, ...AS_OF, '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
  });
});

describe('cop --version and --help', () => {
  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = runCli(['--version']);
    expect(result.stdout.trim()).toBe(version);
    expect(result.status).toBe(0);
  });

  it('lists the commands with examples', () => {
    const result = runCli(['check', '--help']);
    expect(result.stdout).toMatch(/Examples:/);
    expect(result.status).toBe(0);
  });
});
