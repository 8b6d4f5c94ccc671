import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../src/model/schema-types.js';
import { runCli } from '../helpers/cli.js';
import { gitRepo } from '../helpers/git.js';
import { charter, people, person } from '../helpers/workspace.js';
import { forgeries, nodes, outline, parseMarkdown, textOf } from '../helpers/markdown.js';

const org = (cops: Record<string, Charter>, extra: { people?: number; minMembers?: number } = {}) => ({
  people: people(extra.people ?? 7),
  config: { cto: 'p1', ...(extra.minMembers ? { policy: { min_members: extra.minMembers } } : {}) },
  cops: Object.fromEntries(Object.entries(cops).map(([id, c]) => [id, { charter: c }])),
});

/** The change lines of the text output, without the header and the summary. */
const changeLines = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('  '));

describe('cop diff on a git repository', () => {
  it('a branch that raises a budget and swaps the coordinator shows exactly those two changes', () => {
    const repo = gitRepo(org({ aws: charter('aws') }));
    repo.git('switch', '--quiet', '-c', 'raise-budget');
    repo.write(org({
      aws: charter('aws', {
        budget: { hours_per_month: 4, refreshments_per_head: 6 },
        coordinator: { rotation_months: 3, terms: [{ person: 'p2', from: '2026-10-01', until: '2026-11-30' }, { person: 'p3', from: '2026-12-01' }] },
      }),
    }));
    repo.commit('aws: more time, new coordinator');
    const result = runCli(['diff'], { cwd: repo.root });
    expect(result.stderr).toBe('');
    const mainCommit = repo.git('rev-parse', '--short=7', 'main').trim();
    expect(result.stdout).toBe(
      [
        `Changes from merge-base of HEAD and main (${mainCommit}) to the working tree:`,
        '  aws: budget hours per month 2 → 4 (+2) with no dated entry, so every month of the year counts at the new figure, past ones too; to keep past months at 2, leave the figure as it was and add budget.changes: [{ from: YYYY-MM-01, hours_per_month: 4 }]',
        '  aws: coordinator p2 → p3 from 2026-12-01',
        '',
        '2 changes, no lifecycle problems.',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(0);

    const markdown = runCli(['diff', '--base', 'main', '--head', 'raise-budget', '--format', 'markdown'], { cwd: repo.root });
    expect(markdown.stdout).toContain(
      '### aws\n\n- budget hours per month 2 → 4 (+2) with no dated entry, so every month of the year counts at the new figure, past ones too; to keep past months at 2, leave the figure as it was and add budget.changes: \\[{ from: YYYY-MM-01, hours_per_month: 4 }]\n- coordinator p2 → p3 from 2026-12-01\n',
    );
    expect(markdown.status).toBe(0);

    const json = JSON.parse(runCli(['diff', '--base', 'main', '--format', 'json'], { cwd: repo.root }).stdout);
    expect(json.base).toEqual({ ref: 'main', commit: repo.git('rev-parse', 'main').trim() });
    expect(json.head).toEqual({ ref: null, commit: null });
    expect(json.changes.map((c: { kind: string }) => c.kind)).toEqual(['budget-changed', 'coordinator-changed']);
    expect(json.summary).toEqual({ changes: 2, findings: 0 });
  });

  it('keeps a new CoP named to open an HTML comment from hiding the budget raise after it, in the Markdown a reviewer approves (issue 22, row 1)', () => {
    const summary = (name: string, who: string) => {
      const repo = gitRepo(org({ aws: charter('aws') }));
      repo.write({ ...org({ aws: charter('aws', { budget: { hours_per_month: 200, refreshments_per_head: 6 } }), a11y: charter('a11y', { name, status: 'proposed', activated: undefined }) }), people: [...people(7), person('p8', { name: who })] });
      const result = runCli(['diff', '--base', 'main', '--format', 'markdown'], { cwd: repo.root });
      expect(result.stderr).toBe('');
      return parseMarkdown(result.stdout);
    };
    const plain = summary('A11y', 'Pat');
    const tree = summary('A11y\n\n<!--', '@acme/everyone ![](https://tracker.example/p.png)');
    expect(outline(tree)).toEqual(outline(plain));
    expect(forgeries(tree)).toEqual([]);
    const items = nodes(tree).flatMap(({ node }) => (node.type === 'listItem' ? [textOf(node)] : []));
    expect(items.some((item) => item.startsWith('budget hours per month 2 → 200 (+198)'))).toBe(true);
    expect(textOf(tree.children.at(-1)!)).toBe('3 changes, no lifecycle problems.');
  });

  it('includes uncommitted and untracked changes of the working tree, not of --head', () => {
    const repo = gitRepo(org({ aws: charter('aws') }));
    repo.write(org({ aws: charter('aws'), web: charter('web', { status: 'proposed', activated: undefined, sponsor: 'p6' }) }));
    expect(changeLines(runCli(['diff', '--base', 'main'], { cwd: repo.root }).stdout)).toEqual(['  web: new CoP proposed: WEB, sponsor p6, 5 members']);
    const committed = runCli(['diff', '--base', 'main', '--head', 'HEAD'], { cwd: repo.root }).stdout;
    expect(changeLines(committed)).toEqual([]);
    expect(committed).toContain('No changes to charters, budgets, people or policy.');
  });

  it('reports each kind of change commit by commit', () => {
    const proposed = charter('web', { status: 'proposed', activated: undefined });
    const repo = gitRepo(org({ aws: charter('aws'), web: proposed, old: charter('old') }));
    const first = repo.git('rev-parse', 'HEAD').trim();
    const next = org({
      aws: charter('aws', {
        status: 'dissolved',
        dissolved: { date: '2026-11-01', reason: 'topics-finished', decided_by: 'p2' },
        sponsor: 'p6',
        members: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'],
        max_members: 8,
        budget: { hours_per_month: 2, refreshments_per_head: 4.5 },
      }),
      web: { ...proposed, status: 'active', activated: '2026-11-02' },
    }, { people: 8, minMembers: 4 });
    repo.write(next);
    repo.remove('cops/old');
    repo.commit('many changes');
    const result = runCli(['diff', '--base', first, '--head', 'HEAD'], { cwd: repo.root });
    expect(changeLines(result.stdout)).toEqual([
      '  aws: dissolved on 2026-11-01: reason topics-finished, decided by p2',
      '  aws: budget refreshments per head 6 → 4.5 (-1.5)',
      '  aws: sponsor p1 → p6',
      '  aws: members 5 → 6 (+1): added p6',
      '  aws: max members not set → 8',
      '  old: charter removed (it was active)',
      '  web: activated on 2026-11-02 with 5 members',
      '  policy: min members 5 → 4 (-1)',
      '  people: added p8 (P8)',
    ]);
    expect(result.status).toBe(0);
  });

  describe('lifecycle findings (exit 1)', () => {
    const findingOf = (before: Record<string, Charter>, after: Record<string, Charter>) => {
      const repo = gitRepo(org(before));
      repo.write(org(after));
      const result = runCli(['diff', '--base', 'main'], { cwd: repo.root });
      return { ...result, problems: result.stdout.split('\n').filter((l) => l.includes('✖')) };
    };

    it('a new CoP that is not proposed', () => {
      const result = findingOf({}, { web: charter('web') });
      expect(result.problems).toEqual(['  ✖ cops/web/charter.yaml: A new CoP enters as `proposed`, not `active`: propose it first; activating it is a later change the sponsor approves.']);
      expect(result.stdout).toContain('1 change, 1 lifecycle problem.');
      expect(result.status).toBe(1);
    });

    it('a status going back', () => {
      const result = findingOf({ aws: charter('aws') }, { aws: charter('aws', { status: 'proposed' }) });
      expect(result.problems).toEqual(['  ✖ cops/aws/charter.yaml: Status moved active → proposed: a CoP moves only proposed → active → dissolved, one step at a time.']);
      expect(result.status).toBe(1);
    });

    it('an activation below the minimum members', () => {
      const four = ['p1', 'p2', 'p3', 'p4'];
      const result = findingOf({ aws: charter('aws', { status: 'proposed', members: four }) }, { aws: charter('aws', { members: four }) });
      expect(result.problems).toEqual(['  ✖ cops/aws/charter.yaml: Activated with 4 members; the policy needs at least 5.']);
      expect(result.status).toBe(1);
    });

    it('a dissolution without reason and decider', () => {
      const result = findingOf({ aws: charter('aws') }, { aws: charter('aws', { status: 'dissolved', dissolved: { date: '2026-11-01' } }) });
      expect(result.problems).toEqual(['  ✖ cops/aws/charter.yaml: Dissolved without `dissolved.reason` and `dissolved.decided_by`: a dissolution names the reason and who decided.']);
      expect(result.status).toBe(1);
    });
  });

  it('works on a data root in a subfolder of the repository', () => {
    const repo = gitRepo(org({ aws: charter('aws') }), 'org/data');
    repo.write(org({ aws: charter('aws', { sponsor: 'p3' }) }));
    const result = runCli(['diff', '--base', 'main', '--root', repo.root], { cwd: repo.dir });
    expect(changeLines(result.stdout)).toEqual(['  aws: sponsor p1 → p3']);
  });

  it('usage errors exit 2; changed data that does not parse exits 1', () => {
    const repo = gitRepo(org({ aws: charter('aws') }));
    const badRef = runCli(['diff', '--base', 'no-such-branch'], { cwd: repo.root });
    expect(badRef.stderr).toBe('cop: no-such-branch: not a commit, branch or tag in this repository.\n');
    expect(badRef.status).toBe(2);

    writeFileSync(join(repo.root, 'cops/aws/charter.yaml'), 'id: aws\nname: [unclosed\n');
    const broken = runCli(['diff', '--base', 'main'], { cwd: repo.root });
    expect(broken.stderr).toMatch(/cops\/aws\/charter\.yaml/);
    expect(broken.stderr).toMatch(/the changed data has errors/);
    expect(broken.stdout).toBe('');
    expect(broken.status).toBe(1);
  });

  it('reads a commit as bounded as the disk: a charter over the cap or stored as a link is refused, never loaded or followed', () => {
    const repo = gitRepo(org({ aws: charter('aws'), web: charter('web') }));
    const path = join(repo.root, 'cops/aws/charter.yaml');
    writeFileSync(path, `${readFileSync(path, 'utf8')}${'# padding\n'.repeat(120_000)}`); // ~1.2 MB
    repo.remove('cops/web/charter.yaml');
    symlinkSync('/etc/passwd', join(repo.root, 'cops/web/charter.yaml'));
    repo.commit('a huge charter and a linked one');

    const result = runCli(['diff', '--base', 'main', '--head', 'HEAD', '--format', 'json'], { cwd: repo.root });
    expect(result.stdout).toBe('');
    expect(result.stdout + result.stderr).not.toMatch(/root:x?:0:0/);
    expect(result.stderr).toMatch(/cops\/aws\/charter\.yaml\n.*larger than 1 MiB/);
    expect(result.stderr).toMatch(/cops\/web\/charter\.yaml\n.*is a symbolic link in the commit/);
    expect(result.status).toBe(1);
  });

  it('outside a git repository exits 2', () => {
    const repo = gitRepo(org({}));
    repo.remove('.git');
    const result = runCli(['diff'], { cwd: repo.root });
    expect(result.stderr).toMatch(/is not inside a git repository/);
    expect(result.status).toBe(2);
  });
});
