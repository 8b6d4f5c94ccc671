import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const asOf = ['--as-of', AS_OF];

describe('cop members prune on a copy of the bundled organisation', () => {
  it('dry-runs by default: lists who would move, changes nothing', () => {
    const root = copyOrganisation();
    const file = join(root, 'cops', 'aws', 'charter.yaml');
    const before = readFileSync(file, 'utf8');
    const result = runCli(['members', 'prune', 'aws', '--months', '3', '--root', root, ...asOf]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'aws: 1 of 12 members attended no meeting held in the 3 months after 2026-08-20 (to 2026-11-20), to move to alumni:\n' +
        '  callum.reid  last attended 2026-06-18\n' +
        'Dry run: nothing was changed. 11 members would remain. Run again with --write to record it (left 2026-11-20).\n',
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('--write moves them to alumni keeping every other byte and CRLF line endings, and cop check still passes', () => {
    const root = copyOrganisation();
    const file = join(root, 'cops', 'aws', 'charter.yaml');
    const before = readFileSync(file, 'utf8').replaceAll('\n', '\r\n');
    writeFileSync(file, before);
    const result = runCli(['members', 'prune', 'aws', '--months', '3', '--write', '--root', root, ...asOf, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ schema_version: 1, cop: 'aws', months: 3, members: 12, remaining: 11, written: true, prune: [{ person: 'callum.reid', lastAttended: '2026-06-18' }] });

    const after = readFileSync(file, 'utf8');
    const withoutCallum = before.replace('  - callum.reid\r\n', '');
    expect(withoutCallum).not.toBe(before);
    expect(after).toBe(
      withoutCallum +
        '\r\n# Former members, with the day they left: recorded with `cop members prune`.\r\nalumni:\r\n  - person: callum.reid\r\n    left: 2026-11-20\r\n    note: attended no meeting held after 2026-08-20; last attended 2026-06-18\r\n',
    );
    const charter = parse(after) as { members: string[] };
    expect(charter.members).toHaveLength(11);

    const check = runCli(['check', '--root', root, ...asOf]);
    expect(check.stdout).toMatch(/No problems/);
    // Alumni are not members: health's decided-by people for low participation are the 11 members.
    const health = JSON.parse(runCli(['health', 'aws', '--root', root, ...asOf, '--format', 'json']).stdout);
    expect(health.cops[0].level).toBe('ok');
    // A second prune adds to the alumni list rather than adding another `alumni:` key.
    const again = runCli(['members', 'prune', 'aws', '--months', '2', '--write', '--root', root, ...asOf]);
    expect(again.status).toBe(0);
    const twice = parse(readFileSync(file, 'utf8')) as { alumni: { person: string }[]; members: string[] };
    expect(twice.alumni.map((a) => a.person)[0]).toBe('callum.reid');
    expect(twice.alumni.length).toBeGreaterThan(1);
    expect(twice.members.some((m) => twice.alumni.some((a) => a.person === m))).toBe(false);
  });

  it('refuses to write a result below the minimum membership, and an unknown CoP with a suggestion', () => {
    const root = copyOrganisation();
    const file = join(root, 'cops', 'mobile', 'charter.yaml');
    const before = readFileSync(file, 'utf8');
    const dry = runCli(['members', 'prune', 'mobile', '--months', '2', '--root', root, ...asOf]);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/4 members would remain, below the policy's minimum of 5/);
    const write = runCli(['members', 'prune', 'mobile', '--months', '2', '--write', '--root', root, ...asOf]);
    expect(write.status).toBe(1);
    expect(write.stderr).toMatch(/was not changed: after pruning `cop check` would report\n.*An active CoP needs at least 5 members; 4 listed/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    // A script that asked for JSON still gets JSON: the plan, not written, and why.
    const json = runCli(['members', 'prune', 'mobile', '--months', '2', '--write', '--format', 'json', '--root', root, ...asOf]);
    expect(json.status).toBe(1);
    const plan = JSON.parse(json.stdout) as { written: boolean; refused: string[]; prune: unknown[] };
    expect(plan.written).toBe(false);
    expect(plan.prune.length).toBeGreaterThan(0);
    expect(plan.refused.join('\n')).toContain('An active CoP needs at least 5 members; 4 listed');
    expect(readFileSync(file, 'utf8')).toBe(before);

    const unknown = runCli(['members', 'prune', 'mobil', '--root', root, ...asOf]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('cop: No CoP `mobil` with a charter. Did you mean `mobile`?\n');
    const proposed = runCli(['members', 'prune', 'security', '--root', root, ...asOf]);
    expect(proposed.stdout).toBe('security: nothing to prune: the CoP is proposed.\n');
  });

  it('--write refuses a multi-line flow `members` list with comments rather than dropping them, leaving the file untouched', async () => {
    const root = copyOrganisation();
    const file = join(root, 'cops', 'aws', 'charter.yaml');
    const original = readFileSync(file, 'utf8');
    const block = /^members:\n(?: {2}- .*\n)+/m.exec(original)![0];
    const ids = block.split('\n').slice(1, -1).map((line) => line.replace('  - ', ''));
    const flow = `members: [${ids.slice(0, 3).join(', ')}, # on leave: DO NOT REMOVE\n  ${ids.slice(3).join(', ')}]\n`;
    const before = original.replace(block, flow);
    writeFileSync(file, before);
    const result = await runInProcess(['members', 'prune', 'aws', '--months', '3', '--write', ...asOf], root);
    expect(result.stderr).toBe(
      'cop: cops/aws/charter.yaml: `members` is a flow list (`[a, b]`) with comments in it, and taking items out of it would drop them: turn `members` into a block list (one `- id` per line, each comment where it belongs) and run again. Nothing was changed.\n',
    );
    expect(result.status).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
