/** Names a Windows clone could not hold: reserved device ids, and CoP folders differing only in case. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../src/schema/validator.js';
import { discoverDataFiles } from '../../src/workspace/discover.js';
import { charter } from '../helpers/workspace.js';

describe('reserved Windows device names', () => {
  const validate = createValidator();
  for (const id of ['con', 'prn', 'aux', 'nul', 'com1', 'com9', 'lpt1', 'lpt9']) {
    it(`refuses the CoP id \`${id}\``, () => {
      const issues = validate('charter', charter(id));
      expect(issues.map((i) => i.message)).toEqual([expect.stringMatching(/not a name Windows reserves/)]);
    });
  }
  for (const id of ['console', 'conf', 'com10', 'lpt', 'aux-tools', 'null']) {
    it(`accepts the CoP id \`${id}\``, () => {
      expect(validate('charter', charter(id))).toEqual([]);
    });
  }
});

describe('CoP folders that differ only in case', () => {
  it('are a finding on the second folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cop-case-'));
    for (const id of ['aws', 'AWS']) {
      mkdirSync(join(root, 'cops', id), { recursive: true });
      writeFileSync(join(root, 'cops', id, 'charter.yaml'), '');
    }
    writeFileSync(join(root, 'people.yaml'), 'people: []\n');
    const found = discoverDataFiles(root);
    expect(found.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'file', file: 'cops/aws', message: 'The folder differs from cops/AWS only in case: Windows and macOS cannot hold both. Rename one.' }),
    ]);
  });
});
