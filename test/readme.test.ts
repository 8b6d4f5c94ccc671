import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORE_CHECKS } from '../src/rules/core.js';
import { RULES } from '../src/rules/index.js';
import { REPO_ROOT } from './helpers/cli.js';

const readme = readFileSync(`${REPO_ROOT}README.md`, 'utf8');

describe('README', () => {
  it('lists every lint rule with its default severity', () => {
    const rows = new Map([...readme.matchAll(/^\| `([a-z-]+)` \| (error|warn)( \(core\))? \|/gm)].map((m) => [m[1], m[2]]));
    for (const meta of CORE_CHECKS) expect(rows.get(meta.id), meta.id).toBe('error');
    for (const { meta } of RULES) expect(rows.get(meta.id), meta.id).toBe(meta.defaultSeverity);
    expect(rows.size).toBe(CORE_CHECKS.length + RULES.length);
  });

  it('starts with the two quick-start commands that .ci/run runs', () => {
    const ci = readFileSync(`${REPO_ROOT}.ci/run`, 'utf8');
    expect(readme).toContain('npm ci && npx cop check');
    expect(ci).toContain('npm ci && npx cop check');
    expect(ci).toMatch(/^npm test$/m);
  });
});
