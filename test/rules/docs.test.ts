/**
 * Every rule's page under docs/rules/ agrees with its meta, and its examples are real: each
 * invalid example, applied to the example organisation (docs/rules/example/), makes exactly that
 * rule fire; each valid example leaves no finding at all.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkspace } from '../../src/lint/lint-workspace.js';
import { CORE_CHECKS } from '../../src/rules/core.js';
import { readRulePage, ruleDocsUrl } from '../../src/rules/docs.js';
import { CONFIGURABLE_CHECKS } from '../../src/rules/index.js';
import { REPO_ROOT } from '../helpers/cli.js';

const EXAMPLE = join(REPO_ROOT, 'docs', 'rules', 'example');
const AS_OF = '2026-11-20';
/** A check whose failing input cannot be written as text (binary, oversized, a link): its own tests cover it. */
const NO_EXAMPLES = new Set(['file']);

interface Example {
  file: string;
  text: string;
  /** The block is the whole file, not fields that replace the example's. */
  whole: boolean;
}

function section(page: string, title: string): string {
  const start = page.indexOf(`\n## ${title}\n`);
  if (start === -1) return '';
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end === -1 ? undefined : end);
}

function examples(page: string, title: string): Example[] {
  return [...section(page, title).matchAll(/^```\w+ file=(\S+)( whole)?\n([\s\S]*?)^```$/gm)].map(([, file, whole, text]) => ({ file: file!, text: text!, whole: whole !== undefined }));
}

/** Replaces the top-level keys the fragment names (each key's whole block) and appends the fragment, comments and all. */
function mergeFields(base: string, fragment: string): string {
  const keys = new Set([...fragment.matchAll(/^([a-z_]+):/gm)].map((m) => m[1]));
  const kept: string[] = [];
  let dropping = false;
  for (const line of base.split('\n')) {
    const key = /^([a-z_]+):/.exec(line)?.[1];
    if (key !== undefined) dropping = keys.has(key);
    else if (/^\S/.test(line)) dropping = false;
    if (!dropping) kept.push(line);
  }
  return `${kept.join('\n').trimEnd()}\n${fragment}`;
}

async function lintWith(found: readonly Example[]) {
  const root = mkdtempSync(join(tmpdir(), 'cop-rule-docs-'));
  cpSync(EXAMPLE, root, { recursive: true });
  for (const { file, text, whole } of found) {
    const path = join(root, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, whole || !existsSync(path) ? text : mergeFields(readFileSync(path, 'utf8'), text));
  }
  const outcome = await lintWorkspace(root, AS_OF);
  return outcome.diagnostics;
}

describe('rule documentation pages', () => {
  it('the example organisation itself is clean', async () => {
    expect(await lintWith([])).toEqual([]);
  });

  for (const meta of [...CORE_CHECKS, ...CONFIGURABLE_CHECKS]) {
    describe(meta.id, () => {
      const page = readRulePage(meta.id);

      it('has a page that agrees with the rule meta, linked from the meta', () => {
        expect(page, `docs/rules/${meta.id}.md`).toBeDefined();
        expect(page!.startsWith(`# ${meta.id}\n\n> ${meta.description}\n`)).toBe(true);
        const core = CORE_CHECKS.includes(meta);
        expect(page).toContain(core ? 'core check: always an error' : `default severity \`${meta.defaultSeverity}\``);
        for (const title of ['Why', 'Options', 'How to suppress']) expect(section(page!, title), title).not.toBe('');
        expect(meta.docs).toBe(ruleDocsUrl(meta.id));
      });

      if (NO_EXAMPLES.has(meta.id)) return;

      it('its invalid example makes exactly this rule fire', async () => {
        const invalid = examples(page!, 'Invalid');
        expect(invalid.length).toBeGreaterThan(0);
        const fired = await lintWith(invalid);
        expect(fired.length).toBeGreaterThan(0);
        expect(fired.map((d) => `${d.ruleId}: ${d.message}`).filter((line) => !line.startsWith(`${meta.id}:`))).toEqual([]);
      });

      it('its valid example has no finding at all', async () => {
        const valid = examples(page!, 'Valid');
        expect(valid.length).toBeGreaterThan(0);
        expect((await lintWith(valid)).map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
      });
    });
  }
});
