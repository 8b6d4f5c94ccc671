import { describe, expect, it } from 'vitest';
import { evaluateHealth } from '../../../src/health/evaluate.js';
import { healthJson } from '../../../src/render/health/json.js';
import { healthMarkdown } from '../../../src/render/health/markdown.js';
import { sparkline } from '../../../src/render/health/shared.js';
import { healthTable } from '../../../src/render/health/table.js';
import { charter, meeting, workspace } from '../../helpers/workspace.js';
import { forgeries, nodes, outline, parseMarkdown, textOf } from '../../helpers/markdown.js';

describe('sparkline', () => {
  it('scales to the larger of the policy minimum and the best month, with a dot for no meeting', () => {
    // Scale 0..5 over 8 bars (indices 0..7): 5 → █, 0 → ▁, round(7 * 2 / 5) = 3 → ▄.
    expect(sparkline([{ month: '2026-01', bestAttendance: 5 }, { month: '2026-02', bestAttendance: null }, { month: '2026-03', bestAttendance: 2 }, { month: '2026-04', bestAttendance: 0 }], 5)).toBe('█·▄▁');
    // Scale 0..10: 5 → round(3.5) = 4 → ▅.
    expect(sparkline([{ month: '2026-01', bestAttendance: 10 }, { month: '2026-02', bestAttendance: 5 }], 5)).toBe('█▅');
  });
});

describe('health renderers', () => {
  const low = (date: string) => meeting(date, { attendees: ['p1', 'p2', 'p3'] });
  const ws = workspace({
    cops: {
      aws: { charter: charter('aws'), meetings: [meeting('2026-07-15'), low('2026-08-12'), low('2026-10-14')] },
      ok: { charter: charter('ok'), meetings: [meeting('2026-10-14'), meeting('2026-11-11')] },
    },
  });
  const report = evaluateHealth(ws, '2026-11-20');

  it('prints the table with the evidence of the flagged CoP and no colour when asked', () => {
    const text = healthTable(report, false);
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toMatch(/^aws\s+active\s+flagged\s+low-participation/m);
    expect(text).toMatch(/^ok\s+active\s+ok\s+–/m);
    expect(text).toMatch(/2026-09 {2}no meeting/);
    expect(text).toContain('cops/aws/meetings/2026-10-14.yaml  3 participants');
    expect(text).toContain('decided by the CoP (its members)');
  });

  it('colours the level on a terminal', () => {
    expect(healthTable(report, true)).toMatch(/\u001b\[31m\u001b\[1mflagged/);
  });

  it('prints Markdown with an evidence table per month', () => {
    const text = healthMarkdown(report);
    expect(text).toContain('| `aws` | active | **flagged** | low-participation |');
    expect(text).toContain('| 2026-08 | 3 | `cops/aws/meetings/2026-08-12.yaml` (3) |');
    expect(text).toContain('| 2026-09 | no meeting | – |');
  });

  it('keeps a hostile CoP name or cancellation reason to its heading or cell: the flagged CoP\'s evidence stays visible (issue 22, row 4)', () => {
    const named = (name: string, reason: string) =>
      evaluateHealth(
        workspace({
          cops: {
            aws: { charter: charter('aws', { name }), meetings: [meeting('2026-07-15'), low('2026-08-12'), meeting('2026-09-10', { cancelled: true, reason, attendees: [] }), low('2026-10-14')] },
            ok: { charter: charter('ok'), meetings: [meeting('2026-10-14'), meeting('2026-11-11')] },
          },
        }),
        '2026-11-20',
      );
    const plain = parseMarkdown(healthMarkdown(named('Mobile', 'ill')));
    const tree = parseMarkdown(healthMarkdown(named('Mobile\n\n<!--', 'ill\n| 2026-09 | 9 | forged |\n@acme/everyone')));
    expect(outline(tree)).toEqual(outline(plain));
    expect(forgeries(tree)).toEqual([]);
    const rows = nodes(tree).flatMap(({ node }) => (node.type === 'tableRow' ? [node.children.map(textOf)] : []));
    expect(rows).toContainEqual(['2026-08', '3', 'cops/aws/meetings/2026-08-12.yaml (3)']);
    expect(rows).toContainEqual(['2026-09', 'no meeting', 'cops/aws/meetings/2026-09-10.yaml (cancelled: ill | 2026-09 | 9 | forged | @\u200bacme/everyone)']);
  });

  it('prints the documented JSON shape', () => {
    const json = JSON.parse(healthJson(report));
    expect(Object.keys(json)).toEqual(['version', 'asOf', 'policy', 'cops']);
    expect(Object.keys(json.cops[0])).toEqual(['id', 'name', 'status', 'level', 'triggers', 'warnings', 'trend']);
    expect(json.cops[0].triggers[0]).toMatchObject({ id: 'low-participation', level: 'flagged', decidedBy: { role: 'cop' }, evidence: { run: 3, allowed: 2 } });
  });
});
