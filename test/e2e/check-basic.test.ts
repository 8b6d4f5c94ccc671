import { describe, expect, it } from 'vitest';
import { charter, meeting, people } from '../helpers/workspace.js';
import { runCli, writeRoot } from '../helpers/cli.js';

describe('cop check on a written root', () => {
  it('passes a valid root with exit 0', () => {
    const root = writeRoot({ people: people(), cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14')] } } });
    const result = runCli(['check', '--root', root, '--as-of', '2026-11-20']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/No problems in 3 files/);
    expect(result.status).toBe(0);
  });

  it('reports an unknown attendee with file and line, exit 1', () => {
    const root = writeRoot({ people: people(), cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-10-14', { attendees: ['p1', 'nobody'] })] } } });
    const result = runCli(['check', '--root', root, '--as-of', '2026-11-20']);
    expect(result.stdout).toMatch(/cops\/aws\/meetings\/2026-10-14\.yaml\n\s+\d+:\d+\s+error\s+Unknown attendee `nobody`/);
    expect(result.status).toBe(1);
  });
});
