import { describe, expect, it } from 'vitest';
import { memberInactive } from '../../src/rules/member-inactive.js';
import type { Charter, Meeting } from '../../src/model/schema-types.js';
import { charter, meeting, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

// The default charter: members p1…p5, coordinator p2, core group p2 and p3, active since 2026-01-10.
// As of 2026-11-20 with the default 6 months, meetings held after 2026-05-20 count.
interface Case {
  name: string;
  meetings: Meeting[];
  charter?: Partial<Charter>;
  policy?: { inactive_months: number };
  asOf?: string;
}

const valid: Case[] = [
  { name: 'everyone attended a meeting in the window', meetings: [meeting('2026-06-10'), meeting('2026-10-14')] },
  { name: 'a meeting on the first day after the window start counts', meetings: [meeting('2026-05-21')] },
  { name: 'a CoP active for less than the window is not judged', meetings: [meeting('2026-10-14', { attendees: ['p2'] })], charter: { activated: '2026-06-01' } },
  { name: 'a CoP that held no meeting in the window is not judged (health reports it)', meetings: [meeting('2026-04-10', { attendees: ['p2'] })] },
  { name: 'a proposed CoP is not judged', meetings: [], charter: { status: 'proposed' } },
  { name: 'a longer window from the policy', meetings: [meeting('2026-02-01'), meeting('2026-10-14', { attendees: ['p2'] })], policy: { inactive_months: 12 }, asOf: '2027-01-20' },
];

const invalid: (Case & { expected: { person: string; message: RegExp }[] })[] = [
  {
    name: 'a member who attended only before the window',
    meetings: [meeting('2026-04-01'), meeting('2026-10-14', { attendees: ['p1', 'p2', 'p3', 'p5'] })],
    expected: [{ person: 'p4', message: /`p4` attended no meeting held in the last 6 months \(after 2026-05-20; last attended 2026-04-01\): run `cop members prune aws --write`/ }],
  },
  {
    name: 'a cancelled meeting is not attendance, and a never-seen member says so',
    meetings: [meeting('2026-10-14', { attendees: ['p1', 'p2', 'p3', 'p4'] }), meeting('2026-11-12', { cancelled: true, reason: 'Snow.', attendees: [] })],
    expected: [{ person: 'p5', message: /never attended\)/ }],
  },
  {
    name: 'a role holder is reported with advice to hand over',
    meetings: [meeting('2026-10-14', { attendees: ['p1', 'p2', 'p4', 'p5'] })],
    expected: [{ person: 'p3', message: /they are the core group: hand the role over/ }],
  },
  {
    name: '--months from the policy narrows the window',
    meetings: [meeting('2026-07-01'), meeting('2026-10-14', { attendees: ['p2', 'p3', 'p4', 'p5'] })],
    policy: { inactive_months: 3 },
    expected: [{ person: 'p1', message: /last 3 months \(after 2026-08-20; last attended 2026-07-01\)/ }],
  },
];

const run = (c: Case) =>
  runRule(
    memberInactive,
    workspace({ cops: { aws: { charter: charter('aws', c.charter), meetings: c.meetings } }, ...(c.policy ? { config: { policy: c.policy } } : {}) }),
    c.asOf,
  );

describe('member-inactive', () => {
  for (const c of valid) it(`valid: ${c.name}`, () => expect(run(c)).toEqual([]));

  for (const c of invalid) {
    it(`invalid: ${c.name}`, () => {
      const findings = run(c);
      expect(findings.map((f) => f.path)).toEqual(c.expected.map((e) => ['members', ['p1', 'p2', 'p3', 'p4', 'p5'].indexOf(e.person)]));
      for (const [i, e] of c.expected.entries()) {
        expect(findings[i]).toMatchObject({ file: 'cops/aws/charter.yaml' });
        expect(findings[i]!.message).toMatch(e.message);
      }
    });
  }
});
