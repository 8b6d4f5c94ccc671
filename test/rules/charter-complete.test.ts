import { describe, expect, it } from 'vitest';
import { charterComplete } from '../../src/rules/charter-complete.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const FILE = 'cops/aws/charter.yaml';
const only = (c: ReturnType<typeof charter>) => runRule(charterComplete, workspace({ cops: { aws: { charter: c } } }));

describe('charter-complete', () => {
  it('accepts an active charter with a sponsor, a rationale and a goal', () => {
    expect(only(charter('aws'))).toEqual([]);
  });

  it('reports a proposed CoP without a sponsor, at the file root', () => {
    const findings = only(charter('aws', { status: 'proposed', sponsor: undefined }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: [] });
    expect(findings[0]!.message).toMatch(/No `sponsor`/);
  });

  it('reports a rationale that is only white space', () => {
    const findings = only(charter('aws', { rationale: '   ' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: [] });
    expect(findings[0]!.message).toMatch(/No `rationale`/);
  });

  it('reports an absent rationale', () => {
    const findings = only(charter('aws', { rationale: undefined }));
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/No `rationale`/)]);
  });

  it('reports an empty goals list at `goals`', () => {
    const findings = only(charter('aws', { goals: [] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: ['goals'] });
    expect(findings[0]!.message).toMatch(/No `goals`/);
  });

  it('reports absent goals at the file root', () => {
    const findings = only(charter('aws', { goals: undefined }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: FILE, path: [] });
  });

  it('reports all three gaps at once', () => {
    const findings = only(charter('aws', { sponsor: undefined, rationale: undefined, goals: undefined }));
    expect(findings).toHaveLength(3);
  });

  it('does not judge a dissolved CoP', () => {
    const c = charter('aws', {
      status: 'dissolved',
      sponsor: undefined,
      rationale: undefined,
      goals: undefined,
      dissolved: { date: '2026-06-01', reason: 'not-strategic', decided_by: 'p1' },
    });
    expect(only(c)).toEqual([]);
  });
});
