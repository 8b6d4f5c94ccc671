import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildProgram } from '../../src/cli.js';
import type { Io } from '../../src/core/terminal.js';
import { REPO_ROOT } from '../helpers/cli.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on'?: string;
  if?: string;
  steps?: Step[];
}
interface Workflow {
  on?: Record<string, unknown>;
  jobs?: Record<string, Job>;
}

const workflow = parse(readFileSync(join(REPO_ROOT, '.github/workflows/cop.yml'), 'utf8'), { version: '1.2' }) as Workflow;

const io: Io = { stdout: () => {}, stderr: () => {}, env: {}, cwd: REPO_ROOT, stdoutIsTTY: false, stdinIsTTY: false };
const program = await buildProgram(io, () => {});

/** Every `cop <subcommand> args…` (or `npx cop …`) in the workflow's run steps, args up to a redirect or pipe. */
function copInvocations(): { job: string; subcommand: string; args: string[] }[] {
  const found: { job: string; subcommand: string; args: string[] }[] = [];
  for (const [job, { steps = [] }] of Object.entries(workflow.jobs ?? {})) {
    for (const { run } of steps) {
      for (const line of (run ?? '').split('\n')) {
        const match = /(?:^|&&|\|\||;)\s*(?:npx\s+--no\s+)?cop\s+(.*)$/.exec(line);
        if (!match) continue;
        const [subcommand = '', ...args] = match[1]!.split(/\s*(?:>>|>|\||&&|;)/)[0]!.trim().split(/\s+/).map((t) => t.replace(/^"|"$/g, ''));
        found.push({ job, subcommand, args });
      }
    }
  }
  return found;
}

describe('.github/workflows/cop.yml', () => {
  it('is workflow syntax as far as can be checked offline', () => {
    expect(Object.keys(workflow.on ?? {}).sort()).toEqual(['pull_request', 'schedule', 'workflow_dispatch']);
    expect(workflow.on!.schedule).toEqual([{ cron: '0 6 1 * *' }]);
    const jobs = Object.entries(workflow.jobs ?? {});
    expect(jobs.length).toBeGreaterThan(0);
    for (const [id, job] of jobs) {
      expect(id).toMatch(/^[A-Za-z_][\w-]*$/);
      expect(typeof job['runs-on'], `${id}: runs-on`).toBe('string');
      expect(Array.isArray(job.steps) && job.steps.length > 0, `${id}: steps`).toBe(true);
      for (const step of job.steps!) {
        expect(typeof step.uses === 'string' || typeof step.run === 'string', `${id}: a step without uses or run: ${JSON.stringify(step)}`).toBe(true);
        expect(step.uses !== undefined && step.run !== undefined, `${id}: a step with both uses and run`).toBe(false);
      }
    }
  });

  it('checks out the full history on pull requests; every job on the current Node LTS, installing with npm ci', () => {
    const steps = workflow.jobs!['pull-request']!.steps!;
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toEqual({ 'fetch-depth': 0 });
    for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
      expect(job.steps!.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version'], id).toBe('lts/*');
      expect(job.steps!.some((s) => s.run === 'npm ci'), id).toBe(true);
      // Every cop runs through `npx --no`: never the unrelated npm package named `cop`.
      for (const { run } of job.steps!) if (run && /\bcop\s/.test(run)) expect(run, id).toMatch(/^npx --no cop /);
    }
  });

  it('runs the commands the issue asks for, in the right jobs', () => {
    const runs = copInvocations().map(({ job, subcommand, args }) => `${job}: ${[subcommand, ...args].join(' ')}`);
    expect(runs).toEqual([
      'pull-request: check --cache --format github',
      'pull-request: codeowners --check',
      'pull-request: diff --base origin/${{ github.base_ref }} --format markdown',
      'monthly: report --format markdown',
      'monthly: health --fail-on flagged --format markdown',
    ]);
  });

  it('keeps cop check\'s cache with actions/cache, restored after npm ci (which empties node_modules)', () => {
    const steps = workflow.jobs!['pull-request']!.steps!;
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache).toBeGreaterThan(steps.findIndex((s) => s.run === 'npm ci'));
    expect(cache).toBeLessThan(steps.findIndex((s) => s.run?.includes('cop check')));
    expect(steps[cache]!.with).toMatchObject({ path: 'node_modules/.cache/cop', 'restore-keys': 'cop-check-' });
    expect(String(steps[cache]!.with!.key)).toMatch(/^cop-check-\$\{\{ github\.run_id \}\}$/);
  });

  it('every cop subcommand it runs is a real command of the tool, with real options and values', () => {
    const commands = new Map<string, Command>(program.commands.map((c) => [c.name(), c]));
    for (const { subcommand, args } of copInvocations()) {
      const command = commands.get(subcommand);
      expect(command, `cop ${subcommand} is not a command of the tool`).toBeDefined();
      for (const [i, arg] of args.entries()) {
        if (!arg.startsWith('-')) continue;
        const option = command!.options.find((o) => o.long === arg.split('=')[0] || o.short === arg);
        expect(option, `cop ${subcommand}: unknown option ${arg}`).toBeDefined();
        const value = args[i + 1];
        if (option!.argChoices && value !== undefined) expect(option!.argChoices, `cop ${subcommand} ${arg}`).toContain(value);
      }
    }
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('defines the cop-check hook on CoP files, passing file names to cop check', () => {
    const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'cop-check', entry: 'cop check --cache', language: 'node', pass_filenames: true });
    const files = new RegExp(hooks[0]!.files as string);
    for (const path of ['cops/aws/charter.yaml', 'cops/aws/meetings/2026-10-14.yaml', 'people.yaml', 'cop.config.yaml']) expect(files.test(path), path).toBe(true);
    for (const path of ['README.md', 'src/cli.ts', 'docs/people.yaml']) expect(files.test(path), path).toBe(false);
    expect(program.commands.map((c) => c.name())).toContain('check');
  });
});
