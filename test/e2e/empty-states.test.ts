/** Empty outputs say what to do next (#23): a new organisation's ls, health and report, and filters that match nothing. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

describe('empty states', () => {
  it('a new organisation is pointed at cop new', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cop-empty-'));
    expect((await runInProcess(['init', '--yes'], root)).status).toBe(0);
    const people = join(root, 'people.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace('replace-with-cto-handle', 'acme-cto'));
    const run = (...args: string[]) => runInProcess([...args, '--as-of', '2026-12-05'], root);
    expect((await run('codeowners', '--write')).status).toBe(0);
    expect((await run('ls')).stdout).toBe('No CoP yet (as of 2026-12-05): `cop new` proposes one.\n');
    expect((await run('health')).stdout).toContain('No CoP yet: `cop new` proposes one.');
    expect((await run('report')).stdout).toContain('No CoP exists yet: `cop new` proposes one');
  });

  it('filters that match nothing, and CoPs not yet active, say how to see more', async () => {
    const root = copyOrganisation();
    const run = (...args: string[]) => runInProcess([...args, '--as-of', AS_OF], root);
    expect((await run('ls', '--status', 'proposed', '--sponsor', 'lucy.chen')).stdout).toBe(`No CoP matches these filters (as of ${AS_OF}): \`cop ls\` lists every CoP.\n`);
    expect((await run('health', 'security')).stdout).toContain('None of these CoPs is active, so none is judged: `cop activate <id>`');
    expect((await run('health')).stdout).not.toContain('None of these CoPs');
  });
});
