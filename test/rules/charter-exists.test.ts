import { describe, expect, it } from 'vitest';
import { charterExists } from '../../src/rules/charter-exists.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

describe('charter-exists', () => {
  it('accepts a folder with its charter.yaml', () => {
    expect(runRule(charterExists, workspace({ cops: { aws: { charter: charter('aws') } } }))).toEqual([]);
  });

  it('does not report a charter.yaml that exists but failed to load (its own finding says why)', () => {
    expect(runRule(charterExists, workspace({ cops: { aws: { hasCharterFile: true } } }))).toEqual([]);
  });

  it('reports a folder without charter.yaml, at the missing charter file', () => {
    const findings = runRule(charterExists, workspace({ cops: { aws: { hasCharterFile: false } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'cops/aws/charter.yaml', path: [] });
    expect(findings[0]!.message).toMatch(/cops\/aws\/ has no charter\.yaml/);
    expect(findings[0]!.message).toMatch(/cop new aws/);
    expect(findings[0]!.message).not.toMatch(/meeting logs/);
  });

  it('says when the folder holds meeting logs', () => {
    const findings = runRule(charterExists, workspace({ cops: { aws: { hasCharterFile: false, meetings: [meeting('2026-10-14')] } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/but holds meeting logs/);
  });

  it('reports each folder without a charter once', () => {
    const ws = workspace({ cops: { aws: { hasCharterFile: false }, gcp: { charter: charter('gcp') }, mobile: { hasCharterFile: false } } });
    expect(runRule(charterExists, ws).map((f) => f.file)).toEqual(['cops/aws/charter.yaml', 'cops/mobile/charter.yaml']);
  });
});
