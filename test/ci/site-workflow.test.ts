import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildProgram } from '../../src/cli.js';
import type { Io } from '../../src/core/terminal.js';
import { REPO_ROOT } from '../helpers/cli.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
const workflow = parse(readFileSync(join(REPO_ROOT, '.github/workflows/site.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { needs?: string; environment?: { name: string }; steps: Step[] }>;
};

describe('.github/workflows/site.yml', () => {
  const build = workflow.jobs.build!.steps;
  const deploy = workflow.jobs.deploy!;

  it('deploys with the official Pages actions and the permissions they need', () => {
    expect(Object.keys(workflow.on)).toContain('push');
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(build.map((s) => s.uses?.split('@')[0]).filter(Boolean)).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'actions/upload-pages-artifact',
    ]);
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });

  it('uploads the folder that its `cop site` step writes, with options cop accepts', async () => {
    const run = build.find((s) => s.run?.startsWith('cop site'))!.run!;
    const args = run.replace(/"\$\{\{[^"]*\}\}\/"/g, 'https://example.com/').split(/\s+/).slice(1);
    const out = args[args.indexOf('--out') + 1];
    expect(build.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))!.with).toEqual({ path: out });
    const io: Io = { stdout: () => {}, stderr: () => {}, env: {}, cwd: REPO_ROOT, stdoutIsTTY: false, stdinIsTTY: false };
    const site = (await buildProgram(io, () => {})).commands.find((c) => c.name() === 'site')!;
    const known = new Set(site.options.map((o) => o.long));
    for (const flag of args.filter((a) => a.startsWith('--'))) expect(known, flag).toContain(flag);
  });
});
