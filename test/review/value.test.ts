/**
 * The value-creation matrix of `cop review --org --year` and `cop review <id>` (JSON) against
 * counts this test makes itself from the YAML files of a copy of the bundled organisation, to which
 * a second recorded review (a goal revised, one dropped, a story in a third cycle) and a cancelled
 * meeting are added.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Nodes, Table } from 'mdast';
import { parse } from 'yaml';
import { runInProcess } from '../helpers/in-process.js';
import { parseMarkdown } from '../helpers/markdown.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

/** The text a Markdown node shows (its inline HTML, such as a cell's <br>, aside). */
const toString = (node: Nodes): string => (node.type === 'html' ? '' : 'value' in node ? node.value : 'children' in node ? node.children.map(toString).join('') : '');

const CYCLES = ['immediate', 'potential', 'applied', 'realised', 'reframing'];

interface Row {
  cycle: string;
  indicators: { id: string; value: number }[];
  stories: { file: string; text: string }[];
  gap: boolean;
}

function organisationWithMore(): string {
  const root = copyOrganisation();
  writeFileSync(
    join(root, 'cops/aws/reviews/2026-10-21.yaml'),
    [
      'date: 2026-10-21',
      'period: { from: 2026-09, to: 2026-10 }',
      'participants: [lucy.chen, stacy.leblanc]',
      'goals:',
      '  - { goal: unblock, outcome: keep, evidence: Clinics still full., next_review: 2027-01-21 }',
      '  - { goal: deepen, outcome: revise, evidence: Narrow it to serverless., next_review: 2027-01-21 }',
      '  - { goal: emerging, outcome: drop, evidence: Covered by the platform CoP. }',
      'stories:',
      '  - { cycle: reframing, teller: lucy.chen, text: We stopped counting sessions and started counting problems solved. }',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(root, 'cops/aws/meetings/2026-10-29.yaml'),
    'date: 2026-10-29\ntitle: Extra clinic\nformat: clinic\nduration_minutes: 60\nattendees: []\ncancelled: true\nreason: The host was ill.\n',
  );
  return root;
}

/** The test's own count of a CoP's matrix for the months from–to (both included) up to AS_OF. */
function expectedMatrix(root: string, cop: string, from: string, to: string): Row[] {
  const inPeriod = (date: string) => date.slice(0, 7) >= from && date.slice(0, 7) <= to && date <= AS_OF;
  const load = (folder: string) => {
    const dir = join(root, 'cops', cop, folder);
    return existsSync(dir) ? readdirSync(dir).sort().map((name) => ({ file: `cops/${cop}/${folder}/${name}`, data: parse(readFileSync(join(dir, name), 'utf8')) })) : [];
  };
  const held = load('meetings').map((m) => m.data).filter((m) => inPeriod(String(m.date)) && m.cancelled !== true);
  const reviews = load('reviews').filter((r) => inPeriod(String(r.data.date)));
  const outcomes = reviews.flatMap((r) => r.data.goals.map((g: { outcome: string }) => g.outcome));
  const made = load('outputs').map((o) => o.data).filter((o) => inPeriod(String(o.date)));
  const outputCounts: Record<string, number> = {};
  for (const o of made) outputCounts[`outputs:${o.kind}:${o.audience}`] = (outputCounts[`outputs:${o.kind}:${o.audience}`] ?? 0) + 1;
  const sortedOutputCounts = Object.fromEntries(Object.entries(outputCounts).sort(([a], [b]) => (a < b ? -1 : 1)));
  const stories = (cycle: string) =>
    reviews.flatMap((r) => (r.data.stories ?? []).filter((s: { cycle: string }) => s.cycle === cycle).map((s: { text: string }) => ({ file: r.file, text: s.text })));
  const counts: Record<string, Record<string, number>> = {
    immediate: {
      meetings: held.length,
      participants: new Set(held.flatMap((m) => m.attendees)).size,
      guests: new Set(held.flatMap((m) => (m.guests ?? []).map((g: { name: string; organisation: string }) => `${g.name}|${g.organisation}`))).size,
    },
    // Outputs by kind and audience (each pair that occurs, sorted), then the recordings.
    potential: { ...sortedOutputCounts, recordings: held.filter((m) => m.recording).length },
    applied: { 'handoffs-accepted': made.filter((o) => o.handoff?.status === 'accepted').length },
    realised: { 'handoffs-done': made.filter((o) => o.handoff?.status === 'done').length },
    reframing: { 'goals-revised': outcomes.filter((o: string) => o === 'revise').length, 'goals-dropped': outcomes.filter((o: string) => o === 'drop').length },
  };
  return CYCLES.map((cycle) => ({
    cycle,
    indicators: Object.entries(counts[cycle]!).map(([id, value]) => ({ id, value })),
    stories: stories(cycle),
    gap: stories(cycle).length === 0 && Object.values(counts[cycle]!).every((v) => v === 0),
  }));
}

const shape = (rows: Row[]): Row[] =>
  rows.map((r) => ({ cycle: r.cycle, indicators: r.indicators.map(({ id, value }) => ({ id, value })), stories: r.stories.map(({ file, text }) => ({ file, text })), gap: r.gap }));

describe('the value-creation matrix equals the counts made from the files', () => {
  it('in cop review --org --year 2026, for every CoP', async () => {
    const root = organisationWithMore();
    const run = await runInProcess(['review', '--org', '--year', '2026', '--as-of', AS_OF, '--format', 'json'], root);
    expect(run.status, run.stderr).toBe(0);
    const org = JSON.parse(run.stdout) as { period: { from: string; to: string }; cops: { id: string; value: Row[] }[] };
    expect(org.cops.length).toBeGreaterThan(3);
    for (const cop of org.cops) expect(shape(cop.value), cop.id).toEqual(expectedMatrix(root, cop.id, org.period.from, org.period.to));
    const aws = org.cops.find((c) => c.id === 'aws')!.value;
    // The data holds something for four cycles of aws, and the matrix does not hide the fifth.
    expect(aws.map((r) => [r.cycle, r.gap])).toEqual([['immediate', false], ['potential', false], ['applied', false], ['realised', true], ['reframing', false]]);
  });

  it('in cop review <id> for a quarter, and in its Markdown, a gap named as one', async () => {
    const root = organisationWithMore();
    const json = JSON.parse((await runInProcess(['review', 'aws', '--quarter', '2026Q3', '--as-of', AS_OF, '--format', 'json'], root)).stdout) as { value: Row[] };
    expect(shape(json.value)).toEqual(expectedMatrix(root, 'aws', '2026-07', '2026-09'));
    const markdown = (await runInProcess(['review', 'aws', '--quarter', '2026Q3', '--as-of', AS_OF], root)).stdout;
    // The table after the "Value created" heading, read back with a Markdown parser: each row's first cell.
    const tree = parseMarkdown(markdown);
    const at = tree.children.findIndex((node) => node.type === 'heading' && toString(node) === 'Value created');
    const table = tree.children.slice(at).find((node) => node.type === 'table');
    expect(table?.type).toBe('table');
    const firstCells = (table as Table).children.slice(1).map((row) => toString(row.children[0]!));
    expect(firstCells).toEqual(json.value.map((r) => (r.gap ? `${r.cycle} (gap)` : r.cycle)));
    // Each story stands in its cycle's row.
    const storyCells = (table as Table).children.slice(1).map((row) => toString(row.children[2]!));
    json.value.forEach((r, i) => r.stories.forEach((story) => expect(storyCells[i]).toContain(story.text)));
  });
});
