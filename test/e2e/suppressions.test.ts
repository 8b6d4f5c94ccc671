/** Done-when of inline suppressions: a pilot CoP's min-members finding suppressed on its line, with a reason. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/render/diagnostics/json.js';
import type { SarifLog } from '../../src/render/diagnostics/sarif.js';
import { runCli } from '../helpers/cli.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const REASON = 'pilot until March, approved by the CTO';
const CHARTER = 'cops/security/charter.yaml';

/** The bundled proposed CoP cut to three members, with the suppression above `members:` and one unused suppression. */
function pilot(root: string, reason = ` -- ${REASON}`): void {
  const file = join(root, CHARTER);
  const text = readFileSync(file, 'utf8')
    .replace(/members:\n(  - .*\n)+/, `# cop-disable-next-line min-members${reason}\nmembers:\n  - callum.reid\n  - samuel.osei\n  - fatima.sheikh\n`)
    .replace(/^name: /m, '# cop-disable goal-review-due -- reviews are set by the sponsor\nname: ');
  writeFileSync(file, text);
}

const check = (root: string, ...args: string[]) => runCli(['check', '--root', root, '--as-of', AS_OF, ...args]);

describe('inline suppressions in cop check', () => {
  let root: string;
  beforeAll(() => {
    root = copyOrganisation();
    // The security charter's coordinator and deputy must stay members for the other rules.
    const text = readFileSync(join(root, CHARTER), 'utf8');
    expect(text).toMatch(/person: callum\.reid/);
    pilot(root);
  });

  it('suppresses the finding, counts it in the stylish summary and reports the unused suppression', () => {
    const result = check(root);
    expect(result.stdout).not.toMatch(/min-members/);
    expect(result.stdout).toMatch(/warning +The suppression of `goal-review-due` is unused.* +unused-suppression/);
    expect(result.stdout).toMatch(/✖ 1 problem \(0 errors, 1 warning\), 1 suppressed/);
    expect(result.status).toBe(0);
  });

  it('lists the suppressed finding with its reason in --format json', () => {
    const report = JSON.parse(check(root, '--format', 'json').stdout) as JsonReport;
    expect(report.summary).toMatchObject({ errors: 0, warnings: 1, suppressed: 1 });
    expect(report.suppressed).toEqual([
      expect.objectContaining({ file: CHARTER, ruleId: 'min-members', suppression: { kind: 'next-line', justification: REASON, line: expect.any(Number) } }),
    ]);
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual(['unused-suppression']);
  });

  it('writes it to SARIF as an inSource suppression with the justification', () => {
    const log = JSON.parse(check(root, '--format', 'sarif').stdout) as SarifLog;
    const results = log.runs[0]!.results!;
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]).toMatchObject({ ruleId: 'min-members', suppressions: [{ kind: 'inSource', justification: REASON }] });
  });

  it('without a reason the comment suppresses nothing and is itself an error', () => {
    const bare = copyOrganisation();
    pilot(bare, '');
    const result = check(bare);
    expect(result.stdout).toMatch(/A proposed CoP needs at least 5 members; 3 listed\. +min-members/);
    expect(result.stdout).toMatch(/A suppression needs a reason after ` -- `.*invalid-suppression/);
    expect(result.status).toBe(1);
    // The policy may let reasons go.
    const config = join(bare, 'cop.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('policy:\n', 'policy:\n  suppression_reason: optional\n'));
    const relaxed = JSON.parse(check(bare, '--format', 'json').stdout) as JsonReport;
    expect(relaxed.suppressed.map((d) => [d.ruleId, d.suppression.justification])).toEqual([['min-members', '']]);
  });

  it('unused-suppression follows rules: in cop.config.yaml', () => {
    const strict = copyOrganisation();
    pilot(strict);
    const config = join(strict, 'cop.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}rules:\n  unused-suppression: error\n`);
    const result = check(strict);
    expect(result.stdout).toMatch(/error +The suppression of `goal-review-due` is unused/);
    expect(result.status).toBe(1);
  });
});

describe('cop diff names suppressions', () => {
  it('added and removed, with the rule, the place and the reason', () => {
    const root = copyOrganisation();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    git('init', '--quiet', '--initial-branch=main');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'add', '-A');
    const file = join(root, 'cops/aws/charter.yaml');
    writeFileSync(file, `# cop-disable coordinator-rotation -- leader appointed by the CTO\n${readFileSync(file, 'utf8')}`);
    git('-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'commit', '--quiet', '-am', 'base');
    pilot(root);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^# cop-disable coordinator-rotation.*\n/, ''));
    const result = runCli(['diff', '--base', 'main', '--root', root]);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^  security: suppression of min-members added at ${CHARTER}:\\d+ \\(reason: "${REASON}"\\)$`)));
    expect(lines).toContainEqual('  security: suppression of goal-review-due added for the whole of cops/security/charter.yaml (reason: "reviews are set by the sponsor")');
    expect(lines).toContainEqual('  aws: suppression of coordinator-rotation removed for the whole of cops/aws/charter.yaml (reason: "leader appointed by the CTO")');
    const json = JSON.parse(runCli(['diff', '--base', 'main', '--root', root, '--format', 'json']).stdout) as { changes: { kind: string; rule?: string }[] };
    expect(json.changes.filter((c) => c.kind.startsWith('suppression-')).map((c) => [c.kind, c.rule])).toEqual([
      ['suppression-added', 'goal-review-due'],
      ['suppression-added', 'min-members'],
      ['suppression-removed', 'coordinator-rotation'],
    ]);
  });
});

describe('commands that write keep suppression comments', () => {
  it('cop log, cop new (adding people), cop check --fix and cop dissolve leave every comment in place, and the suppression still applies', () => {
    const root = copyOrganisation();
    const file = join(root, 'cops/mobile/charter.yaml');
    const comments = ['# cop-disable coordinator-rotation -- appointed leader', '# cop-disable-next-line min-members -- approved by the CTO'];
    // A charter id unlike its folder, for --fix to correct through the same YAML edit.
    writeFileSync(
      file,
      `${comments[0]}\n${readFileSync(file, 'utf8')
        .replace(/^members:\n(  - .*\n)+/m, (block) => `${comments[1]}\n${block.split('\n').slice(0, 4).join('\n')}\n`)
        .replace(/^id: mobile$/m, 'id: mobile-dev')}`,
    );
    // people.yaml, which `cop new` appends to, holds a suppression too (unused here, so that check is off).
    const peopleComment = '# cop-disable no-duplicate-people -- the import from HR lists contractors twice';
    const peopleFile = join(root, 'people.yaml');
    writeFileSync(peopleFile, readFileSync(peopleFile, 'utf8').replace(/^people:$/m, `${peopleComment}\npeople:`));
    const config = join(root, 'cop.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}rules:\n  unused-suppression: off\n`);
    const answers = join(root, 'answers.yaml');
    writeFileSync(answers, 'new_people:\n  - { id: noor.rahman, name: Noor Rahman, github: noor-rahman }\n');

    const run = (...args: string[]) => {
      const result = runCli([...args, '--root', root, '--as-of', AS_OF]);
      expect(result.status, result.stdout + result.stderr).toBe(0);
      return result;
    };
    expect(run('check', '--fix').stderr).toContain('Fixed cops/mobile/charter.yaml');
    expect(run('log', 'mobile', '--yes', '--date', '2026-11-19', '--title', 'Release trains', '--attendees', 'aisha.bello', '--recording', 'https://video.example.com/m').stderr).toBe('');
    run('new', 'machine-learning', '--yes', '--from', answers, '--rationale', 'Clients ask for it.', '--sponsor', 'stacy.leblanc', '--members', 'seren.howarth,kwame.asante,lucy.chen,fatima.sheikh,noor.rahman', '--in', 'Models', '--goal', 'educate:practitioners:Learn the basics.');
    expect(readFileSync(peopleFile, 'utf8')).toMatch(/id: noor\.rahman/);
    expect(run('dissolve', 'mobile', '--reason', 'low-participation', '--decided-by', 'aisha.bello').stderr).toBe('');
    const after = readFileSync(file, 'utf8');
    for (const comment of comments) expect(after).toContain(`${comment}\n`);
    expect(after).toMatch(/^id: mobile$/m);
    expect(after).toMatch(/status: dissolved/);
    expect(readFileSync(peopleFile, 'utf8')).toContain(`${peopleComment}\npeople:`);
    // The comments are still read as suppressions: none has become invalid.
    const report = JSON.parse(run('check', '--format', 'json').stdout) as JsonReport;
    expect(report.diagnostics.filter((d) => d.ruleId === 'invalid-suppression')).toEqual([]);
  });
});

describe('inline suppressions in commands that compute from the data', () => {
  it('do not stop them on a suppression of a rule they do not run (they look only for errors)', () => {
    const root = copyOrganisation();
    pilot(root);
    writeFileSync(join(root, 'cop.config.yaml'), `${readFileSync(join(root, 'cop.config.yaml'), 'utf8')}rules:\n  unused-suppression: error\n`);
    const checked = check(root);
    expect(checked.stdout).toMatch(/error +The suppression of `goal-review-due` is unused/);
    expect(checked.status).toBe(1);
    // goal-review-due warns: cop report does not run it, so the comment is neither used nor unused.
    const report = runCli(['report', '--root', root, '--as-of', AS_OF]);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    // A suppression of a rule that does run is still checked: an unused one of person-exists stops it.
    writeFileSync(join(root, CHARTER), readFileSync(join(root, CHARTER), 'utf8').replace('# cop-disable goal-review-due', '# cop-disable person-exists'));
    expect(runCli(['report', '--root', root, '--as-of', AS_OF]).stderr).toMatch(/unused-suppression/);
  }, 60_000);
});
