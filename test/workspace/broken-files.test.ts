/**
 * The issue's promise, end to end through the built CLI: a malformed file, a file that is not
 * YAML, an empty file and a billion-laughs file each give a finding with file and line and exit 1,
 * never a stack trace. (Needs `npm run build`.)
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/render/diagnostics/json.js';
import { runCli, writeRoot } from '../helpers/cli.js';
import { charter, meeting, people } from '../helpers/workspace.js';

const LAUGHS = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
  .concat(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`))
  .join('\n');

const CASES: [string, string | Buffer, string, number][] = [
  ['a malformed file', 'date: 2026-10-14\ntitle: a: b\nformat: clinic\n', 'yaml-syntax', 2],
  // yaml notices the missing quote where the text ends: after the last line.
  ['an unterminated quote', 'date: 2026-10-14\ntitle: "unterminated\nformat: clinic\n', 'yaml-syntax', 4],
  ['a file that is not YAML', 'This is just a sentence, written by mistake.\n', 'schema', 1],
  ['an empty file', '', 'yaml-syntax', 1],
  ['a file of comments only', '# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n', 'yaml-syntax', 1],
  ['a billion-laughs file', LAUGHS + '\n', 'yaml-syntax', 1],
  ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]), 'file', 1],
  ['a duplicate key', 'date: 2026-10-14\ntitle: a\ntitle: b\n', 'duplicate-key', 3],
];

describe('cop check on broken files', () => {
  for (const [what, content, ruleId, line] of CASES) {
    it(`reports ${what} with file and line, exit 1, no stack trace`, () => {
      const root = writeRoot({ people: people(), cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14'), meeting('2026-10-01')] } } });
      writeFileSync(join(root, 'cops/aws/meetings/2026-10-14.yaml'), content);
      const result = runCli(['check', '--root', root, '--as-of', '2026-11-20', '--format', 'json']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.diagnostics).toHaveLength(1);
      expect(report.diagnostics[0]).toMatchObject({ file: 'cops/aws/meetings/2026-10-14.yaml', line, severity: 'error', ruleId });
      expect(report.summary.files).toBe(4);

      const stylish = runCli(['check', '--root', root, '--as-of', '2026-11-20']);
      expect(stylish.status).toBe(1);
      expect(stylish.stderr).toBe('');
      expect(stylish.stdout).toMatch(new RegExp(`cops/aws/meetings/2026-10-14\\.yaml\\n\\s+${line}:\\d+\\s+error`));
      expect(stylish.stdout + stylish.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    });
  }

  it('refuses a meeting file linked out of the root, exit 1', () => {
    const outside = writeRoot({ cops: { x: { meetings: [meeting('2026-10-14')] } } });
    const root = writeRoot({ people: people(), cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-01')] } } });
    symlinkSync(join(outside, 'cops/x/meetings/2026-10-14.yaml'), join(root, 'cops/aws/meetings/2026-10-14.yaml'));
    const result = runCli(['check', '--root', root, '--as-of', '2026-11-20', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ file: 'cops/aws/meetings/2026-10-14.yaml', line: 1, ruleId: 'file', message: 'Symbolic link to a place outside the data root: not read.' }),
    ]);
  });
});
