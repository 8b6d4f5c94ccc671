import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeRoot } from '../helpers/cli.js';
import { gitRepo } from '../helpers/git.js';
import { charter, meeting, people } from '../helpers/workspace.js';

// Each CoP has a meeting with an unknown attendee: a person-exists error in each meeting file.
// The CoPs are younger than a 12-month inactivity window, so member-inactive stays out of it.
const spec = (extraPeople = 0) => ({
  people: people(5 + extraPeople),
  config: { policy: { inactive_months: 12 } },
  cops: {
    aws: { charter: charter('aws'), meetings: [meeting('2026-10-14', { attendees: ['p1', 'ghost'] })] },
    web: { charter: charter('web'), meetings: [meeting('2026-10-15', { attendees: ['p1', 'ghost'] })] },
  },
});

const reportedFiles = (root: string, ref = 'HEAD') => {
  const result = runCli(['check', '--as-of', '2026-11-20', '--format', 'json', '--changed-since', ref], { cwd: root });
  const report = JSON.parse(result.stdout) as { diagnostics: { file: string; ruleId: string }[] };
  return { status: result.status, files: [...new Set(report.diagnostics.map((d) => d.file))] };
};

describe('cop check --changed-since', () => {
  it('reports only the changed files (and their CoP folder); nothing when nothing changed', () => {
    const repo = gitRepo(spec());
    expect(reportedFiles(repo.root)).toEqual({ status: 0, files: [] });

    writeFileSync(join(repo.root, 'cops/aws/meetings/2026-10-14.yaml'), 'date: 2026-10-14\ntitle: Edited\nformat: clinic\nduration_minutes: 60\nattendees: [p1, ghost]\nrecording: https://video.example.com/x\n');
    expect(reportedFiles(repo.root)).toEqual({ status: 1, files: ['cops/aws/meetings/2026-10-14.yaml'] });
    // The full check still sees both.
    expect(runCli(['check', '--as-of', '2026-11-20'], { cwd: repo.root }).stdout).toMatch(/cops\/web\/meetings/);
  });

  it('includes untracked files and committed changes since the ref', () => {
    const repo = gitRepo(spec());
    const first = repo.git('rev-parse', 'HEAD').trim();
    repo.write({ cops: { web: { meetings: [meeting('2026-10-15', { attendees: ['p1', 'ghost'] }), meeting('2026-10-15', { attendees: ['ghost'] })] } } });
    expect(reportedFiles(repo.root)).toEqual({ status: 1, files: ['cops/web/meetings/2026-10-15-2.yaml', 'cops/web/meetings/2026-10-15.yaml'] });
    repo.commit('another web meeting');
    expect(reportedFiles(repo.root, 'HEAD').files).toEqual([]);
    expect(reportedFiles(repo.root, first).files).toEqual(['cops/web/meetings/2026-10-15-2.yaml', 'cops/web/meetings/2026-10-15.yaml']);
  });

  it('a change to people.yaml reports unknown people everywhere', () => {
    const repo = gitRepo(spec());
    repo.write({ people: people(6) });
    expect(reportedFiles(repo.root)).toEqual({ status: 1, files: ['cops/aws/meetings/2026-10-14.yaml', 'cops/web/meetings/2026-10-15.yaml'] });
  });

  it('an unknown ref is a usage error', () => {
    const repo = gitRepo(spec());
    const result = runCli(['check', '--changed-since', 'nope'], { cwd: repo.root });
    expect(result.stderr).toBe('cop: nope: not a commit, branch or tag in this repository.\n');
    expect(result.status).toBe(2);
  });
});

describe('cop check <paths>', () => {
  const filesFor = (root: string, ...paths: string[]) => {
    const result = runCli(['check', '--as-of', '2026-11-20', '--format', 'json', ...paths], { cwd: root });
    const report = JSON.parse(result.stdout) as { diagnostics: { file: string }[] };
    return { status: result.status, files: [...new Set(report.diagnostics.map((d) => d.file))] };
  };

  // people.yaml itself is fine, but it lacks `ghost`: the broken references are in the meetings.
  it('people.yaml: reports the unknown people everywhere', () => {
    expect(filesFor(writeRoot(spec()), 'people.yaml')).toEqual({ status: 1, files: ['cops/aws/meetings/2026-10-14.yaml', 'cops/web/meetings/2026-10-15.yaml'] });
  });

  // A charter governs its meetings: naming it (or its folder) reports the folder's findings, not another CoP's.
  it('a charter: reports its meetings\' findings', () => {
    expect(filesFor(writeRoot(spec()), 'cops/aws/charter.yaml')).toEqual({ status: 1, files: ['cops/aws/meetings/2026-10-14.yaml'] });
  });

  it('a CoP folder: reports the findings in it only', () => {
    expect(filesFor(writeRoot(spec()), 'cops/web')).toEqual({ status: 1, files: ['cops/web/meetings/2026-10-15.yaml'] });
  });
});
