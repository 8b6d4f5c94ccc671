/**
 * A new organisation's first week, end to end, in a real git repository (#23): init, the
 * placeholder replaced, generated files opted into, a CoP proposed with `new --git` and a new
 * person, a meeting logged twice (the second refused), a sponsor change with the two `--write`s in
 * either order, a log saved as `.yml`, and a broken log that the report survives. After each step
 * the exact findings of `cop check`: none unexpected, none repeated. docs/first-week.md tells the
 * same story.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const MEMBERS = ['ada.lovelace', 'alan.turing', 'grace.hopper', 'edsger.dijkstra', 'barbara.liskov'];

describe("a new organisation's first week", () => {
  const repo = mkdtempSync(join(tmpdir(), 'cop-first-week-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@acme.example', ...args], { cwd: repo, encoding: 'utf8' });
  const cop = (asOf: string, ...args: string[]) => runInProcess([...args, '--as-of', asOf], repo);
  /** `cop check`'s findings as `rule file`, sorted: the exact set a step leaves. */
  async function findings(asOf: string): Promise<string[]> {
    const result = await cop(asOf, 'check', '--format', 'json');
    const report = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; file: string }[] };
    return report.diagnostics.map((d) => `${d.ruleId} ${d.file}`).sort();
  }
  const edit = (file: string, change: (text: string) => string) => writeFileSync(join(repo, file), change(readFileSync(join(repo, file), 'utf8')));

  it('goes from init to a report that survives a typo, one finding per cause at every step', async () => {
    git('init', '-q', '-b', 'main');

    // Monday: init. The placeholder CTO is the only finding until it is replaced.
    expect((await runInProcess(['init', '--yes', '--organisation', 'Acme'], repo)).status).toBe(0);
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toContain('node_modules/');
    expect(await findings('2026-11-30')).toEqual(['no-placeholder people.yaml']);
    edit('people.yaml', (t) => t.replace('name: Chief Technology Officer', 'name: Priya Raman').replace('replace-with-cto-handle', 'priya-raman'));
    // The handle changed, so CODEOWNERS is behind: one finding, fixed by its own command.
    expect(await findings('2026-11-30')).toEqual(['codeowners-current .github/CODEOWNERS']);
    expect((await cop('2026-11-30', 'codeowners', '--write')).status).toBe(0);
    expect((await cop('2026-11-30', 'readme', '--write')).status).toBe(0);
    expect(await findings('2026-11-30')).toEqual([]);
    git('add', '-A');
    git('commit', '-q', '-m', 'cop init');

    // Tuesday: a proposal with five new people, on its own branch, with everything it needs.
    writeFileSync(
      join(repo, 'answers.yaml'),
      [
        'id: platform',
        'in: [CI pipelines, Deployment]',
        'rationale: Teams rebuild the same pipelines.',
        'sponsor: cto',
        `members: [${MEMBERS.join(', ')}]`,
        'new_people:',
        ...MEMBERS.map((id) => `  - { id: ${id}, name: ${id}, github: ${id.replace('.', '-')} }`),
        'goals: ["educate:practitioners:Share how we build pipelines."]',
        '',
      ].join('\n'),
    );
    const proposed = await runInProcess(['new', '--from', 'answers.yaml', '--yes', '--git', '--as-of', '2026-12-01'], repo);
    expect(proposed.status, proposed.stderr).toBe(0);
    rmSync(join(repo, 'answers.yaml'));
    expect(git('status', '--porcelain')).toBe('');
    expect(git('rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('cop/platform');
    expect(await findings('2026-12-01')).toEqual([]);

    // Wednesday: the kick-off, logged twice by mistake: the second is refused and nothing is counted twice.
    const log = ['log', 'platform', '--yes', '--date', '2026-12-02', '--title', 'Kick-off', '--attendees', MEMBERS.join(','), '--recording', 'https://video.acme.example/platform/kick-off'];
    expect((await cop('2026-12-02', ...log)).status).toBe(0);
    const again = await cop('2026-12-02', ...log);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('2026-12-02.yaml');
    expect(await findings('2026-12-02')).toEqual([]);

    // Thursday: the sponsor changes; both generated files fall behind, one finding each; either --write goes first.
    edit('cops/platform/charter.yaml', (t) => t.replace(/^sponsor: cto$/m, 'sponsor: ada.lovelace'));
    expect(await findings('2026-12-03')).toEqual(['codeowners-current .github/CODEOWNERS', 'readme-current cops/README.md']);
    expect((await cop('2026-12-03', 'readme', '--write')).status).toBe(0);
    expect(await findings('2026-12-03')).toEqual(['codeowners-current .github/CODEOWNERS']);
    expect((await cop('2026-12-03', 'codeowners', '--write')).status).toBe(0);
    expect(await findings('2026-12-03')).toEqual([]);

    // Friday: a log saved as .yml is flagged, not silently ignored; renamed, it counts.
    const log2 = (await cop('2026-12-04', 'log', 'platform', '--yes', '--date', '2026-12-04', '--title', 'Pipelines', '--attendees', MEMBERS.join(','), '--recording', 'https://video.acme.example/platform/pipelines', '--format', 'json')).stdout;
    expect(log2).toContain('2026-12-04.yaml');
    renameSync(join(repo, 'cops/platform/meetings/2026-12-04.yaml'), join(repo, 'cops/platform/meetings/2026-12-04.yml'));
    expect(await findings('2026-12-04')).toEqual(['unknown-file cops/platform/meetings/2026-12-04.yml']);
    renameSync(join(repo, 'cops/platform/meetings/2026-12-04.yml'), join(repo, 'cops/platform/meetings/2026-12-04.yaml'));
    expect(await findings('2026-12-04')).toEqual([]);

    // A broken log: every finding is in that file, and the report still prints, saying what it left out.
    writeFileSync(join(repo, 'cops/platform/meetings/2026-12-05.yaml'), 'date: 2026-12-05\ntitle: Typo\nweekday: Tuesday\n');
    const broken = await findings('2026-12-05');
    expect(broken.length).toBeGreaterThan(0);
    expect(broken.every((f) => f.endsWith(' cops/platform/meetings/2026-12-05.yaml'))).toBe(true);
    const report = await cop('2026-12-05', 'report', '--month', '2026-12');
    expect(report.status).toBe(1);
    expect(report.stdout).toMatch(/^Incomplete: 1 file with errors was left out/);
    expect(report.stdout).toContain('cops/platform/meetings/2026-12-05.yaml: a meeting of platform, left out of its figures');
  });
});
