/**
 * Issue 14 through the built CLI: missing or unreadable parts are findings (and write commands
 * refuse with exit 2, "nothing was changed"), write failures name the path, edits keep line
 * endings and refuse what they cannot keep, and concurrent runs never lose a decision.
 *
 * Permission cases: root ignores mode bits, so when the tests run as root those commands run as
 * `nobody` through `setpriv` (the data root is made readable to it first).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, writeRoot, type CliResult } from '../helpers/cli.js';
import { charter, meeting, people } from '../helpers/workspace.js';

const AS_OF = '2026-11-20';
const small = () =>
  writeRoot({
    people: people(),
    cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14')] }, gcp: { charter: charter('gcp'), meetings: [meeting('2026-10-15')] } },
  });
const cop = (root: string, ...args: string[]) => runCli([...args, '--root', root, '--as-of', AS_OF]);
const dissolveArgs = (id: string, reason = 'low-participation', by = 'p2') => ['dissolve', id, '--reason', reason, '--decided-by', by];
const logArgs = (id: string, title = 'Pairs') => ['log', id, '--yes', '--date', '2026-11-02', '--title', title, '--attendees', 'p1,p2,p3,p4,p5', '--recording', 'https://video.example.com/pairs'];

const isRoot = process.getuid?.() === 0;
/** Runs cop as an unprivileged user (setpriv to nobody when root), so mode bits apply. */
function copUnprivileged(root: string, ...args: string[]): CliResult {
  const command = [process.execPath, BIN, ...args, '--root', root, '--as-of', AS_OF];
  const [file, ...rest] = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command] : command;
  const result = spawnSync(file!, rest, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
/** Lets `nobody` read (and, when asked, write) the whole data root. */
const openUp = (root: string) => execFileSync('chmod', ['-R', 'a+rwX', root]);

const listing = (dir: string) => readdirSync(dir).sort();

describe('missing or unreadable parts are findings', { timeout: 300_000 }, () => {
  it('no people.yaml: a finding in check; dissolve refuses, exit 2, nothing changed', () => {
    const root = small();
    rmSync(join(root, 'people.yaml'));
    const check = cop(root, 'check', '--format', 'json');
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout).diagnostics).toContainEqual(expect.objectContaining({ file: 'people.yaml', ruleId: 'file', message: expect.stringMatching(/^There is no people\.yaml/) }));
    const before = readFileSync(join(root, 'cops/aws/charter.yaml'), 'utf8');
    const dissolve = cop(root, ...dissolveArgs('aws'));
    expect(dissolve.status).toBe(2);
    expect(dissolve.stderr).toMatch(/There is no people\.yaml/);
    expect(dissolve.stderr).toMatch(/nothing was changed/);
    expect(readFileSync(join(root, 'cops/aws/charter.yaml'), 'utf8')).toBe(before);
  });

  it('a folder in place of people.yaml: a finding', () => {
    const root = small();
    rmSync(join(root, 'people.yaml'));
    mkdirSync(join(root, 'people.yaml'));
    const check = cop(root, 'check', '--format', 'json');
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout).diagnostics).toContainEqual(expect.objectContaining({ file: 'people.yaml', message: 'people.yaml is a folder, not a file: no person reference can be checked.' }));
  });

  it('a meetings path that is a file: a finding; cop log refuses with exit 2, not ENOTDIR', () => {
    const root = small();
    rmSync(join(root, 'cops/aws/meetings'), { recursive: true });
    writeFileSync(join(root, 'cops/aws/meetings'), 'oops\n');
    const check = cop(root, 'check', '--format', 'json');
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout).diagnostics).toContainEqual(expect.objectContaining({ file: 'cops/aws/meetings', message: expect.stringMatching(/`meetings` is not a folder/) }));
    const log = cop(root, ...logArgs('aws'));
    expect(log.status).toBe(2);
    expect(log.stderr).toMatch(/`meetings` is not a folder[\s\S]*nothing was changed/);
    expect(log.stderr).not.toMatch(/internal error|ENOTDIR/);
  });

  it(`an unlistable cops/ folder (mode 444) is a finding, not "no problems"${isRoot ? ' (run as nobody through setpriv)' : ''}`, () => {
    const root = small();
    openUp(root);
    chmodSync(join(root, 'cops'), 0o444);
    const check = copUnprivileged(root, 'check', '--format', 'json');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(1);
    // cops/ can be listed (r) but not entered (no x): each CoP folder in it is a finding.
    expect(JSON.parse(check.stdout).diagnostics).toEqual([
      expect.objectContaining({ file: 'cops/aws', ruleId: 'file', message: 'Could not be read: permission denied (EACCES).' }),
      expect.objectContaining({ file: 'cops/gcp', ruleId: 'file', message: 'Could not be read: permission denied (EACCES).' }),
    ]);
    const log = copUnprivileged(root, ...logArgs('aws'));
    expect(log.status).toBe(2);
    expect(log.stderr).toMatch(/nothing was changed/);
    expect(log.stderr).not.toMatch(/internal error/);
  });
});

describe('write failures name the path and change nothing', { timeout: 300_000 }, () => {
  it(`a charter folder that cannot be written (EACCES${isRoot ? ', as nobody through setpriv' : ''}): exit 2, no temp file`, () => {
    const root = small();
    openUp(root);
    const dir = join(root, 'cops/aws');
    chmodSync(dir, 0o555);
    const before = listing(dir);
    const result = copUnprivileged(root, ...dissolveArgs('aws'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^cop: cannot write .*cops\/aws\/charter\.yaml: permission denied \(EACCES\); nothing was changed\.$/m);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(listing(dir)).toEqual(before);
  });
});

describe('edits keep the file as it was', { timeout: 300_000 }, () => {
  it('dissolve on a CRLF charter keeps CRLF everywhere', () => {
    const root = small();
    const file = join(root, 'cops/aws/charter.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('\n', '\r\n'));
    expect(cop(root, ...dissolveArgs('aws')).status).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toMatch(/status: dissolved\r\n/);
    expect(after).toMatch(/dissolved:\r\n {2}date: 2026-11-20\r\n/);
    expect(after.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('a Latin-1 charter is refused with a finding before any edit, its bytes untouched', () => {
    const root = small();
    const file = join(root, 'cops/aws/charter.yaml');
    const latin1 = Buffer.from(readFileSync(file, 'utf8').replace(/^name: .*$/m, 'name: Caf\u00e9 AWS'), 'latin1');
    writeFileSync(file, latin1);
    const check = cop(root, 'check', '--format', 'json');
    expect(JSON.parse(check.stdout).diagnostics).toContainEqual(expect.objectContaining({ file: 'cops/aws/charter.yaml', message: 'The file is not UTF-8 text (save it as UTF-8): not read.' }));
    const dissolve = cop(root, ...dissolveArgs('aws'));
    expect(dissolve.status).toBe(2);
    expect(dissolve.stderr).toMatch(/nothing was changed/);
    expect(readFileSync(file).equals(latin1)).toBe(true);
  });

  it('a charter ending with the document end marker (...) is dissolved cleanly', () => {
    const root = small();
    const file = join(root, 'cops/aws/charter.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}...\n`);
    const result = cop(root, ...dissolveArgs('aws'));
    // The small CoP is healthy: `cop dissolve` says so, records that no trigger was met, and goes ahead.
    expect(result.stderr).toMatch(/^cop: warning: Dissolving a healthy CoP: `aws` meets no dissolution trigger/);
    expect(result.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/ {2}decided_by: p2\n {2}triggers_met: \[\]\n\.\.\.\n$/);
    expect(cop(root, 'check').status).toBe(0);
  });

  it('a CR-only charter is reported as such, not as "empty"', () => {
    const root = small();
    const file = join(root, 'cops/aws/charter.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('\n', '\r'));
    const check = cop(root, 'check', '--format', 'json');
    expect(check.status).toBe(1);
    const messages = (JSON.parse(check.stdout).diagnostics as { file: string; message: string }[]).filter((d) => d.file === 'cops/aws/charter.yaml').map((d) => d.message);
    expect(messages).toEqual(['The file ends its lines with CR alone (old Mac style): save it with LF or CRLF line endings.']);
  });
});

describe('cop new builds its folder under a temporary name', { timeout: 300_000 }, () => {
  it('a leftover temporary folder from a killed run neither blocks a retry nor shows as a CoP', () => {
    const root = small();
    mkdirSync(join(root, 'cops/.k8s.12345.deadbeef.tmp/meetings'), { recursive: true });
    const args = ['new', 'k8s', '--yes', '--in', 'Running containers', '--rationale', 'Clients run Kubernetes', '--sponsor', 'p1', '--members', 'p1,p2,p3,p4,p5'];
    const result = cop(root, ...args, '--goal', 'educate:practitioners:Learn Kubernetes together');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(join(root, 'cops/k8s/charter.yaml'))).toBe(true);
    expect(listing(join(root, 'cops')).filter((name) => name.startsWith('.') && name !== '.k8s.12345.deadbeef.tmp')).toEqual([]);
  });
});

function runAsync(root: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args, '--root', root, '--as-of', AS_OF], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

/** Runs `count` pairs, a few pairs at a time (the machine may be small); each pair's two runs start together. */
async function pairs<T>(count: number, one: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i += 4) results.push(...(await Promise.all(Array.from({ length: Math.min(4, count - i) }, (_, k) => one(i + k)))));
  return results;
}

// `npm run fuzz` runs the 20 pairs the issue asks for; `npm test` a few, to spare shared CI machines.
const PAIRS = Number(process.env.COP_TEST_PAIRS ?? 4);

describe(`${PAIRS} concurrent pairs of each editing command`, { timeout: 900_000 }, () => {
  it('dissolve, same CoP: every decision is in the file or was refused', async () => {
    const outcomes = await pairs(PAIRS, async () => {
      const root = small();
      const [a, b] = await Promise.all([runAsync(root, dissolveArgs('aws', 'low-participation', 'p2')), runAsync(root, dissolveArgs('aws', 'not-strategic', 'p3'))]);
      const text = readFileSync(join(root, 'cops/aws/charter.yaml'), 'utf8');
      for (const [run, by] of [[a, 'p2'], [b, 'p3']] as const) {
        if (run.status === 0) expect(text).toContain(`decided_by: ${by}`);
        else expect(run.stderr).toMatch(/changed by someone else|being changed by another cop run|only an active CoP can be dissolved/);
      }
      expect([a.status, b.status]).toContain(0);
      expect(listing(join(root, 'cops/aws'))).toEqual(['charter.yaml', 'meetings']);
      return [a.status, b.status];
    });
    expect(outcomes).toHaveLength(PAIRS);
  });

  it('dissolve, different CoPs: both decisions are kept', async () => {
    await pairs(PAIRS, async () => {
      const root = small();
      const [a, b] = await Promise.all([runAsync(root, dissolveArgs('aws')), runAsync(root, dissolveArgs('gcp'))]);
      for (const [run, id] of [[a, 'aws'], [b, 'gcp']] as const) {
        if (run.status === 0) expect(readFileSync(join(root, `cops/${id}/charter.yaml`), 'utf8')).toContain('status: dissolved');
        else expect(run.stderr).toMatch(/changed by someone else|being changed by another cop run/);
      }
    });
  });

  // Two meetings of that day (their own titles: a second log of one title is refused as a duplicate).
  it('log, same CoP and day: two files (the second -2), never a clobber', async () => {
    await pairs(PAIRS, async () => {
      const root = small();
      const [a, b] = await Promise.all([runAsync(root, logArgs('aws', 'Pairs, morning')), runAsync(root, logArgs('aws', 'Pairs, afternoon'))]);
      expect([a.stderr, b.stderr]).toEqual(['', '']);
      expect([a.status, b.status]).toEqual([0, 0]);
      expect(listing(join(root, 'cops/aws/meetings'))).toEqual(['2026-10-14.yaml', '2026-11-02-2.yaml', '2026-11-02.yaml']);
    });
  });
});
