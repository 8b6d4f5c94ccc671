/**
 * The route the README gives while cops-as-code is not on the npm registry: pack this repository
 * (`npm run pack`, here its script), install the tarball into an empty git repository, then
 * `init`, `check` and `new` there, as a new organisation would. Needs the npm registry for the
 * package's dependencies (CI and the development machines reach it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' }, timeout: 300_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('adopting cop from a packed tarball', () => {
  it('installs without an install-scripts warning, then init, check and new work', () => {
    const packs = mkdtempSync(join(tmpdir(), 'cop-pack-'));
    const tarball = execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'pack.mjs'), packs], { encoding: 'utf8' }).trim();
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();

    const repo = mkdtempSync(join(tmpdir(), 'cop-adopt-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const install = run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', tarball], repo);
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toContain('install-scripts');
    const cop = (...args: string[]) => run(process.execPath, [join(repo, 'node_modules', 'cops-as-code', 'bin', 'cop.js'), ...args], repo);

    const init = cop('init', '--yes', '--organisation', 'Acme');
    expect(init.status, init.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).devDependencies['cops-as-code']).toMatch(/^file:/);
    // The placeholder CTO fails the check until it is replaced.
    expect(cop('check').status).toBe(1);
    const people = join(repo, 'people.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace('replace-with-cto-handle', 'acme-cto'));
    expect(cop('codeowners', '--write').status).toBe(0);
    const clean = cop('check');
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);

    const answers = join(repo, 'answers.yaml');
    writeFileSync(
      answers,
      [
        'id: platform',
        'in: [CI pipelines, Deployment]',
        'rationale: Teams rebuild the same pipelines.',
        'sponsor: cto',
        'members: [ada.lovelace, alan.turing, grace.hopper, edsger.dijkstra, barbara.liskov]',
        'new_people:',
        ...['ada.lovelace', 'alan.turing', 'grace.hopper', 'edsger.dijkstra', 'barbara.liskov'].map((id) => `  - { id: ${id}, name: ${id}, github: ${id.replace('.', '-')} }`),
        'goals: ["educate:practitioners:Share how we build pipelines."]',
        '',
      ].join('\n'),
    );
    const proposed = cop('new', '--from', answers, '--yes');
    expect(proposed.status, proposed.stdout + proposed.stderr).toBe(0);
    const after = cop('check', '--format', 'json');
    expect(after.status, after.stdout).toBe(0);
    expect(JSON.parse(after.stdout).summary.errors).toBe(0);
  });
});
