/** The bundled example organisation: loaded and checked in this process, or a temporary copy (config, people, cops/) for tests that write. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../../src/core/terminal.js';
import { lintWorkspace } from '../../src/lint/lint-workspace.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { REPO_ROOT } from './cli.js';

export const AS_OF = '2026-11-20';

/** The bundled organisation as `cop check` loads it, as of `asOf`. */
export async function bundledWorkspace(asOf: string): Promise<Workspace> {
  const outcome = await lintWorkspace(REPO_ROOT, asOf);
  if (outcome.kind !== 'linted') throw new Error('the bundled organisation did not load');
  return outcome.workspace;
}

export function copyOrganisation(): string {
  const root = mkdtempSync(join(tmpdir(), 'cop-org-'));
  for (const name of ['cop.config.yaml', 'people.yaml', 'cops']) cpSync(join(REPO_ROOT, name), join(root, name), { recursive: true });
  return root;
}

/** An in-memory Io; `tty` makes it look like a terminal (so the commands prompt). */
export function memoryIo(cwd: string, tty: boolean): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: { NO_COLOR: '1' }, cwd, stdoutIsTTY: tty, stdinIsTTY: tty };
}

/** The meeting both `cop log` tests record on the bundled AWS CoP (lunch, 60 minutes from its charter), plus `extra`. */
export function lambdaMeeting(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    date: '2026-11-19',
    title: 'Lambda cold starts',
    format: 'round-table',
    duration_minutes: 60,
    slot: 'lunch',
    guests: [{ name: 'Jo Bloggs', organisation: 'Acme Ltd' }],
    preparation: [{ person: 'lucy.chen', hours: 1.5 }],
    ...extra,
  };
}
