import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { gitRepo } from '../helpers/git.js';
import { runInProcess } from '../helpers/in-process.js';
import { charter, people, person } from '../helpers/workspace.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const asOf = ['--as-of', AS_OF];

describe('cop readme on a copy of the bundled organisation', { timeout: 300_000 }, () => {
  it('writes the index and a README per CoP, keeps text outside the markers, and --check catches a stale one', async () => {
    const root = copyOrganisation();
    const run = (args: string[]) => runInProcess(args, root);
    // Before any README exists, `cop check` has nothing to say about them (the rule is off).
    expect((await run(['check', ...asOf])).status).toBe(0);
    expect((await run(['readme', '--check', ...asOf])).status).toBe(1);

    const written = runCli(['readme', '--write', ...asOf], { cwd: root });
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    expect(written.stdout).toContain('Wrote cops/README.md (as of 2026-11-20).');
    expect(written.stdout).toContain('Wrote cops/aws/README.md (as of 2026-11-20).');
    const index = readFileSync(join(root, 'cops', 'README.md'), 'utf8');
    expect(index).toMatch(/^\| \[AWS\]\(aws\/README\.md\) \| active \|/m);
    const aws = readFileSync(join(root, 'cops', 'aws', 'README.md'), 'utf8');
    // The aws charter meets on the third Thursday, 12:30 London time; 2026-12-17 is cancelled.
    expect(aws).toContain('| Next meeting | Thursday 21 January 2027, 12:30–13:30 (Europe/London) (as of 2026-11-20) |');

    // Text a CoP writes outside the markers is kept by the next --write.
    writeFileSync(join(root, 'cops', 'aws', 'README.md'), `${aws}\n## Our reading list\n\n- The AWS Well-Architected Framework\n`);
    const again = await run(['readme', '--write', '--as-of', '2026-11-25']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('cops/aws/README.md is already up to date.');
    expect(readFileSync(join(root, 'cops', 'aws', 'README.md'), 'utf8')).toContain('## Our reading list');

    // Months later nothing changed in the data: still current (each file is compared as of its own date).
    const check = await run(['readme', '--check', '--as-of', '2027-03-01']);
    expect(check.stdout).toContain('cops/aws/README.md is up to date (as of 2026-11-20).');
    expect(check.status).toBe(0);
    expect((await run(['check', '--as-of', '2027-03-01'])).status).toBe(0);

    // The sponsor changes in the charter: the README is stale, --check shows the lines, cop check fails.
    const charterPath = join(root, 'cops', 'aws', 'charter.yaml');
    writeFileSync(charterPath, readFileSync(charterPath, 'utf8').replace(/^sponsor: .*$/m, 'sponsor: marcus.webb'));
    const stale = await run(['readme', '--check', ...asOf]);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain('cops/aws/README.md is out of date with the data as of 2026-11-20: run `cop readme --write`.');
    expect(stale.stdout).toMatch(/^- \| Sponsor \| Stacy Leblanc .*\(line \d+\)$/m);
    expect(stale.stdout).toMatch(/^\+ \| Sponsor \| Marcus Webb .*\(line \d+\)$/m);
    const json = JSON.parse((await run(['readme', '--check', ...asOf, '--format', 'json'])).stdout) as { files: { file: string; state: string }[] };
    expect(json.files.find((f) => f.file === 'cops/aws/README.md')!.state).toBe('stale');
    const lint = await run(['check', ...asOf]);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(/readme-current/);
    // One finding for the set of READMEs, its diff showing the CoP README's changed line.
    expect(lint.stdout.match(/readme-current/g)).toHaveLength(1);
    expect(lint.stdout).toMatch(/^\s+\+ \| Sponsor \| Marcus Webb/m);

    // A README linked out of the repository is refused with a finding, never read.
    rmSync(join(root, 'cops', 'mobile', 'README.md'));
    symlinkSync('/etc/passwd', join(root, 'cops', 'mobile', 'README.md'));
    const linked = await run(['check', ...asOf, '--format', 'json']);
    expect(JSON.parse(linked.stdout).diagnostics).toContainEqual(expect.objectContaining({ file: 'cops/mobile/README.md', ruleId: 'file', message: expect.stringMatching(/links outside the repository/) }));
    expect(linked.stdout).not.toContain('root:');
  });

  it('refuses --write with --check (exit 2)', async () => {
    const result = await runInProcess(['readme', '--write', '--check'], copyOrganisation());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--write and --check cannot be used together.');
  });

  describe('a README whose markers are not one block (issue #22 rows 3 and 5)', () => {
    const small = (name = 'Person One') => ({ people: [person('p1', { name }), ...people(5).slice(1)], cops: { aws: { charter: charter('aws') } } });
    const setUp = async (name?: string) => {
      const repo = gitRepo(small(name));
      const run = (...args: string[]) => runInProcess([...args, ...asOf], repo.root);
      expect((await run('readme', '--write')).status).toBe(0);
      return { root: repo.root, run, file: join(repo.root, 'cops', 'aws', 'README.md') };
    };

    it('the docs\' example marker inside a ``` fence: --write, --check and check refuse at its lines; no line of the file is touched', async () => {
      const { run, file } = await setUp();
      const docsExample = ['```', '<!-- BEGIN cop readme (generated by `cop readme --write` as of 2026-11-20; edit the charter, not this block) -->', '…', '<!-- END cop readme -->', '```'];
      const handWritten = ['## How this README works', '', 'The generated part sits between two marker lines:', '', ...docsExample, '', 'Our notes stay here.', ''];
      // The example above the block: the old finder took its begin line and deleted everything down to the real end marker.
      const text = `${handWritten.join('\n')}${readFileSync(file, 'utf8')}`;
      writeFileSync(file, text);
      const fence = handWritten.indexOf('```') + 1;

      const written = await run('readme', '--write');
      expect(written.status).toBe(1);
      expect(written.stderr.split('\n')).toEqual([
        'cop: no README was written:',
        expect.stringMatching(new RegExp(`^  cops/aws/README\\.md:${fence + 1}: A block marker inside the code fence opened at line ${fence}:`)),
        expect.stringMatching(new RegExp(`^  cops/aws/README\\.md:${fence + 3}: A block marker inside the code fence opened at line ${fence}:`)),
        '',
      ]);
      expect(readFileSync(file, 'utf8')).toBe(text);

      const checked = await run('readme', '--check');
      expect(checked.status).toBe(1);
      expect(checked.stdout).toContain(`cops/aws/README.md was not compared: its generated block's marker lines are broken.\ncops/aws/README.md:${fence + 1}: A block marker inside the code fence`);
      const lint = await run('check', '--format', 'json');
      expect(lint.status).toBe(1);
      expect(JSON.parse(lint.stdout).diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'readme-current')).toEqual([
        expect.objectContaining({ file: 'cops/aws/README.md', line: fence + 1, message: expect.stringMatching(/inside the code fence/) }),
        expect.objectContaining({ file: 'cops/aws/README.md', line: fence + 3, message: expect.stringMatching(/inside the code fence/) }),
      ]);
      expect(readFileSync(file, 'utf8')).toBe(text);
    });

    it('a byte order mark is kept and ignored: --write finds the block and adds no second one', async () => {
      const { run, file } = await setUp();
      const text = `\uFEFF${readFileSync(file, 'utf8')}\nOur notes.\n`;
      writeFileSync(file, text);
      expect((await run('readme', '--check')).status).toBe(0);
      expect((await run('readme', '--write')).status).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(text);
      expect(text.match(/<!-- BEGIN cop readme/g)).toHaveLength(1);
    });

    it('a carriage return in a person\'s name never reaches the file raw, and the README is current after --write', async () => {
      const { run, root } = await setUp('Mallory\r');
      for (const file of [join(root, 'cops', 'README.md'), join(root, 'cops', 'aws', 'README.md')]) expect(readFileSync(file, 'utf8')).not.toContain('\r');
      const checked = await run('readme', '--check');
      expect(checked.stdout).not.toMatch(/out of date/);
      expect(checked.status).toBe(0);
    });
  });
});
