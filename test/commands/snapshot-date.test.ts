import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { today } from '../../src/core/dates.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const NOTE = `cop: as of ${AS_OF}, the data root's snapshot date (\`as_of\` in cop.config.yaml; --as-of overrides it).\n`;

describe("cop.config.yaml's as_of: a data root that is a snapshot", () => {
  it('the bundled example is dated the day its tests judge it as of', () => {
    expect(parse(readFileSync(join(REPO_ROOT, 'cop.config.yaml'), 'utf8')).as_of).toBe(AS_OF);
  });

  it('every command judges the data as of that day and says so; --as-of overrides it silently', async () => {
    const root = copyOrganisation();
    const due = await runInProcess(['due', '--format', 'json'], root);
    expect(due.status).toBe(0);
    expect(JSON.parse(due.stdout).asOf).toBe(AS_OF);
    expect(due.stderr).toBe(NOTE);
    // Said once, though cop review reads its context twice (the period is checked before loading).
    expect((await runInProcess(['review', 'aws', '--format', 'json'], root)).stderr).toBe(NOTE);
    const later = await runInProcess(['due', '--format', 'json', '--as-of', '2027-03-01'], root);
    expect(JSON.parse(later.stdout).asOf).toBe('2027-03-01');
    expect(later.stderr).toBe('');
  });

  it("cop check's date rules use it: clean as of the snapshot, warnings months later", async () => {
    const root = copyOrganisation();
    const check = await runInProcess(['check', '--format', 'json'], root);
    expect(check.stderr).toBe(NOTE);
    expect(JSON.parse(check.stdout).summary).toMatchObject({ errors: 0, warnings: 0 });
    const later = await runInProcess(['check', '--format', 'json', '--as-of', '2027-06-01'], root);
    const ruleIds = new Set(JSON.parse(later.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId));
    expect(ruleIds.has('goal-review-due') || ruleIds.has('coordinator-rotation')).toBe(true);
  });

  it('without as_of the day is today, with no note', async () => {
    const root = copyOrganisation();
    const config = join(root, 'cop.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^as_of: .*\n/m, ''));
    const due = await runInProcess(['due', '--format', 'json'], root);
    expect(JSON.parse(due.stdout).asOf).toBe(today());
    expect(due.stderr).toBe('');
  });

  it('an invalid as_of is a configuration error of cop check', async () => {
    const root = copyOrganisation();
    const config = join(root, 'cop.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^as_of: .*\n/m, 'as_of: 2026-02-30\n'));
    const check = await runInProcess(['check', '--format', 'json'], root);
    expect(check.status).toBe(2);
    expect(check.stdout + check.stderr).toMatch(/as_of/);
  });
});
