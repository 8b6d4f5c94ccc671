/** Deep nesting: one positioned finding, the same in this thread and in a worker, never a stack overflow. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../src/schema/validator.js';
import { parseDataFile } from '../../src/workspace/parse.js';
import { MAX_DEPTH, parseYaml } from '../../src/workspace/yaml-parse.js';
import { runCli } from '../helpers/cli.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const FLOW = (n: number) => `date: 2026-10-14\nnotes: ${'['.repeat(n)}${']'.repeat(n)}\n`;
const BLOCK = (n: number) => `date: 2026-10-14\nnotes:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')}\n`;
const SEQ = (n: number) => `date: 2026-10-14\nnotes:\n  ${'- '.repeat(n)}x\n`;

describe('deep nesting', () => {
  const validate = createValidator();
  for (const [shape, make, line] of [['flow', FLOW, 2], ['block', BLOCK, MAX_DEPTH + 3], ['sequence', SEQ, 3]] as const) {
    it(`a ${shape} nested thousands deep is one finding on its line, not a stack overflow`, () => {
      const parsed = parseDataFile({ file: 'm.yaml', kind: 'meeting' }, make(shape === 'block' ? 3000 : 20_000), validate);
      expect(parsed.data).toBeUndefined();
      expect(parsed.diagnostics).toHaveLength(1);
      expect(parsed.diagnostics[0]).toMatchObject({ ruleId: 'yaml-syntax', message: `Nested more than ${MAX_DEPTH} levels deep: the file was not read.` });
      expect(parsed.diagnostics[0]!.start.line).toBe(line);
    });
  }

  it('accepts nesting up to the limit', () => {
    expect(parseYaml(`a: ${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}\n`).errors).toEqual([]);
    expect(parseYaml(`a: ${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}\n`).errors).toHaveLength(1);
  });

  it('gives the same finding in one thread and in a worker', () => {
    const root = copyOrganisation();
    writeFileSync(join(root, 'cops/aws/meetings/2026-10-14.yaml'), FLOW(50_000));
    const run = (workers: string) => runCli(['check', '--root', root, '--as-of', AS_OF, '--format', 'json'], { env: { COP_WORKERS: workers } });
    const single = run('0');
    const pooled = run('1');
    expect(single.status).toBe(1);
    expect(single.stdout).toMatch(/Nested more than 64 levels deep/);
    expect(pooled).toEqual(single);
  }, 120_000);
});
