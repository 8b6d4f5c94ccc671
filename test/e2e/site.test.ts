import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { fileTree } from '../helpers/file-tree.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

describe('cop site', () => {
  it('writes the same bytes for the same data and --as-of', () => {
    const base = mkdtempSync(join(tmpdir(), 'cop-site-e2e-'));
    const first = runCli(['site', '--out', join(base, 'a'), '--as-of', AS_OF]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Wrote \d+ files \(\d+ kB\) to .*a\/: open .*a\/index\.html\n$/);
    expect(runCli(['site', '--out', join(base, 'b'), '--as-of', AS_OF]).status).toBe(0);
    const a = fileTree(join(base, 'a'));
    const b = fileTree(join(base, 'b'));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect([...a.keys()]).toContain('cops/aws.html');
    for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), path).toBe(true);
  });

  it('with policy.anonymise_reports, no file names any person by id or name', () => {
    const root = copyOrganisation();
    const config = readFileSync(join(root, 'cop.config.yaml'), 'utf8').replace('policy:\n', 'policy:\n  anonymise_reports: true\n');
    writeFileSync(join(root, 'cop.config.yaml'), config);
    const out = join(root, 'public');
    const result = runCli(['site', '--out', out, '--as-of', AS_OF, '--format', 'json'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ out: 'public', anonymised: true });
    const text = [...fileTree(out).values()].map((b) => b.toString('utf8')).join('\n').toLowerCase();
    const people = (parse(readFileSync(join(REPO_ROOT, 'people.yaml'), 'utf8')) as { people: { id: string; name: string }[] }).people;
    expect(people.length).toBeGreaterThan(20);
    for (const person of people) {
      expect(text, person.id).not.toContain(person.id.toLowerCase());
      expect(text, person.name).not.toContain(person.name.toLowerCase());
    }
  });

  it('refuses a folder it did not write, and a bad --source-url, with exit 2', () => {
    const out = mkdtempSync(join(tmpdir(), 'cop-site-e2e-'));
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const taken = runCli(['site', '--out', out, '--as-of', AS_OF]);
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('is not empty and was not written by cop site');
    const url = runCli(['site', '--out', join(out, 'x'), '--source-url', 'javascript:alert(1)']);
    expect(url.status).toBe(2);
    expect(url.stderr).toContain('expected an http(s) URL');
  });
});
