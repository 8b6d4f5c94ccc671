import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { AS_OF, copyOrganisation, lambdaMeeting } from '../helpers/org-copy.js';

const MEMBERS = 'seren.howarth,kwame.asante,lucy.chen,fatima.sheikh,arjun.mehta';
const NEW_FLAGS = [
  '--yes',
  '--as-of', AS_OF,
  '--name', 'Machine Learning',
  '--in', 'Model training; Evaluation',
  '--out', 'Data engineering',
  '--rationale', 'Clients ask us to deliver machine learning features.',
  '--sponsor', 'stacy.leblanc',
  '--coordinator', 'lucy.chen',
  '--members', MEMBERS,
  '--goal', 'educate:practitioners+apprentices:Learn the basics together.',
  '--goal', 'support:practitioners:Help each other with models in production.',
  '--formats', 'round-table,clinic',
  '--slot', 'work-hours',
  '--hours-per-month', '4',
  '--refreshments-per-head', '5',
];

function check(root: string) {
  return runCli(['check', '--as-of', AS_OF], { cwd: root });
}

describe('cop new, scripted', () => {
  it('writes cops/<id>/charter.yaml from flags, and cop check then passes with no findings', () => {
    const root = copyOrganisation();
    const result = runCli(['new', 'machine-learning', ...NEW_FLAGS], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/git switch -c cop\/machine-learning/);
    expect(result.stdout).toMatch(/sponsor approves the CoP by approving it/);
    expect(result.stdout).toMatch(/each goal review with `cop review [a-z-]+ --record` \(reviews\/\)/);
    const text = readFileSync(join(root, 'cops/machine-learning/charter.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=https://unpkg.com/cops-as-code/schemas/charter.schema.json');
    expect(parse(text)).toEqual({
      id: 'machine-learning',
      name: 'Machine Learning',
      status: 'proposed',
      created: AS_OF,
      scope: { subject: 'Machine Learning', in: ['Model training', 'Evaluation'], out: ['Data engineering'] },
      rationale: 'Clients ask us to deliver machine learning features.',
      goals: [
        { type: 'educate', audiences: ['practitioners', 'apprentices'], description: 'Learn the basics together.', review_by: '2027-02-20' },
        { type: 'support', audiences: ['practitioners'], description: 'Help each other with models in production.', review_by: '2027-02-20' },
      ],
      sponsor: 'stacy.leblanc',
      coordinator: { rotation_months: 3, terms: [{ person: 'lucy.chen', from: AS_OF }] },
      members: MEMBERS.split(','),
      membership: 'invite-only',
      format: { formats: ['round-table', 'clinic'], cadence: 'monthly', duration_minutes: 60, slot: 'work-hours' },
      budget: { hours_per_month: 4, refreshments_per_head: 5 },
    });
    expect(readdirSync(join(root, 'cops/machine-learning/meetings'))).toEqual(['.gitkeep']);
    expect(readdirSync(join(root, 'cops/machine-learning/outputs'))).toEqual(['.gitkeep']);
    expect(readdirSync(join(root, 'cops/machine-learning/reviews'))).toEqual(['.gitkeep']);
    const checked = check(root);
    expect(checked.stdout).toMatch(/No problems/);
    expect(checked.status).toBe(0);
  });

  it('takes the answers from --from answers.yaml, flags winning', () => {
    const root = copyOrganisation();
    writeFileSync(
      join(root, 'answers.yaml'),
      `id: data-science
name: Data Science
in: [Statistics, Experiment design]
rationale: Product teams run experiments without a shared method.
sponsor: stacy.leblanc
members: [${MEMBERS}]
goals:
  - type: educate
    audiences: [practitioners]
    description: Share a method for experiments.
  - evaluate:others:Review experiment designs on request.
cadence: fortnightly
`,
    );
    const result = runCli(['new', '--from', 'answers.yaml', '--as-of', AS_OF, '--cadence', 'weekly', '--format', 'json'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ id: 'data-science', charter: 'cops/data-science/charter.yaml', branch: 'cop/data-science', committed: false, warnings: [] });
    const charter = parse(readFileSync(join(root, 'cops/data-science/charter.yaml'), 'utf8'));
    expect(charter.format.cadence).toBe('weekly');
    expect(charter.goals.map((g: { type: string; review_by: string }) => [g.type, g.review_by])).toEqual([
      ['educate', '2027-02-20'],
      ['evaluate', '2027-02-20'],
    ]);
    expect(check(root).status).toBe(0);
  });

  it('never prompts without a terminal: exits 2 listing what is missing', () => {
    const root = copyOrganisation();
    const result = runCli(['new', 'ml', '--as-of', AS_OF, '--sponsor', 'nobody'], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/missing what is in scope \(--in/);
    expect(result.stderr).toMatch(/missing the founding members/);
    expect(result.stderr).toMatch(/missing at least one goal/);
    expect(existsSync(join(root, 'cops/ml'))).toBe(false);
  });

  it('refuses fewer members than the policy minimum, naming the reason', () => {
    const root = copyOrganisation();
    const flags = NEW_FLAGS.map((f) => (f === MEMBERS ? 'lucy.chen,seren.howarth' : f));
    const result = runCli(['new', 'ml', ...flags], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/members: 2 members: a CoP needs at least 5/);
    expect(existsSync(join(root, 'cops/ml'))).toBe(false);
  });

  it('never overwrites an existing CoP: exit 1 naming the path, the charter byte-for-byte untouched', () => {
    const root = copyOrganisation();
    const path = join(root, 'cops/aws/charter.yaml');
    const before = readFileSync(path);
    const result = runCli(['new', 'aws', ...NEW_FLAGS], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(join(root, 'cops', 'aws'));
    expect(result.stderr).toMatch(/never overwrites/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a path-traversal id and writes nothing', () => {
    const root = copyOrganisation();
    const copsBefore = readdirSync(join(root, 'cops')).sort();
    for (const id of ['../evil', '/tmp/evil', 'a/b', '..']) {
      const result = runCli(['new', id, ...NEW_FLAGS], { cwd: join(root, 'cops') });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/is a path, not an id|not a lowercase slug/);
    }
    expect(existsSync(join(root, 'evil'))).toBe(false);
    expect(existsSync(join(dirname(root), 'evil'))).toBe(false);
    expect(readdirSync(join(root, 'cops')).sort()).toEqual(copsBefore);
    expect(readdirSync(root).sort()).toEqual(['cop.config.yaml', 'cops', 'people.yaml']);
  });

  it('--git creates the branch cop/<id> and commits the proposal on it', () => {
    const root = copyOrganisation();
    const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'add', '.');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-qm', 'org');
    const env = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
    const result = runCli(['new', 'machine-learning', ...NEW_FLAGS, '--git'], { cwd: root, env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(git('branch', '--show-current').stdout.trim()).toBe('cop/machine-learning');
    expect(git('show', '--name-only', '--format=%s', 'HEAD').stdout.trim().split('\n')).toEqual([
      'Propose the Machine Learning community of practice',
      '',
      'cops/machine-learning/charter.yaml',
      'cops/machine-learning/meetings/.gitkeep',
      'cops/machine-learning/outputs/.gitkeep',
      'cops/machine-learning/reviews/.gitkeep',
    ]);
    expect(git('status', '--porcelain').stdout).toBe('');
  });
});

describe('cop log, scripted', () => {
  const LOG_FLAGS = ['--yes', '--as-of', AS_OF, '--date', '2026-11-19', '--title', 'Lambda cold starts', '--attendees', MEMBERS];

  it('writes the meeting with the charter defaults; a second one that day gets -2; cop check passes', () => {
    const root = copyOrganisation();
    const first = runCli(['log', 'aws', ...LOG_FLAGS, '--guest', 'Jo Bloggs:Acme Ltd', '--prep', 'lucy.chen:1.5', '--cost', 'refreshments:30:Sandwiches', '--recording', 'https://video.example.com/aws/1', '--topic', 'SnapStart'], { cwd: root });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const second = runCli(['log', 'aws', ...LOG_FLAGS, '--title', 'Lambda cold starts, part two', '--recording', 'https://video.example.com/aws/2', '--slot', 'work-hours'], { cwd: root });
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/Wrote cops\/aws\/meetings\/2026-11-19-2\.yaml/);
    const meeting = parse(readFileSync(join(root, 'cops/aws/meetings/2026-11-19.yaml'), 'utf8'));
    expect(meeting).toEqual(
      lambdaMeeting({
        attendees: MEMBERS.split(','),
        costs: [{ category: 'refreshments', amount: 30, description: 'Sandwiches' }],
        recording: 'https://video.example.com/aws/1',
        topics: ['SnapStart'],
      }),
    );
    expect(parse(readFileSync(join(root, 'cops/aws/meetings/2026-11-19-2.yaml'), 'utf8')).slot).toBe('work-hours');
    const checked = check(root);
    expect(checked.stdout).toMatch(/No problems/);
    expect(checked.status).toBe(0);
  });

  it('warns on stderr about what cop check would warn about, and still writes', () => {
    const root = copyOrganisation();
    const result = runCli(['log', 'aws', ...LOG_FLAGS, '--cost', 'refreshments:40'], { cwd: root });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/meeting-recording/);
    expect(result.stderr).toMatch(/Refreshments cost 8\.00 per head \(40 for 5\), over the cap of 6/);
    expect(existsSync(join(root, 'cops/aws/meetings/2026-11-19.yaml'))).toBe(true);
  });

  it('takes --from answers.yaml', () => {
    const root = copyOrganisation();
    writeFileSync(join(root, 'meeting.yaml'), `date: 2026-11-18\ntitle: Cost explorer\nattendees: [${MEMBERS}]\nrecording: https://video.example.com/aws/3\ncosts:\n  - refreshments:25\n`);
    const result = runCli(['log', 'aws', '--from', 'meeting.yaml', '--as-of', AS_OF, '--format', 'json'], { cwd: root });
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ cop: 'aws', file: 'cops/aws/meetings/2026-11-18.yaml', warnings: [], meeting: { costs: [{ category: 'refreshments', amount: 25 }] } });
    expect(check(root).status).toBe(0);
  });

  it('refuses a dissolved CoP, a date before the CoP was created, and a future date', () => {
    const root = copyOrganisation();
    const dissolved = runCli(['log', 'distributed-ledgers', ...LOG_FLAGS], { cwd: root });
    expect(dissolved.status).toBe(2);
    expect(dissolved.stderr).toMatch(/was dissolved on/);
    const early = runCli(['log', 'aws', ...LOG_FLAGS, '--date', '2026-01-01'], { cwd: root });
    expect(early.status).toBe(2);
    expect(early.stderr).toMatch(/before the CoP was created \(2026-03-02\)/);
    const future = runCli(['log', 'aws', ...LOG_FLAGS, '--date', '2026-11-21'], { cwd: root });
    expect(future.status).toBe(2);
    expect(future.stderr).toMatch(/in the future/);
    expect(readdirSync(join(root, 'cops/aws/meetings')).filter((f) => !f.startsWith('2026-0') && !f.startsWith('2026-10') && f !== '2026-11-12.yaml')).toEqual([]);
  });

  it('refuses an unknown attendee with exit 2', () => {
    const root = copyOrganisation();
    const result = runCli(['log', 'aws', ...LOG_FLAGS.map((f) => (f === MEMBERS ? 'lucy.chen,nobody' : f))], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/`nobody` \(attendee\) is not in people.yaml/);
  });
});
