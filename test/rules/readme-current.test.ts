import { describe, expect, it } from 'vitest';
import { mergeReadme, planReadmes } from '../../src/readme/readme.js';
import { readmeCurrent } from '../../src/rules/readme-current.js';
import { organisationView } from '../../src/view/build.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

const WRITTEN_ON = '2026-11-02';
const base = () => workspace({ cops: { aws: { charter: charter('aws') }, web: { charter: charter('web') } } });

/** The READMEs `cop readme --write` writes for `ws` as of WRITTEN_ON. */
function generated(ws: Workspace): Map<string, string> {
  return new Map(planReadmes(organisationView(ws, WRITTEN_ON)).map((plan) => [plan.file, mergeReadme(undefined, plan, WRITTEN_ON)]));
}

type Case = [name: string, readmes: (files: Map<string, string>) => Map<string, string>, data?: Workspace];

const valid: Case[] = [
  ['no README at all (the rule is off)', () => new Map()],
  ['only hand-written READMEs (the rule is off)', () => new Map([['cops/README.md', '# Our CoPs\n'], ['cops/aws/README.md', 'Notes.\n']])],
  ['every README as generated, checked months later', (files) => files],
  ['hand-written text around the blocks', (files) => new Map([...files].map(([file, text]) => [file, `Intro.\n${text}\nOutro.\n`]))],
];

type Invalid = [name: string, readmes: (files: Map<string, string>) => Map<string, string>, data: Workspace | undefined, expected: RegExp[]];

const invalid: Invalid[] = [
  [
    'a CoP README missing',
    (files) => new Map([...files].filter(([file]) => file !== 'cops/web/README.md')),
    undefined,
    [/^cops\/web\/charter\.yaml: Generated READMEs are out of date: cops\/web\/README\.md does not exist; run `cop readme --write` \(or `cop check --fix`, which updates every generated file\)\.$/],
  ],
  ['a README without its block', (files) => new Map([...files, ['cops/web/README.md', 'Notes only.\n']]), undefined, [/^cops\/web\/README\.md:1: cops\/web\/README\.md has no generated block/]],
  [
    'a sponsor changed since',
    (files) => files,
    workspace({ cops: { aws: { charter: charter('aws', { sponsor: 'p4' }) }, web: { charter: charter('web') } } }),
    // One finding for the set, at the first stale file, with each file's differing lines.
    [/^cops\/README\.md:\d+: Generated READMEs are out of date: cops\/README\.md \(as of 2026-11-02: 1 line differs\); cops\/aws\/README\.md \(as of 2026-11-02: 1 line differs\); run `cop readme --write`.*\ncops\/README\.md:\n- \| \[AWS\].*\n\+ \| \[AWS\].*P4.*\ncops\/aws\/README\.md:\n- \| Sponsor \| P1.*\n\+ \| Sponsor \| P4.*$/],
  ],
];

function findings(readmes: Map<string, string>, data: Workspace = base()): string[] {
  return runRule(readmeCurrent, { ...data, readmes }, '2027-03-01').map((f) => [`${f.file}${f.line !== undefined ? `:${f.line}` : ''}: ${f.message}`, ...(f.detail ?? [])].join('\n'));
}

describe('readme-current', () => {
  it.each(valid)('accepts %s', (_, readmes, data) => {
    expect(findings(readmes(generated(base())), data)).toEqual([]);
  });

  it.each(invalid)('reports %s', (_, readmes, data, expected) => {
    const found = findings(readmes(generated(base())), data);
    expect(found).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(found[i]).toMatch(pattern));
  });
});
