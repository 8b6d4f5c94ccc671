import { describe, expect, it } from 'vitest';
import { mergeCodeowners, planCodeowners } from '../../src/codeowners/codeowners.js';
import { decidingLine, ownersOf, parseCodeownersLines } from '../../src/codeowners/match.js';
import { charter, people, person, workspace } from '../helpers/workspace.js';

describe('CODEOWNERS matching by GitHub\'s rules', () => {
  // The examples of GitHub's "About code owners" page, each with paths it must and must not own.
  const cases: [pattern: string, owned: string[], notOwned: string[]][] = [
    ['*', ['README.md', 'a/b/c.txt'], []],
    ['*.js', ['app.js', 'src/deep/app.js'], ['app.jsx', 'src/app.ts']],
    ['*.go', ['main.go'], ['main.golang']],
    ['/build/logs/', ['build/logs/a.log', 'build/logs/x/y.log'], ['build/logs', 'src/build/logs/a.log']],
    ['docs/*', ['docs/getting-started.md'], ['docs/build-app/troubleshooting.md', 'x/docs/a.md']],
    ['apps/', ['apps/a.txt', 'src/apps/b/c.txt'], ['apps', 'myapps/a.txt']],
    ['/docs/', ['docs/a.md', 'docs/x/y.md'], ['src/docs/a.md']],
    ['/scripts/', ['scripts/run.sh'], ['scripts']],
    ['**/logs', ['logs/a', 'build/logs/a', 'deeply/nested/logs/x.txt'], ['logsx/a']],
    ['/apps/github', ['apps/github', 'apps/github/x.ts'], ['apps/githubber', 'apps/gh/x.ts']],
    ['a/**/b', ['a/b', 'a/x/b', 'a/x/y/b/z.txt'], ['a/xb', 'c/a/b']],
    ['/cops/', ['cops/new-one/charter.yaml', 'cops/x/meetings/2026-01-01.yaml'], ['org/cops/x/charter.yaml', 'cops']],
    ['/my\\ file.txt', ['my file.txt'], ['my', 'file.txt']],
    ['?.md', ['a.md', 'x/b.md'], ['ab.md']],
    ['!negated', [], ['negated', '!negated']],
    ['[ab].txt', [], ['a.txt', '[ab].txt']],
  ];
  it.each(cases)('%s', (pattern, owned, notOwned) => {
    const lines = parseCodeownersLines(`# comment\n\n${pattern} @owner\n`);
    expect(lines).toHaveLength(1);
    for (const path of owned) expect(ownersOf(lines, path), `${pattern} owns ${path}`).toEqual(['@owner']);
    for (const path of notOwned) expect(ownersOf(lines, path), `${pattern} does not own ${path}`).toEqual([]);
  });

  it('the last matching line wins, and a line with no owners takes ownership away', () => {
    const lines = parseCodeownersLines('* @everyone\n/apps/ @octocat\n/apps/github\n*.md @docs # trailing comment\n');
    expect(ownersOf(lines, 'src/a.ts')).toEqual(['@everyone']);
    expect(ownersOf(lines, 'apps/x.ts')).toEqual(['@octocat']);
    expect(ownersOf(lines, 'apps/github/x.ts')).toEqual([]);
    expect(decidingLine(lines, 'apps/github/x.ts')?.line).toBe(3);
    expect(ownersOf(lines, 'apps/github/README.md')).toEqual(['@docs']);
  });
});

describe('the generated CODEOWNERS, evaluated by GitHub\'s rules', () => {
  const org = () =>
    workspace({
      people: [...people(5), person('cto.one'), person('head.two')],
      config: { cto: 'cto.one', approvers: ['cto.one', 'head.two'] },
      cops: { web: { charter: charter('web', { sponsor: 'p3' }) } },
    });

  it.each([['', ''], ['a data root in a subfolder', 'governance/']])('requires an approval for every file that needs one (%s)', (_, prefix) => {
    const file = mergeCodeowners('# hand-written\n*.md @docs-team\n', planCodeowners(org(), '2026-11-20', prefix).lines);
    const lines = parseCodeownersLines(file);
    const approvers = ['@cto-one', '@head-two'];
    // A new CoP, not yet in any charter: the approvers review it.
    expect(ownersOf(lines, `${prefix}cops/brand-new/charter.yaml`)).toEqual(approvers);
    expect(ownersOf(lines, `${prefix}cops/brand-new/meetings/2026-11-01.yaml`)).toEqual(approvers);
    // The rules of approval themselves, always at the repository's top level.
    expect(ownersOf(lines, '.github/CODEOWNERS')).toEqual(approvers);
    expect(ownersOf(lines, '.github/workflows/cop.yml')).toEqual(approvers);
    expect(ownersOf(lines, `${prefix}cop.config.yaml`)).toEqual(approvers);
    expect(ownersOf(lines, `${prefix}people.yaml`)).toEqual(approvers);
    // An existing CoP: its own lines come after the catch-all and win.
    expect(ownersOf(lines, `${prefix}cops/web/charter.yaml`)).toEqual(['@p3']);
    expect(ownersOf(lines, `${prefix}cops/web/meetings/2026-11-01.yaml`)).toEqual(['@p2', '@p3']);
    // Hand-written lines elsewhere still apply.
    expect(ownersOf(lines, 'README.md')).toEqual(['@docs-team']);
  });
});
