/** `cop health` with outputs: the trigger still counts meeting participants, but the evidence lists the months' outputs. */
import { describe, expect, it } from 'vitest';
import { evaluateHealth } from '../../src/health/evaluate.js';
import type { LowParticipationEvidence } from '../../src/health/types.js';
import { healthMarkdown } from '../../src/render/health/markdown.js';
import { healthTable } from '../../src/render/health/table.js';
import { charter, meeting, output, workspace } from '../helpers/workspace.js';
import { parseMarkdown, textOf } from '../helpers/markdown.js';

const AS_OF = '2026-07-01';
// One meeting in March, then nothing: April to June unreached, flagged. Outputs in May (two) and in February (outside the run).
const ws = () =>
  workspace({
    cops: {
      aws: {
        charter: charter('aws'),
        meetings: [meeting('2026-03-11')],
        outputs: [
          output('2026-02-10', { title: 'Before the run' }),
          output('2026-05-04', { title: 'Cold starts', kind: 'talk', audience: 'public', url: 'https://t.example/x' }),
          output('2026-05-20', { title: 'Guide', kind: 'written-training' }),
        ],
      },
    },
  });

describe('cop health: outputs in the evidence', () => {
  it('stay flagged on meeting participants alone, and list the outputs of the months judged', () => {
    const cop = evaluateHealth(ws(), AS_OF).cops[0]!;
    expect(cop.level).toBe('flagged');
    const evidence = cop.triggers.find((t) => t.id === 'low-participation')!.evidence as LowParticipationEvidence;
    expect(evidence.months).toEqual([
      { month: '2026-04', bestAttendance: null, meetings: [] },
      {
        month: '2026-05',
        bestAttendance: null,
        meetings: [],
        outputs: [
          { file: 'cops/aws/outputs/2026-05-04-cold-starts.yaml', date: '2026-05-04', title: 'Cold starts', kind: 'talk' },
          { file: 'cops/aws/outputs/2026-05-20-guide.yaml', date: '2026-05-20', title: 'Guide', kind: 'written-training' },
        ],
      },
      { month: '2026-06', bestAttendance: null, meetings: [] },
    ]);
  });

  it('print them under their month in the table and in the Markdown', () => {
    const report = evaluateHealth(ws(), AS_OF);
    const table = healthTable(report, false, 120);
    expect(table).toMatch(/2026-05 {2}no meeting\n {6}cops\/aws\/outputs\/2026-05-04-cold-starts\.yaml {2}output: Cold starts \(talk\)\n {6}cops\/aws\/outputs\/2026-05-20-guide\.yaml {2}output: Guide \(written-training\)\n/);
    expect(table).not.toContain('Before the run');
    const tree = parseMarkdown(healthMarkdown(report));
    const may = tree.children.filter((n) => n.type === 'table').flatMap((t) => (t as { children: { children: unknown[] }[] }).children).find((row) => textOf(row.children[0] as never) === '2026-05')!;
    expect(textOf(may.children[2] as never)).toBe('cops/aws/outputs/2026-05-04-cold-starts.yaml (output: Cold starts (talk))<br>cops/aws/outputs/2026-05-20-guide.yaml (output: Guide (written-training))');
  });
});
