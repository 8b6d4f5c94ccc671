import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkspace } from '../../src/lint/lint-workspace.js';
import { writeRoot } from '../helpers/cli.js';
import { charter, meeting, people } from '../helpers/workspace.js';

/** A data root whose cop.config.yaml is the `$schema` comment (line 1) and then `config`. */
const root = (config: string) => {
  const dir = writeRoot({ people: people(), cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14', { recording: undefined })] } } });
  writeFileSync(join(dir, 'cop.config.yaml'), `# yaml-language-server: $schema=https://unpkg.com/cops-as-code/schemas/config.schema.json\n${config}`);
  return dir;
};

describe('lintWorkspace and cop.config.yaml rules', () => {
  it('lints with the defaults: a missing recording is a warning', async () => {
    const outcome = await lintWorkspace(root('organisation: Acme\n'), '2026-11-20');
    expect(outcome.kind).toBe('linted');
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.severity, d.file])).toEqual([['meeting-recording', 'warn', 'cops/aws/meetings/2026-10-14.yaml']]);
  });

  it('applies an override from the config', async () => {
    const outcome = await lintWorkspace(root('rules:\n  meeting-recording: error\n'), '2026-11-20');
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['meeting-recording', 'error']]);
  });

  it('switches a rule off', async () => {
    const outcome = await lintWorkspace(root('rules:\n  meeting-recording: off\n'), '2026-11-20');
    expect(outcome).toMatchObject({ kind: 'linted', diagnostics: [] });
  });

  it('stops with a config error at the key of an unknown rule id', async () => {
    const outcome = await lintWorkspace(root('organisation: Acme\nrules:\n  meeting-recording: off\n  meeting-recordings: warn\n'), '2026-11-20');
    expect(outcome.kind).toBe('config-error');
    expect(outcome.diagnostics).toHaveLength(1);
    expect(outcome.diagnostics[0]).toMatchObject({ ruleId: 'config', severity: 'error', file: 'cop.config.yaml', start: { line: 5, column: 3 } });
    expect(outcome.diagnostics[0]!.message).toMatch(/Unknown rule `meeting-recordings`\. Did you mean meeting-recording\?/);
  });

  it('stops with a config error on a core check', async () => {
    const outcome = await lintWorkspace(root('rules:\n  schema: off\n'), '2026-11-20');
    expect(outcome.kind).toBe('config-error');
    expect(outcome.diagnostics[0]).toMatchObject({ ruleId: 'config', start: { line: 3, column: 3 } });
    expect(outcome.diagnostics[0]!.message).toMatch(/core check/);
  });

  it('stops with a config error on a bad severity, naming the allowed values', async () => {
    const outcome = await lintWorkspace(root('rules:\n  meeting-recording: warning\n'), '2026-11-20');
    expect(outcome.kind).toBe('config-error');
    expect(outcome.diagnostics).toHaveLength(1);
    expect(outcome.diagnostics[0]).toMatchObject({ ruleId: 'schema', file: 'cop.config.yaml', start: { line: 3, column: 22 } });
    expect(outcome.diagnostics[0]!.message).toBe('`rules.meeting-recording` must be one of: off, warn, error (found "warning"). Did you mean `warn`?');
  });
});
