import { describe, expect, it } from 'vitest';
import { BEGIN_MARKER, END_MARKER, compareCodeowners, mergeCodeowners, planCodeowners } from '../../src/codeowners/codeowners.js';
import { lineDiff } from '../../src/core/line-diff.js';
import { codeownersCurrent } from '../../src/rules/codeowners-current.js';
import { runRule } from '../helpers/rule-tester.js';
import { charter, people, person, workspace } from '../helpers/workspace.js';

// person(id).github is the id with dots as dashes: p1 → @p1.
const org = () =>
  workspace({
    people: [...people(5), person('cto.one')],
    config: { cto: 'cto.one' },
    cops: {
      web: { charter: charter('web', { sponsor: 'p3', coordinator: { terms: [{ person: 'p4', from: '2026-01-01', until: '2026-06-30' }, { person: 'p5', from: '2026-07-01' }] } }) },
      aws: { charter: charter('aws') },
    },
  });

describe('planCodeowners', () => {
  it('charters to the sponsor, meetings to the current coordinator and sponsor, config, people, CODEOWNERS, workflows and new CoPs to the CTO by default', () => {
    const plan = planCodeowners(org(), '2026-11-20', '');
    expect(plan.problems).toEqual([]);
    expect(plan.lines.map((l) => l.replace(/ +/g, ' '))).toEqual([
      '/cop.config.yaml @cto-one',
      '/people.yaml @cto-one',
      '/.github/CODEOWNERS @cto-one',
      '/.github/workflows/ @cto-one',
      '/cops/ @cto-one',
      '/cops/aws/charter.yaml @p1',
      '/cops/aws/meetings/ @p2 @p1',
      '/cops/web/charter.yaml @p3',
      '/cops/web/meetings/ @p5 @p3',
    ]);
    // Paths are padded to one column.
    expect(new Set(plan.lines.map((l) => l.indexOf('@'))).size).toBe(1);
  });

  it('the coordinator is the one of the day asked; named approvers replace the CTO; the prefix is the data root in the repository', () => {
    const ws = org();
    ws.config.approvers = ['p1', 'p2'];
    const lines = planCodeowners(ws, '2026-03-01', 'org/').lines.map((l) => l.replace(/ +/g, ' '));
    expect(lines).toContain('/org/cop.config.yaml @p1 @p2');
    expect(lines).toContain('/org/cops/ @p1 @p2');
    // CODEOWNERS and the workflows are at the repository's top level, whatever the data root.
    expect(lines).toContain('/.github/CODEOWNERS @p1 @p2');
    expect(lines).toContain('/.github/workflows/ @p1 @p2');
    expect(lines).toContain('/org/cops/web/meetings/ @p4 @p3');
  });

  it('names a sponsor or an approver without a GitHub handle, and a config without approvers', () => {
    const ws = workspace({ people: [person('p1', { github: undefined }), ...people(5).slice(1)], cops: { aws: { charter: charter('aws') }, web: { charter: charter('web', { sponsor: undefined }) } } });
    const plan = planCodeowners(ws, '2026-11-20', '');
    expect(plan.problems).toEqual([
      { file: 'cop.config.yaml', path: [], message: expect.stringMatching(/No `approvers` and no `cto`/) },
      { file: 'cops/aws/charter.yaml', path: ['sponsor'], message: 'The sponsor `p1` has no GitHub handle in people.yaml: CODEOWNERS cannot require their approval.' },
      { file: 'cops/web/charter.yaml', path: [], message: expect.stringMatching(/No `sponsor`/) },
    ]);
    ws.config.approvers = ['p2', 'p1'];
    ws.configFile = 'cop.config.yaml';
    expect(planCodeowners(ws, '2026-11-20', '').problems[0]).toEqual({ file: 'cop.config.yaml', path: ['approvers', 1], message: expect.stringMatching(/approver `p1` has no GitHub handle/) });
  });
});

describe('mergeCodeowners and compareCodeowners', () => {
  const block = ['/a @x', '/b @y'];

  it('appends the block after hand-written lines, and replaces only the block later', () => {
    const first = mergeCodeowners('# team rules\n*.md @docs-team\n', block);
    expect(first).toBe(`# team rules\n*.md @docs-team\n\n${BEGIN_MARKER}\n/a @x\n/b @y\n${END_MARKER}\n`);
    const edited = `${first}/after @z\n`;
    expect(mergeCodeowners(edited, ['/a @w'])).toBe(`# team rules\n*.md @docs-team\n\n${BEGIN_MARKER}\n/a @w\n${END_MARKER}\n/after @z\n`);
    expect(mergeCodeowners(undefined, block)).toBe(`${BEGIN_MARKER}\n/a @x\n/b @y\n${END_MARKER}\n`);
  });

  it('says current, no block, or which lines differ with their line numbers', () => {
    const file = mergeCodeowners('*.md @docs-team\n', block); // block begins on line 3
    expect(compareCodeowners(file, block)).toEqual({ kind: 'current' });
    expect(compareCodeowners('*.md @docs-team\n', block)).toEqual({ kind: 'no-block' });
    expect(compareCodeowners(file, ['/a @x', '/b @q'])).toEqual({
      kind: 'stale',
      lines: [
        { sign: '-', text: '/b @y', line: 5 },
        { sign: '+', text: '/b @q', line: 6 },
      ],
    });
  });

  it('lineDiff keeps common lines and orders removals before additions', () => {
    expect(lineDiff(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { sign: '-', text: 'b', oldIndex: 1 },
      { sign: '+', text: 'x', oldIndex: 2 },
      { sign: '+', text: 'd', oldIndex: 3 },
    ]);
  });
});

describe('rule codeowners-current', () => {
  it('is silent without a CODEOWNERS file and when it is current', () => {
    const ws = org();
    expect(runRule(codeownersCurrent, ws)).toEqual([]);
    ws.codeowners = { file: '.github/CODEOWNERS', prefix: '', text: mergeCodeowners('', planCodeowners(ws, '2026-11-20', '').lines) };
    expect(runRule(codeownersCurrent, ws)).toEqual([]);
  });

  it('reports a stale block once, at its first differing line, with the differing lines', () => {
    // Block: 1 BEGIN, 2 config, 3 people, 4 CODEOWNERS, 5 workflows, 6 cops/, 7-8 aws, 9-10 web, 11 END.
    const ws = org();
    const text = mergeCodeowners('', planCodeowners(ws, '2026-11-20', '').lines);
    ws.cops[0]!.charter!.sponsor = 'p2'; // web: p3 → p2
    ws.codeowners = { file: '.github/CODEOWNERS', prefix: '', text };
    const findings = runRule(codeownersCurrent, ws);
    expect(findings.map((f) => [f.line, [f.message, ...(f.detail ?? [])].join('\n').replace(/ +/g, ' ')])).toEqual([
      [
        9,
        [
          'CODEOWNERS is out of date with the charters and config (2 lines differ): run `cop codeowners --write` (or `cop check --fix`, which updates every generated file).',
          '- /cops/web/charter.yaml @p3',
          '- /cops/web/meetings/ @p5 @p3',
          '+ /cops/web/charter.yaml @p2',
          '+ /cops/web/meetings/ @p5 @p2',
        ].join('\n'),
      ],
    ]);
    ws.codeowners.text = '* @everyone\n';
    expect(runRule(codeownersCurrent, ws)).toEqual([{ file: '.github/CODEOWNERS', path: [], line: 1, message: expect.stringMatching(/no generated block/) }]);
  });

  it('reports a CoP with a longer id than the others once: the re-padded lines are counted, never shown as removed and added', () => {
    const ws = org();
    ws.codeowners = { file: '.github/CODEOWNERS', prefix: '', text: mergeCodeowners('', planCodeowners(ws, '2026-11-20', '').lines) };
    const longer = workspace({ people: [...people(5), person('cto.one')], cops: { 'kotlin-multiplatform': { charter: charter('kotlin-multiplatform') } } }).cops[0]!;
    ws.cops.push(longer);
    const findings = runRule(codeownersCurrent, ws);
    expect(findings).toHaveLength(1);
    const [head, diff] = [findings[0]!.message, findings[0]!.detail ?? []];
    expect(head).toMatch(/^CODEOWNERS is out of date with the charters and config \(2 lines differ, 9 only re-aligned\): run `cop codeowners --write` \(or `cop check --fix`/);
    expect(diff.map((l) => l.replace(/ +/g, ' '))).toEqual(['+ /cops/kotlin-multiplatform/charter.yaml @p1', '+ /cops/kotlin-multiplatform/meetings/ @p2 @p1']);
  });

  it('reports a charter that no line owns by GitHub\'s rules, even when the block is current', () => {
    const ws = org();
    const block = mergeCodeowners('', planCodeowners(ws, '2026-11-20', '').lines);
    ws.codeowners = { file: '.github/CODEOWNERS', prefix: '', text: `${block}/cops/web/\n` };
    expect(runRule(codeownersCurrent, ws)).toEqual([
      { file: 'cops/web/charter.yaml', path: [], message: 'No one owns this charter by CODEOWNERS: its last matching line (.github/CODEOWNERS:12, `/cops/web/`) names no owner, so a pull request can change it without approval.' },
    ]);
    ws.codeowners = { file: '.github/CODEOWNERS', prefix: 'org/', text: block };
    const unmatched = runRule(codeownersCurrent, ws).filter((f) => f.file.startsWith('cops/'));
    expect(unmatched.map((f) => [f.file, f.message])).toEqual([
      ['cops/web/charter.yaml', expect.stringMatching(/^No line of \.github\/CODEOWNERS matches this charter/)],
      ['cops/aws/charter.yaml', expect.stringMatching(/^No line of \.github\/CODEOWNERS matches this charter/)],
    ]);
  });
});
