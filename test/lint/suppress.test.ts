import { describe, expect, it } from 'vitest';
import { findDirectives } from '../../src/lint/directives.js';
import { applySuppressions, type SuppressionPolicy } from '../../src/lint/suppress.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const FILE = 'cops/pilot/charter.yaml';
const CHARTER = [
  'name: Pilot', //                                                                  1
  '# cop-disable-next-line min-members -- pilot until March, approved by the CTO', // 2
  'members:', //                                                                     3
  '  - ada', //                                                                      4
  '  # a comment inside the block', //                                               5
  '  - alan', //                                                                     6
  'membership: open # cop-disable coordinator-rotation -- appointed leader', //      7
  '# cop-disable-next-line person-exists, no-placeholder', //                       8
  'sponsor: nobody', //                                                              9
].join('\n');

const policy = (overrides: Partial<SuppressionPolicy> = {}): SuppressionPolicy => ({
  suppressible: new Set(['min-members', 'coordinator-rotation', 'person-exists', 'no-placeholder']),
  unsuppressible: new Set(['schema', 'unused-suppression', 'invalid-suppression']),
  reasonRequired: true,
  severities: new Map([
    ['invalid-suppression', 'error'],
    ['unused-suppression', 'warn'],
  ]),
  ...overrides,
});

const finding = (ruleId: string, line: number, file = FILE): Diagnostic => ({ ruleId, severity: 'error', message: `${ruleId} fired`, file, start: { line, column: 3 } });

describe('findDirectives', () => {
  it('reads next-line and file comments, their rules, reasons and the block they cover', () => {
    expect(findDirectives(FILE, CHARTER)).toEqual([
      { file: FILE, scope: 'next-line', rules: ['min-members'], reason: 'pilot until March, approved by the CTO', line: 2, column: 1, covers: { from: 3, to: 6 } },
      { file: FILE, scope: 'file', rules: ['coordinator-rotation'], reason: 'appointed leader', line: 7, column: 18 },
      { file: FILE, scope: 'next-line', rules: ['person-exists', 'no-placeholder'], line: 8, column: 1, covers: { from: 9, to: 9 } },
    ]);
  });

  it('covers a sequence at the same indentation under a bare key, and skips blank lines and comments before the target', () => {
    const text = '# cop-disable-next-line min-members -- why\n\n# other\nmembers:\n- a\n- b\nname: x\n';
    expect(findDirectives(FILE, text)[0]!.covers).toEqual({ from: 4, to: 6 });
  });

  it('ignores text that merely mentions the words', () => {
    expect(findDirectives(FILE, 'title: "cop-disable-next-line"\nnotes: use#cop-disable here\n')).toEqual([]);
  });
});

describe('applySuppressions', () => {
  it('sets aside covered findings with the reason, and keeps the rest', () => {
    const result = applySuppressions([finding('min-members', 3), finding('min-members', 1), finding('coordinator-rotation', 40)], findDirectives(FILE, CHARTER), policy());
    expect(result.suppressed.map((d) => [d.ruleId, d.start.line, d.suppression])).toEqual([
      ['min-members', 3, { kind: 'next-line', justification: 'pilot until March, approved by the CTO', file: FILE, line: 2 }],
      ['coordinator-rotation', 40, { kind: 'file', justification: 'appointed leader', file: FILE, line: 7 }],
    ]);
    const reported = result.reported.map((d) => [d.ruleId, d.start.line, d.severity]);
    // Outside the block: still reported. The reasonless directive on line 8 is invalid and suppresses nothing.
    expect(reported).toContainEqual(['min-members', 1, 'error']);
    expect(reported).toContainEqual(['invalid-suppression', 8, 'error']);
    expect(result.reported.find((d) => d.ruleId === 'invalid-suppression')!.message).toMatch(/needs a reason after ` -- `/);
  });

  it('does not touch another file, or a finding of another rule on the covered line', () => {
    const result = applySuppressions([finding('min-members', 3, 'cops/other/charter.yaml'), finding('person-exists', 3)], findDirectives(FILE, CHARTER), policy());
    expect(result.suppressed).toEqual([]);
  });

  it('reports a suppression that suppressed nothing, at the comment, with the configured severity', () => {
    const result = applySuppressions([], findDirectives(FILE, CHARTER), policy());
    const unused = result.reported.filter((d) => d.ruleId === 'unused-suppression');
    expect(unused.map((d) => [d.start.line, d.severity])).toEqual([
      [2, 'warn'],
      [7, 'warn'],
    ]);
    expect(unused[0]!.message).toMatch(/`min-members` is unused/);
    const off = applySuppressions([], findDirectives(FILE, CHARTER), policy({ severities: new Map([['invalid-suppression', 'error'], ['unused-suppression', 'off']]) }));
    expect(off.reported.filter((d) => d.ruleId === 'unused-suppression')).toEqual([]);
    const asError = applySuppressions([], findDirectives(FILE, CHARTER), policy({ severities: new Map([['invalid-suppression', 'error'], ['unused-suppression', 'error']]) }));
    expect(asError.reported.filter((d) => d.ruleId === 'unused-suppression').every((d) => d.severity === 'error')).toBe(true);
  });

  it('calls no suppression of a rule that was not run unused (a command that looks only for errors)', () => {
    const errorsOnly = policy({ severities: new Map([['invalid-suppression', 'error'], ['unused-suppression', 'error']]), notRun: new Set(['coordinator-rotation']) });
    const unused = applySuppressions([], findDirectives(FILE, CHARTER), errorsOnly).reported.filter((d) => d.ruleId === 'unused-suppression');
    expect(unused.map((d) => d.start.line)).toEqual([2]);
  });

  it('lets a reason go when the policy makes it optional', () => {
    const result = applySuppressions([finding('person-exists', 9)], findDirectives(FILE, CHARTER), policy({ reasonRequired: false }));
    expect(result.suppressed.map((d) => d.suppression.justification)).toEqual(['']);
    expect(result.reported.filter((d) => d.ruleId === 'invalid-suppression')).toEqual([]);
  });

  it('reports unknown rules with a suggestion, no rule at all, and core checks, which it never suppresses', () => {
    const text = [
      '# cop-disable-next-line min-member -- typo',
      'members: []',
      '# cop-disable-next-line -- no rule',
      'a: 1',
      '# cop-disable schema -- cannot',
    ].join('\n');
    const result = applySuppressions([finding('schema', 2), finding('min-members', 2)], findDirectives(FILE, text), policy());
    const messages = result.reported.filter((d) => d.ruleId === 'invalid-suppression').map((d) => d.message);
    expect(messages).toEqual([
      expect.stringMatching(/Unknown rule `min-member`.*Did you mean min-members\?/),
      expect.stringMatching(/names no rule/),
      expect.stringMatching(/`schema` findings cannot be suppressed/),
    ]);
    expect(result.suppressed).toEqual([]);
    expect(result.reported.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['schema', 'min-members']));
  });
});
