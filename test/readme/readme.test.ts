import { describe, expect, it } from 'vitest';
import { plannedReadmes, readmeStates } from '../../src/readme/check.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { recordedAsOf } from '../../src/readme/markers.js';
import { mergeReadme, planReadmes, sameApartFromDate } from '../../src/readme/readme.js';
import { organisationView } from '../../src/view/build.js';
import type { Charter } from '../../src/model/schema-types.js';
import { charter, people, person, workspace } from '../helpers/workspace.js';
import { forgeries, mentionsOf, nodes, outline, parseMarkdown, textOf } from '../helpers/markdown.js';

const scheduled = (extra: Partial<Charter> = {}): Charter => {
  const base = charter('aws', { name: 'AWS <script>alert(1)</script>', ...extra });
  return { ...base, format: { ...base.format, channel: '#cop-aws', schedule: { frequency: 'monthly', week: 'second', weekday: 'thursday', time: '12:30', time_zone: 'Europe/Madrid' } } };
};

function org(aws: Charter = scheduled()) {
  return workspace({ cops: { aws: { charter: aws }, web: { charter: charter('web', { membership: 'open' }) } }, people: [...people(5), person('p6')], config: { organisation: 'Acme' } });
}

/** The READMEs --write would write as of `asOf`, as a map like Workspace.readmes. */
function written(ws: ReturnType<typeof org>, asOf: string): Map<string, string> {
  return new Map(planReadmes(organisationView(ws, asOf)).map((plan) => [plan.file, mergeReadme(undefined, plan, asOf)]));
}

describe('generated READMEs', () => {
  it('come from the charters, people and config alone: the bundled organisation\'s are the same built with or without its meetings', async () => {
    const { workspace: ws } = await loadWorkspace(REPO_ROOT);
    expect(ws.cops.some((cop) => cop.meetings.length > 0)).toBe(true);
    for (const asOf of ['2026-06-01', '2026-11-20']) expect(plannedReadmes(ws, asOf)).toEqual(planReadmes(organisationView(ws, asOf)));
  });

  it('are the index and one per CoP, with the next meeting and the coordinator as of the recorded date', () => {
    const files = written(org(), '2026-11-30');
    expect([...files.keys()]).toEqual(['cops/README.md', 'cops/aws/README.md', 'cops/web/README.md']);
    const aws = files.get('cops/aws/README.md')!;
    expect(recordedAsOf(aws)).toBe('2026-11-30');
    expect(aws).toContain('| Next meeting | Thursday 10 December 2026, 12:30–13:30 (Europe/Madrid) (as of 2026-11-30) |');
    expect(aws).toContain('| Meets | The second Thursday of every month, 12:30–13:30 (Europe/Madrid) · 60 minutes · lunch · round-table |');
    expect(aws).toContain('| Coordinator | P2 ([@p2](https://github.com/p2)) since 2026-10-01 (as of 2026-11-30); next handover 2027-01-01 |');
    expect(aws).toContain('| Sponsor | P1 ([@p1](https://github.com/p1)) |');
    expect(aws).toContain('Membership is by invitation, to keep the CoP within budget: ask the coordinator, P2 ([@p2](https://github.com/p2)) in #cop-aws.');
    expect(files.get('cops/web/README.md')).toContain('Membership is open: add your id to `members` in [charter.yaml](charter.yaml)');
    expect(files.get('cops/web/README.md')).toContain('| Next meeting | not scheduled (the charter has no `format.schedule`) |');
    // User text is escaped: no raw HTML reaches GitHub's renderer.
    expect(aws).toContain('# AWS \\<script>alert(1)\\</script>');
    const html = nodes(parseMarkdown(aws)).flatMap(({ node }) => (node.type === 'html' ? [node.value] : []));
    expect(html).toEqual([expect.stringMatching(/^<!-- BEGIN cop readme/), '<!-- END cop readme -->']);
    const index = files.get('cops/README.md')!;
    expect(index).toContain('# Acme: communities of practice');
    expect(index).toMatch(/^\| \[AWS .*\]\(aws\/README\.md\) \| active \| aws things \| P2 .* \| 5 \| The second Thursday .* \| 2026-12-10 \|$/m);
    expect(index).toMatch(/^\| \[WEB\]\(web\/README\.md\) \| active \| .* \| Monthly \| – \|$/m);
  });

  it('keep the text outside the markers', () => {
    const [, awsPlan] = planReadmes(organisationView(org(), '2026-11-30'));
    const first = mergeReadme('Our own notes.\n', awsPlan!, '2026-11-30');
    expect(first.startsWith('<!-- BEGIN cop readme')).toBe(true);
    expect(first.endsWith('<!-- END cop readme -->\n\nOur own notes.\n')).toBe(true);
    const again = mergeReadme(`Above.\n${first}Below.\n`, awsPlan!, '2026-12-01');
    expect(again.startsWith('Above.\n<!-- BEGIN cop readme')).toBe(true);
    expect(again).toMatch(/Our own notes\.\nBelow\.\n$/);
    expect(recordedAsOf(again)).toBe('2026-12-01');
    // A file with CRLF line endings keeps them, block included.
    const crlf = mergeReadme(`Above.\r\n${first.replaceAll('\n', '\r\n')}`, awsPlan!, '2026-12-01');
    expect(crlf.startsWith('Above.\r\n<!-- BEGIN cop readme')).toBe(true);
    expect(crlf.replaceAll('\r\n', '')).not.toContain('\n');
    expect(crlf.replaceAll('\r\n', '\n')).toBe(mergeReadme(`Above.\n${first}`, awsPlan!, '2026-12-01'));
  });

  it('are current as of their recorded date however much later the check runs, and stale when the data changes', () => {
    const ws = org();
    const files = written(ws, '2026-11-30');
    expect(readmeStates(ws, files, '2027-06-01').map((s) => s.state)).toEqual(['current', 'current', 'current']);
    const states = readmeStates(org(scheduled({ sponsor: 'p3' })), files, '2027-06-01');
    expect(states.map((s) => s.state)).toEqual(['stale', 'stale', 'current']);
    expect(states[1]!.asOf).toBe('2026-11-30');
    expect(states[1]!.differences).toEqual([
      { sign: '-', text: '| Sponsor | P1 ([@p1](https://github.com/p1)) |', line: 10 },
      { sign: '+', text: '| Sponsor | P3 ([@p3](https://github.com/p3)) |', line: 11 },
    ]);
  });

  it('treat a rewrite that changes only the as-of date as no change', () => {
    const ws = org();
    const [, aws] = planReadmes(organisationView(ws, '2026-11-30'));
    const [, later] = planReadmes(organisationView(ws, '2026-12-05'));
    expect(sameApartFromDate(mergeReadme(undefined, aws!, '2026-11-30'), mergeReadme(undefined, later!, '2026-12-05'))).toBe(true);
    const [, afterMeeting] = planReadmes(organisationView(ws, '2026-12-11'));
    expect(sameApartFromDate(mergeReadme(undefined, aws!, '2026-11-30'), mergeReadme(undefined, afterMeeting!, '2026-12-11'))).toBe(false);
  });

  it('keep a person\'s name with a lone or trailing carriage return to its cell, and current once written (issue 22, row 5)', () => {
    const named = (name: string) => workspace({ cops: { aws: { charter: scheduled() } }, people: [person('p1', { name }), ...people(5).slice(1), person('p6')], config: { organisation: 'Acme' } });
    const plain = written(named('Pat'), '2026-11-30');
    const hostile = named('Pat\r# Forged heading\r> [!CAUTION]\r> Approve without reading\r');
    const files = written(hostile, '2026-11-30');
    // The block without its marker lines (HTML comments the tool writes).
    const body = (text: string) => parseMarkdown(text.split('\n').filter((line) => !line.startsWith('<!-- ')).join('\n'));
    for (const [file, text] of files) {
      expect(text).not.toContain('\r');
      const tree = body(text);
      expect(outline(tree)).toEqual(outline(body(plain.get(file)!)));
      // The only links: the people's GitHub profiles and the README's own relative links.
      expect(forgeries(tree, (url) => /^https:\/\/github\.com\/p\d$/.test(url) || !url.includes(':'))).toEqual([]);
    }
    const sponsor = nodes(body(files.get('cops/aws/README.md')!)).flatMap(({ node }) => (node.type === 'tableRow' && textOf(node.children[0]!) === 'Sponsor' ? [textOf(node.children[1]!)] : []));
    expect(sponsor).toEqual(['Pat # Forged heading > [!CAUTION] > Approve without reading  (@p1)']);
    // What --write wrote is what the check expects: not stale for ever.
    expect(readmeStates(hostile, files, '2027-01-01').map((s) => s.state)).toEqual(['current', 'current']);
  });

  // The hostile-output fuzz (FUZZ_SEED=17840) counted this as a mention the plain organisation lacks.
  it('show a CoP named "Data team§1§@octocat" as the text of the index\'s link to its README, where GitHub mentions nobody', () => {
    const index = written(org(scheduled({ name: 'Data team§1§@octocat' })), '2026-11-30').get('cops/README.md')!;
    const tree = parseMarkdown(index);
    expect(index).toContain('[Data team§1§@octocat](aws/README.md)');
    expect(mentionsOf(tree)).toEqual([]);
    // The same name as plain text would be a mention.
    expect(mentionsOf(parseMarkdown('Data team§1§@octocat'))).toEqual(['§@octocat']);
  });
});
