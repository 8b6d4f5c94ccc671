import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/model/policy.js';
import { loadConfig, loadWorkspace } from '../../src/workspace/load.js';
import { writeRoot } from '../helpers/cli.js';
import { charter, meeting, output, people } from '../helpers/workspace.js';

describe('loadWorkspace', () => {
  it('assembles config, policy, people, charters and meetings from a root', async () => {
    const root = writeRoot({
      config: { organisation: 'Acme', policy: { min_members: 6 } },
      people: people(6),
      cops: {
        aws: { charter: charter('aws'), meetings: [meeting('2026-10-14'), meeting('2026-09-09'), meeting('2026-10-14', { title: 'Second' })] },
        mobile: { charter: charter('mobile', { status: 'proposed' }) },
      },
    });
    const { workspace, diagnostics } = await loadWorkspace(root);
    expect(diagnostics).toEqual([]);
    expect(workspace.root).toBe(root);
    expect(workspace.config).toEqual({ organisation: 'Acme', policy: { min_members: 6 } });
    expect(workspace.configFile).toBe('cop.config.yaml');
    expect(workspace.policy).toEqual({ ...DEFAULT_POLICY, min_members: 6 });
    expect(workspace.people).toEqual({ file: 'people.yaml', data: people(6) });
    expect(workspace.cops.map((c) => c.id)).toEqual(['aws', 'mobile']);
    const [aws, mobile] = workspace.cops;
    expect(aws).toMatchObject({ id: 'aws', charterFile: 'cops/aws/charter.yaml', hasCharterFile: true, charter: charter('aws') });
    // Sorted by file name, so by date, with the day's second meeting after the first.
    expect(aws!.meetings.map((m) => m.file)).toEqual([
      'cops/aws/meetings/2026-09-09.yaml',
      'cops/aws/meetings/2026-10-14-2.yaml',
      'cops/aws/meetings/2026-10-14.yaml',
    ].sort());
    expect(aws!.meetings.find((m) => m.file.endsWith('-2.yaml'))!.data.title).toBe('Second');
    expect(mobile).toMatchObject({ id: 'mobile', hasCharterFile: true, meetings: [] });
    // config, people, 2 charters, 3 meetings
    expect(workspace.fileCount).toBe(7);
  });

  it('loads each CoP\'s outputs, sorted by file name, and leaves an invalid one out with a schema finding', async () => {
    const talk = output('2026-10-02', { title: 'Lambda cold starts', kind: 'talk', audience: 'public', url: 'https://talks.example.com/lambda' });
    const root = writeRoot({ people: people(6), cops: { aws: { charter: charter('aws'), outputs: [talk, output('2026-09-01', { title: 'Conventions' })] } } });
    writeFileSync(join(root, 'cops/aws/outputs/2026-11-01-broken.yaml'), 'date: 2026-11-01\ntitle: Broken\nkind: blog\naudience: internal\nauthors: [p1]\n');
    const { workspace, diagnostics } = await loadWorkspace(root);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'schema', file: 'cops/aws/outputs/2026-11-01-broken.yaml' })]);
    expect(workspace.cops[0]!.outputs).toEqual([
      { file: 'cops/aws/outputs/2026-09-01-conventions.yaml', data: output('2026-09-01', { title: 'Conventions' }) },
      { file: 'cops/aws/outputs/2026-10-02-lambda-cold-starts.yaml', data: talk },
    ]);
    expect(workspace.cops[0]!.meetings).toEqual([]);
  });

  it('works without cop.config.yaml, and says that people.yaml is missing', async () => {
    const root = writeRoot({ cops: { aws: { charter: charter('aws') } } });
    const { workspace, diagnostics } = await loadWorkspace(root);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'file', severity: 'error', file: 'people.yaml', message: expect.stringMatching(/^There is no people\.yaml/) })]);
    expect(workspace.config).toEqual({});
    expect(workspace.configFile).toBeUndefined();
    expect(workspace.policy).toEqual(DEFAULT_POLICY);
    expect(workspace.people).toBeUndefined();
    expect(workspace.fileCount).toBe(1);
  });

  it('records a cop folder without charter.yaml', async () => {
    const root = writeRoot({ people: people(), cops: { empty: {} } });
    const { workspace } = await loadWorkspace(root);
    expect(workspace.cops).toEqual([{ id: 'empty', charterFile: 'cops/empty/charter.yaml', hasCharterFile: false, meetings: [], outputs: [], reviews: [] }]);
  });

  it('keeps going past broken files and reports each of them', async () => {
    const root = writeRoot({
      people: people(),
      cops: {
        aws: { charter: charter('aws'), meetings: [meeting('2026-08-12'), meeting('2026-09-09'), meeting('2026-10-14')] },
        gcp: { charter: charter('gcp'), meetings: [meeting('2026-10-01')] },
      },
    });
    writeFileSync(join(root, 'cops/aws/meetings/2026-09-09.yaml'), 'date: 2026-09-09\ntitle: [broken\n');
    writeFileSync(join(root, 'cops/aws/meetings/2026-10-14.yaml'), '');
    writeFileSync(join(root, 'cops/gcp/charter.yaml'), 'id: gcp\nstatus: active\n');
    const { workspace, diagnostics } = await loadWorkspace(root);

    expect([...new Set(diagnostics.map((d) => d.file))].sort()).toEqual([
      'cops/aws/meetings/2026-09-09.yaml',
      'cops/aws/meetings/2026-10-14.yaml',
      'cops/gcp/charter.yaml',
    ]);
    expect(diagnostics.find((d) => d.file.endsWith('2026-09-09.yaml'))).toMatchObject({ ruleId: 'yaml-syntax', severity: 'error' });
    expect(diagnostics.find((d) => d.file.endsWith('2026-10-14.yaml'))).toMatchObject({ ruleId: 'yaml-syntax', message: 'The file is empty.' });
    expect(diagnostics.filter((d) => d.file === 'cops/gcp/charter.yaml').every((d) => d.ruleId === 'schema')).toBe(true);

    // What did load is all there; what did not is left out, and the broken charter still counts as present.
    const [aws, gcp] = workspace.cops;
    expect(aws!.charter?.id).toBe('aws');
    expect(aws!.meetings.map((m) => m.file)).toEqual(['cops/aws/meetings/2026-08-12.yaml']);
    expect(gcp).toMatchObject({ hasCharterFile: true, meetings: [{ file: 'cops/gcp/meetings/2026-10-01.yaml' }] });
    expect(gcp!.charter).toBeUndefined();
    expect(workspace.people?.data).toHaveLength(5);
    expect(workspace.fileCount).toBe(7);
  });

  it('leaves people out when people.yaml is broken, and says why', async () => {
    const root = writeRoot({ people: people(), cops: { aws: { charter: charter('aws') } } });
    writeFileSync(join(root, 'people.yaml'), 'people:\n  - id: p1\n    name: P1\n  - id: p1\n    nmae: typo\n');
    const { workspace, diagnostics } = await loadWorkspace(root);
    expect(workspace.people).toBeUndefined();
    expect(diagnostics.map((d) => [d.file, d.ruleId, d.start.line])).toEqual(
      expect.arrayContaining([
        ['people.yaml', 'schema', 5],
        ['people.yaml', 'schema', 4],
      ]),
    );
  });
});

describe('loadConfig', () => {
  it('gives the defaults when cop.config.yaml is absent', () => {
    const root = writeRoot({});
    expect(loadConfig(root)).toEqual({ config: {}, diagnostics: [] });
  });

  it('reads the config and names its file', () => {
    const root = writeRoot({ config: { currency: 'EUR' } });
    expect(loadConfig(root)).toMatchObject({ config: { currency: 'EUR' }, configFile: 'cop.config.yaml', diagnostics: [] });
  });

  it('returns the findings of a broken config and falls back to the defaults', () => {
    const root = writeRoot({ config: { currency: 'EUR' } });
    writeFileSync(join(root, 'cop.config.yaml'), 'currency: euros\n');
    const result = loadConfig(root);
    expect(result.config).toEqual({});
    expect(result.configFile).toBe('cop.config.yaml');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ file: 'cop.config.yaml', ruleId: 'schema', start: { line: 1, column: 11 } });
    expect(result.diagnostics[0]!.message).toMatch(/`currency` must be a three-letter currency code such as GBP/);
    rmSync(root, { recursive: true });
  });
});
