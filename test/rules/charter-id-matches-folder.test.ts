import { describe, expect, it } from 'vitest';
import { charterIdMatchesFolder } from '../../src/rules/charter-id-matches-folder.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

describe('charter-id-matches-folder', () => {
  it('accepts a charter whose id is its folder name', () => {
    expect(runRule(charterIdMatchesFolder, workspace({ cops: { aws: { charter: charter('aws') } } }))).toEqual([]);
  });

  it('reports a charter whose id differs from its folder, at `id`', () => {
    const findings = runRule(charterIdMatchesFolder, workspace({ cops: { aws: { charter: charter('amazon') } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'cops/aws/charter.yaml', path: ['id'] });
    expect(findings[0]!.message).toMatch(/`amazon` differs from its folder `cops\/aws\/`/);
  });

  it('asks to rename a folder with a reserved name rather than to copy it into the id', () => {
    const findings = runRule(charterIdMatchesFolder, workspace({ cops: { all: { charter: charter('everyone') } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      "The charter's id `everyone` differs from its folder `cops/all/`, whose name is reserved: `all.ics` is the combined calendar of every CoP (cop calendar, cop site); choose another id: rename the folder to `cops/everyone/`.",
    );
  });

  it('checks every CoP, dissolved ones too', () => {
    const dissolved = charter('old', { status: 'dissolved', dissolved: { date: '2026-06-01', reason: 'not-strategic', decided_by: 'p1' } });
    const ws = workspace({ cops: { aws: { charter: charter('aws') }, legacy: { charter: dissolved } } });
    const findings = runRule(charterIdMatchesFolder, ws);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.file).toBe('cops/legacy/charter.yaml');
  });

  it('skips a folder whose charter did not load', () => {
    expect(runRule(charterIdMatchesFolder, workspace({ cops: { aws: {} } }))).toEqual([]);
  });
});
