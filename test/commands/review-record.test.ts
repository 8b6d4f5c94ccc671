import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const FILE = `cops/aws/reviews/${AS_OF}.yaml`;
const CHARTER = 'cops/aws/charter.yaml';
const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');

/** The recorded review with each goal's outcome written, as the CoP would fill it in. */
function fill(root: string, outcomes: Record<string, string>): void {
  const doc = parseDocument(read(root, FILE));
  for (const [i, entry] of (doc.toJS().goals as { goal: string }[]).entries()) {
    doc.setIn(['goals', i, 'outcome'], outcomes[entry.goal]);
    doc.setIn(['goals', i, 'evidence'], `Evidence for ${entry.goal}.`);
  }
  writeFileSync(join(root, FILE), doc.toString());
}

describe('cop review <id> --record and --apply', () => {
  it('--record writes the draft facts with placeholder judgements, which cop check reports and nothing else', async () => {
    const root = copyOrganisation();
    const draft = JSON.parse((await runInProcess(['review', 'aws', '--as-of', AS_OF, '--format', 'json'], root)).stdout);
    const run = await runInProcess(['review', 'aws', '--record', '--as-of', AS_OF], root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Wrote ${FILE}`);
    const written = parse(read(root, FILE));
    const charter = parse(read(root, CHARTER));
    expect(written).toEqual({
      date: AS_OF,
      period: { from: draft.period.from, to: draft.period.to },
      participants: ['lucy.chen', charter.sponsor],
      goals: charter.goals.map((g: { id: string }) => ({ goal: g.id, outcome: '<outcome>', evidence: '<what shows it>', next_review: '2027-02-20' })),
    });
    // Each goal's entry carries the draft's facts about it as a comment.
    const served = draft.goals.map((g: { servedBy: string[] }) => g.servedBy.length);
    const comments = read(root, FILE).split('\n').filter((line) => /^\s+# \w+ goal, review_by/.test(line));
    expect(comments.map((line) => Number(/served by (\d+) meeting/.exec(line)?.[1] ?? 0))).toEqual(served);

    const check = JSON.parse((await runInProcess(['check', '--as-of', AS_OF, '--format', 'json'], root)).stdout);
    expect(check.diagnostics.map((d: { ruleId: string; file: string }) => `${d.file} ${d.ruleId}`)).toEqual(Array(charter.goals.length * 2).fill(`${FILE} no-placeholder`));

    const again = await runInProcess(['review', 'aws', '--record', '--as-of', AS_OF], root);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/a review of 2026-11-20 is recorded already; nothing was written/);
  });

  it('--apply refuses while outcomes are placeholders, then moves review_by of the kept and revised goals only, keeping the rest of the charter byte for byte', async () => {
    const root = copyOrganisation();
    expect((await runInProcess(['review', 'aws', '--record', '--as-of', AS_OF], root)).status).toBe(0);
    const before = read(root, CHARTER);
    const early = await runInProcess(['review', 'aws', '--apply', '--as-of', AS_OF], root);
    expect(early.status).toBe(1);
    expect(early.stderr).toMatch(/no-placeholder/);
    expect(read(root, CHARTER)).toBe(before);

    fill(root, { unblock: 'keep', deepen: 'revise', emerging: 'achieved' });
    const applied = await runInProcess(['review', 'aws', '--apply', '--as-of', AS_OF], root);
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('goal unblock: review_by 2026-12-16 → 2027-02-20');
    expect(applied.stdout).toContain("What the reviewer will see (`cop diff`):");
    const after = read(root, CHARTER);
    expect(parse(after).goals.map((g: { id: string; review_by: string }) => `${g.id} ${g.review_by}`)).toEqual(['unblock 2027-02-20', 'deepen 2027-02-20', 'emerging 2026-12-16']);
    // Only the two review_by lines differ: comments and layout are kept.
    const changed = before.split('\n').map((line, i) => [line, after.split('\n')[i]]).filter(([a, b]) => a !== b);
    expect(changed).toEqual([
      ['    review_by: 2026-12-16', '    review_by: 2027-02-20'],
      ['    review_by: 2026-12-16', '    review_by: 2027-02-20'],
    ]);
    const check = JSON.parse((await runInProcess(['check', '--as-of', AS_OF, '--format', 'json'], root)).stdout);
    expect(check.diagnostics).toEqual([]);

    const twice = await runInProcess(['review', 'aws', '--apply', '--as-of', AS_OF, '--format', 'json'], root);
    expect(twice.status).toBe(0);
    expect(JSON.parse(twice.stdout)).toMatchObject({ cop: 'aws', review: FILE, moves: [] });
    expect(read(root, CHARTER)).toBe(after);
  });

  it('--record --format json prints the file and the review exactly as written', async () => {
    const root = copyOrganisation();
    const run = await runInProcess(['review', 'aws', '--record', '--as-of', AS_OF, '--format', 'json'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ cop: 'aws', file: FILE, review: parse(read(root, FILE)) });
  });

  it('--apply without a recorded review, and --record with --org, are refused', async () => {
    const root = copyOrganisation();
    const none = await runInProcess(['review', 'mobile', '--apply', '--as-of', AS_OF], root);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/`mobile` has no recorded review: write one with `cop review mobile --record`/);
    const org = await runInProcess(['review', '--org', '--record', '--as-of', AS_OF], root);
    expect(org.status).toBe(2);
    expect(existsSync(join(root, 'cops/mobile/reviews'))).toBe(false);
  });
});
