/** End-to-end helpers: run the built bin/cop.js as a process; write a data root to a temp folder. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { Config, Person } from '../../src/model/schema-types.js';
import { outputFile, type CopSpec } from './workspace.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(REPO_ROOT, 'bin', 'cop.js');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

const cliEnv = (env: NodeJS.ProcessEnv | undefined) => ({ ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env });

/** Runs `cop <args>` (needs `npm run build`, which `npm test` does first). No colour unless asked. */
/** `timeoutMs`: kill a run that hangs (status -1) instead of waiting for the test's own timeout. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: cliEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * runCli without blocking this process while it runs: for tests that run many slow commands (a
 * test worker blocked for long stops answering the test runner).
 */
export function runCliAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env: cliEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

const SCHEMA_LINE = (schema: string) => `# yaml-language-server: $schema=${schema}\n`;

/**
 * Writes a data root from plain data (the same specs as test/helpers/workspace.ts) and returns its
 * path: a new temporary folder, or `into` (files the spec names are overwritten, others left).
 */
export function writeRoot(spec: { cops?: Record<string, CopSpec>; people?: Person[]; config?: Config }, into?: string): string {
  const root = into ?? mkdtempSync(join(tmpdir(), 'cop-test-'));
  const write = (path: string, schema: string, data: unknown) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), SCHEMA_LINE(schema) + stringify(data));
  };
  if (spec.config) write('cop.config.yaml', 'https://unpkg.com/cops-as-code/schemas/config.schema.json', spec.config);
  if (spec.people) write('people.yaml', 'https://unpkg.com/cops-as-code/schemas/people.schema.json', { people: spec.people });
  mkdirSync(join(root, 'cops'), { recursive: true });
  for (const [id, cop] of Object.entries(spec.cops ?? {})) {
    mkdirSync(join(root, 'cops', id, 'meetings'), { recursive: true });
    if (cop.charter) write(`cops/${id}/charter.yaml`, 'https://unpkg.com/cops-as-code/schemas/charter.schema.json', cop.charter);
    const perDay = new Map<string, number>();
    for (const meeting of cop.meetings ?? []) {
      const n = (perDay.get(meeting.date) ?? 0) + 1;
      perDay.set(meeting.date, n);
      write(`cops/${id}/meetings/${meeting.date}${n > 1 ? `-${n}` : ''}.yaml`, 'https://unpkg.com/cops-as-code/schemas/meeting.schema.json', meeting);
    }
    for (const output of cop.outputs ?? []) write(outputFile(id, output), 'https://unpkg.com/cops-as-code/schemas/output.schema.json', output);
  }
  return root;
}
