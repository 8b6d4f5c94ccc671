import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ownersOf, parseCodeownersLines } from '../../src/codeowners/match.js';
import { init } from '../../src/commands/init.js';
import { runCli } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { memoryIo } from '../helpers/org-copy.js';
import { DEFAULT, scriptedPrompter } from '../helpers/prompter.js';

function emptyRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cop-init-'));
  execFileSync('git', ['init', '--quiet', '--initial-branch=main'], { cwd: dir });
  return dir;
}

/** Every file under `dir` (but .git) with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (path === '.git') continue;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else out[path] = createHash('sha1').update(readFileSync(join(dir, path))).digest('hex');
    }
  };
  walk('');
  return out;
}

const CTO = ['--cto', 'priya.raman:Priya Raman:priya-raman', '--approver', 'marcus.webb:Marcus Webb:mwebb'];

describe('cop init in an empty git repository', () => {
  it('--yes writes every file, cop check reports the placeholder CTO until it is replaced, and a second run changes no byte', () => {
    const dir = emptyRepo();
    const first = runCli(['init', '--yes', '--format', 'json'], { cwd: dir });
    expect(first.status).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result.created.sort()).toEqual([
      '.github/CODEOWNERS', '.github/pull_request_template.md', '.github/workflows/cop.yml', '.gitignore', '.pre-commit-config.yaml',
      'cop.config.yaml', 'cops/.gitkeep', 'package.json', 'people.yaml',
    ]);
    expect(result.warnings[0]).toMatch(/placeholder CTO .*reports it as an error/);
    expect(result.nextSteps[1]).toMatch(/^Replace the placeholder CTO in people\.yaml .*then run `npx --no cop codeowners --write`: until then `npx --no cop check` fails/);
    expect(result.nextSteps.at(-1)).toMatch(/Require review from Code Owners/);
    expect(result.nextSteps).toContain('Each CoP then keeps its meeting logs in cops/<id>/meetings/ (`cop log`), what it produces or hands to a circle in cops/<id>/outputs/ (`cop output`), and its recorded goal reviews in cops/<id>/reviews/ (`cop review <id> --record`).');
    // The placeholder is one finding, at its source: CODEOWNERS' generated block only copies it.
    const placeholders = runCli(['check', '--format', 'json'], { cwd: dir });
    expect(placeholders.status).toBe(1);
    expect(JSON.parse(placeholders.stdout).diagnostics.map((d: { file: string; ruleId: string; line: number }) => [d.file, d.ruleId, d.line])).toEqual([
      ['people.yaml', 'no-placeholder', 7],
    ]);

    // Replaced in people.yaml, CODEOWNERS is stale until it is regenerated; then all is clean.
    const peoplePath = join(dir, 'people.yaml');
    writeFileSync(peoplePath, readFileSync(peoplePath, 'utf8').replace('name: Chief Technology Officer', 'name: Priya Raman').replace('replace-with-cto-handle', 'priya-raman'));
    const stale = JSON.parse(runCli(['check', '--format', 'json'], { cwd: dir }).stdout).diagnostics;
    expect(new Set(stale.map((d: { ruleId: string }) => d.ruleId))).toEqual(new Set(['codeowners-current']));
    expect(runCli(['codeowners', '--write'], { cwd: dir }).status).toBe(0);
    const clean = runCli(['check'], { cwd: dir });
    expect(clean.status, clean.stdout).toBe(0);

    const before = snapshot(dir);
    const second = runCli(['init', '--yes'], { cwd: dir });
    expect(second.status).toBe(0);
    expect(second.stdout).not.toMatch(/Created:/);
    expect(second.stdout).toMatch(/Left alone:\n {2}cop\.config\.yaml: exists\n/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the files it writes: commented policy, the people, a pinned devDependency, the tool\'s own workflow', () => {
    const dir = emptyRepo();
    expect(runCli(['init', '--yes', '--organisation', 'Acme Ltd', '--currency', 'eur', '--hours', '200', '--money', '900', '--year', '2027', ...CTO], { cwd: dir }).status).toBe(0);
    const config = readFileSync(join(dir, 'cop.config.yaml'), 'utf8');
    // `eur` is taken as EUR: a currency code is written in capitals.
    expect(config).toMatch(/^organisation: Acme Ltd\ncurrency: EUR\n/m);
    expect(config).toMatch(/# A CoP needs at least this many interested people to be created\.\n {2}min_members: 5\n/);
    expect(config).toContain('budgets:\n  - year: 2027\n    hours: 200\n    money: 900\n');
    expect(config).toContain('cto: priya.raman\n');
    expect(config).toContain('approvers:\n  - priya.raman\n  - marcus.webb\n');
    expect(readFileSync(join(dir, 'people.yaml'), 'utf8')).toContain('  - id: marcus.webb\n    name: Marcus Webb\n    github: mwebb\n');
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toEqual({
      name: 'acme-ltd-cops', private: true, description: "Acme Ltd's communities of practice, as code.", devDependencies: { 'cops-as-code': '0.1.0' },
    });
    const repoWorkflow = readFileSync(new URL('../../.github/workflows/cop.yml', import.meta.url), 'utf8');
    expect(readFileSync(join(dir, '.github/workflows/cop.yml'), 'utf8')).toBe(repoWorkflow);
    // By GitHub's rules: a new CoP, the workflow and CODEOWNERS itself need an approver.
    const owners = parseCodeownersLines(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8'));
    for (const path of ['cops/new-cop/charter.yaml', '.github/workflows/cop.yml', '.github/CODEOWNERS', 'people.yaml']) {
      expect(ownersOf(owners, path), path).toEqual(['@priya-raman', '@mwebb']);
    }
  });

  it('cop new works right after, updating CODEOWNERS itself: the sponsor owns the new charter and cop check passes', () => {
    const dir = emptyRepo();
    expect(runCli(['init', '--yes', ...CTO], { cwd: dir }).status).toBe(0);
    const members = ['ada.lovelace', 'alan.turing', 'grace.hopper', 'edsger.dijkstra', 'barbara.liskov'];
    writeFileSync(join(dir, 'answers.yaml'), stringify({
      id: 'data-science', in: ['Statistics'], rationale: 'Product teams run experiments without a shared method.', sponsor: 'marcus.webb', members,
      goals: [{ type: 'educate', audiences: ['practitioners'], description: 'Learn experiment design together' }],
      new_people: members.map((id) => ({ id, name: id, github: id.replace('.', '-') })),
    }));
    const created = runCli(['new', '--yes', '--from', 'answers.yaml'], { cwd: dir });
    expect(created.status, created.stderr).toBe(0);
    // CODEOWNERS follows the new charter in the same step (issue #23 row 0): nothing left to run.
    expect(created.stdout).toContain('Updated .github/CODEOWNERS');
    expect(runCli(['codeowners', '--check'], { cwd: dir }).status).toBe(0);
    expect(ownersOf(parseCodeownersLines(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')), 'cops/data-science/charter.yaml')).toEqual(['@mwebb']);
    const check = runCli(['check'], { cwd: dir });
    expect(check.status, check.stdout).toBe(0);
  });
});

describe('cop init for a data root in a subfolder of an existing repository', () => {
  it('puts the workflow, CODEOWNERS, pre-commit and package.json at the top with the prefix; keeps package.json\'s layout', () => {
    const dir = emptyRepo();
    const pkg = '{\n    "name": "platform",\n    "version": "1.0.0",\n    "devDependencies": {\n        "zod": "^3.0.0",\n        "eslint": "^9.0.0"\n    }\n}\n';
    writeFileSync(join(dir, 'package.json'), pkg);
    const result = runCli(['init', 'governance', '--yes', ...CTO], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Changed:\n {2}package\.json \(added cops-as-code to devDependencies\)/);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(
      '{\n    "name": "platform",\n    "version": "1.0.0",\n    "devDependencies": {\n        "cops-as-code": "0.1.0",\n        "eslint": "^9.0.0",\n        "zod": "^3.0.0"\n    }\n}\n',
    );
    for (const file of ['governance/cop.config.yaml', 'governance/people.yaml', 'governance/cops/.gitkeep']) expect(statSync(join(dir, file)).isFile(), file).toBe(true);
    expect(readFileSync(join(dir, '.github/workflows/cop.yml'), 'utf8')).toContain('run: npx --no cop check --root governance --cache --format github\n');
    expect(readFileSync(join(dir, '.pre-commit-config.yaml'), 'utf8')).toContain("entry: npx --no cop check --cache --root governance\n");
    const owners = parseCodeownersLines(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8'));
    expect(ownersOf(owners, 'governance/cops/new-cop/charter.yaml')).toEqual(['@priya-raman', '@mwebb']);
    expect(ownersOf(owners, '.github/workflows/cop.yml')).toEqual(['@priya-raman', '@mwebb']);
    expect(runCli(['check', '--root', 'governance'], { cwd: dir }).status).toBe(0);
  });
});

describe('cop init and .gitignore', () => {
  it('ignores node_modules, the cache and the site for git; extends an existing .gitignore keeping it; a second run changes nothing', async () => {
    const dir = emptyRepo();
    writeFileSync(join(dir, '.gitignore'), '# ours\r\n*.log\r\n');
    const first = await runInProcess(['init', '--yes', ...CTO], dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Changed:\n {2}\.gitignore \(added the lines it lacked\)/);
    const text = readFileSync(join(dir, '.gitignore'), 'utf8');
    expect(text.startsWith('# ours\r\n*.log\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    // git itself says what is ignored: the install, the cache, the site; not the data.
    const ignored = (path: string) => spawnSync('git', ['check-ignore', '-q', path], { cwd: dir }).status === 0;
    for (const path of ['node_modules/yaml/index.js', 'node_modules/.cache/cop/check-cache.bin', '_site/index.html', 'x.log']) expect(ignored(path), path).toBe(true);
    for (const path of ['cops/aws/charter.yaml', 'people.yaml', '.github/CODEOWNERS']) expect(ignored(path), path).toBe(false);

    const before = snapshot(dir);
    const second = await runInProcess(['init', '--yes', ...CTO], dir);
    expect(second.stdout).toMatch(/ {2}\.gitignore: ignores node_modules\/, .*already/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('cop init on a terminal (scripted prompter)', () => {
  it('asks with validation, then writes the answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cop-init-'));
    mkdirSync(join(dir, 'org'));
    const prompter = scriptedPrompter([
      'Acme', 'euro', 'eur', 'lots', '150', DEFAULT, 'helen.okafor', 'Helen Okafor', '@not a handle', 'hokafor', 'bad spec', 'tom.f:Tom F:tomf', 'appointed', 'open',
    ]);
    const io = memoryIo(dir, true);
    expect(await init('org', {}, io, async () => prompter)).toBe(0);
    expect(prompter.remaining()).toBe(0);
    expect(prompter.refusals).toEqual([
      expect.stringMatching(/`euro` is not a currency code/),
      expect.stringMatching(/`lots` is not a number/),
      expect.stringMatching(/is not a GitHub handle/),
      expect.stringMatching(/`bad spec`/),
    ]);
    const config = readFileSync(join(dir, 'org/cop.config.yaml'), 'utf8');
    expect(config).toMatch(/organisation: Acme\ncurrency: EUR\n/);
    expect(config).toMatch(/hours: 150\n {4}money: 1600\n/);
    expect(config).toMatch(/leader: appointed\n/);
    expect(config).toMatch(/membership: open\n/);
    expect(config).toContain('approvers:\n  - helen.okafor\n  - tom.f\n');
    expect(io.out.join('')).toMatch(/Require review from Code Owners/);
  });

  it('refuses bad flags listing every problem, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cop-init-'));
    const result = runCli(['init', '--yes', '--currency', 'pounds', '--cto', 'Priya', '--hours', 'many'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/`Priya` is not a person id/);
    expect(result.stderr).toMatch(/--hours many: expected a number/);
    expect(result.stderr).toMatch(/`pounds` is not a currency code/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
