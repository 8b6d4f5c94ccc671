import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

/** A temp copy of the bundled organisation (config, people and cops/). */
function copyOrganisation(): string {
  const root = mkdtempSync(join(tmpdir(), 'cop-dissolve-'));
  for (const entry of ['cop.config.yaml', 'people.yaml', 'cops']) cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true });
  return root;
}

describe('cop dissolve on a copy of the bundled organisation', () => {
  const asOf = ['--as-of', '2026-11-20'];

  it('records the decision in place, prints the pull-request step, and cop check still passes', () => {
    const root = copyOrganisation();
    const file = join(root, 'cops', 'mobile', 'charter.yaml');
    const before = readFileSync(file, 'utf8');
    const result = runCli(['dissolve', 'mobile', '--root', root, ...asOf, '--reason', 'low-participation', '--decided-by', 'aisha.bello', '--note', 'Below five for three months.']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('git switch -c dissolve-mobile');
    expect(result.stdout).toContain('helen.okafor approves the pull request');

    const after = readFileSync(file, 'utf8');
    const edited = before.replace('\nstatus: active\n', '\nstatus: dissolved\n');
    expect(edited).not.toBe(before);
    // Every byte of the original survives except the status line; the record is appended.
    expect(after.startsWith(edited)).toBe(true);
    expect(after.slice(edited.length)).toBe(
      '\n# Dissolved: recorded with `cop dissolve`.\ndissolved:\n  date: 2026-11-20\n  reason: low-participation\n  decided_by: aisha.bello\n  triggers_met:\n    - low-participation\n  note: Below five for three months.\n',
    );

    const check = runCli(['check', '--root', root, ...asOf]);
    expect(check.stdout).toMatch(/No problems/);
    expect(check.status).toBe(0);
    const health = runCli(['health', '--root', root, ...asOf, 'mobile', '--format', 'json']);
    expect(JSON.parse(health.stdout).cops[0]).toMatchObject({ status: 'dissolved', level: 'not-judged' });
  });

  it('refuses a CoP that is not active, an unknown person and an unknown reason, changing nothing', () => {
    const root = copyOrganisation();
    const ledgers = readFileSync(join(root, 'cops', 'distributed-ledgers', 'charter.yaml'), 'utf8');
    const dissolved = runCli(['dissolve', 'distributed-ledgers', '--root', root, ...asOf, '--reason', 'not-strategic', '--decided-by', 'priya.raman']);
    expect(dissolved.status).toBe(2);
    expect(dissolved.stderr).toMatch(/`distributed-ledgers` is dissolved: only an active CoP can be dissolved/);
    expect(readFileSync(join(root, 'cops', 'distributed-ledgers', 'charter.yaml'), 'utf8')).toBe(ledgers);

    const stranger = runCli(['dissolve', 'aws', '--root', root, ...asOf, '--reason', 'not-strategic', '--decided-by', 'nobody']);
    expect(stranger.status).toBe(2);
    expect(stranger.stderr).toMatch(/`nobody` is not in people.yaml/);

    const reason = runCli(['dissolve', 'aws', '--root', root, ...asOf, '--reason', 'bored', '--decided-by', 'priya.raman']);
    expect(reason.status).toBe(2);
    expect(reason.stderr).toMatch(/Allowed choices are low-participation, topics-finished, not-strategic/);
  });

  it('refuses a decision that cop check would reject, and leaves the charter unchanged', () => {
    const root = copyOrganisation();
    const file = join(root, 'cops', 'aws', 'charter.yaml');
    const before = readFileSync(file, 'utf8');
    // aws met on 2026-11-12: a dissolution dated 2026-11-01 would leave a meeting after it.
    const result = runCli(['dissolve', 'aws', '--root', root, ...asOf, '--reason', 'topics-finished', '--decided-by', 'priya.raman', '--date', '2026-11-01']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cops\/aws\/meetings\/2026-11-12.yaml: The meeting is dated 2026-11-12, after the CoP was dissolved \(2026-11-01\)/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
