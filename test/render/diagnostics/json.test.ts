import { describe, expect, it } from 'vitest';
import { json, type JsonReport } from '../../../src/render/diagnostics/json.js';
import { ANSI, makeCleanReport, makeReport, ROOT, suppressedFinding, TRICKY_MESSAGE } from './fixture.js';

describe('json format', () => {
  it('prints the documented shape, in order, sorted, with optional ends omitted', () => {
    const out = json(makeReport({ color: true }));
    const parsed = JSON.parse(out) as JsonReport;
    expect(Object.keys(parsed)).toEqual(['version', 'tool', 'summary', 'diagnostics', 'suppressed']);
    expect(parsed.version).toBe(1);
    expect(parsed.tool).toEqual({ name: 'cop', version: '0.1.0' });
    expect(Object.keys(parsed.summary)).toEqual(['errors', 'warnings', 'files', 'suppressed']);
    expect(parsed.summary).toEqual({ errors: 2, warnings: 1, files: 5, suppressed: 0 });
    expect(parsed.diagnostics).toEqual([
      {
        file: 'cops/aws/charter.yaml',
        line: 3,
        column: 5,
        endLine: 3,
        endColumn: 9,
        severity: 'error',
        ruleId: 'person-exists',
        message: 'Lead "jdoe" is not in people.yaml',
        docs: 'https://docs.example.com/rules/person-exists.md',
      },
      {
        file: 'cops/aws/charter.yaml',
        line: 12,
        column: 3,
        endLine: 12,
        endColumn: 17,
        severity: 'warning',
        ruleId: 'budget-within-limit',
        message: TRICKY_MESSAGE,
      },
      {
        file: 'cops/data/meetings/2024-01-01.yaml',
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: 'schema',
        message: "must have required property 'date'",
      },
    ]);
    expect(Object.keys(parsed.diagnostics[0]!)).toEqual([
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'severity',
      'ruleId',
      'message',
      'docs',
    ]);
    expect('endLine' in parsed.diagnostics[2]!).toBe(false);
  });

  it('is pretty-printed with two spaces and a trailing newline, without colour or absolute paths', () => {
    const out = json(makeReport({ color: true }));
    expect(out).toBe(`${JSON.stringify(JSON.parse(out), null, 2)}\n`);
    expect(out.startsWith('{\n  "version": 1,\n')).toBe(true);
    expect(out).not.toMatch(ANSI);
    expect(out).not.toContain(ROOT);
  });

  it('links each finding to its rule page, and lists suppressed findings with their reason', () => {
    const parsed = JSON.parse(json(makeReport({ suppressed: [suppressedFinding] }))) as JsonReport;
    expect(parsed.diagnostics.find((d) => d.ruleId === 'person-exists')!.docs).toBe('https://docs.example.com/rules/person-exists.md');
    expect(parsed.diagnostics.find((d) => d.ruleId === 'schema')!.docs).toBeUndefined();
    expect(parsed.suppressed).toEqual([
      expect.objectContaining({ ruleId: 'person-exists', file: 'cops/pilot/charter.yaml', suppression: { kind: 'next-line', justification: 'pilot approved by the CTO', line: 2 } }),
    ]);
  });

  it('lists the rules a file kept from running under `skipped`, only when there are any', () => {
    const skipped = [{ file: 'cops/aws/charter.yaml', rules: ['codeowners-current', 'readme-current'] }];
    const parsed = JSON.parse(json({ ...makeReport(), skipped })) as JsonReport;
    expect(Object.keys(parsed)).toEqual(['version', 'tool', 'summary', 'diagnostics', 'suppressed', 'skipped']);
    expect(parsed.skipped).toEqual(skipped);
    expect(JSON.parse(json({ ...makeReport(), skipped: [] }))).not.toHaveProperty('skipped');
  });

  it('reports a clean run', () => {
    expect(JSON.parse(json(makeCleanReport()))).toEqual({
      version: 1,
      tool: { name: 'cop', version: '0.1.0' },
      summary: { errors: 0, warnings: 0, files: 42, suppressed: 0 },
      diagnostics: [],
      suppressed: [],
    });
  });
});
