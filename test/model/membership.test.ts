import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inactiveMembers } from '../../src/model/membership.js';
import { charter, meeting } from '../helpers/workspace.js';

describe('inactiveMembers', () => {
  const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
  const day = fc.integer({ min: 1, max: 28 }).chain((d) => fc.integer({ min: 1, max: 12 }).map((m) => `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`));
  // Logs in any order, some cancelled, some after the as-of date.
  const logs = fc.array(fc.record({ date: day, attendees: fc.subarray(people), cancelled: fc.boolean() }), { maxLength: 25 });

  it('gives each inactive member the last held meeting they attended, in log order', () => {
    fc.assert(
      fc.property(logs, fc.integer({ min: 1, max: 6 }), (specs, months) => {
        const meetings = specs.map((s) => meeting(s.date, { attendees: s.attendees, ...(s.cancelled ? { cancelled: true, reason: 'ill' } : {}) }));
        const result = inactiveMembers(charter('aws', { members: people }), meetings, months, '2026-11-20');
        if (!result.judged) return;
        const held = meetings.filter((m) => !m.cancelled && m.date <= '2026-11-20');
        for (const member of result.inactive) {
          const last = held.filter((m) => m.attendees.includes(member.person)).at(-1)?.date;
          expect(member.lastAttended).toBe(last);
          expect(held.some((m) => m.date > result.since && m.attendees.includes(member.person))).toBe(false);
        }
        const inactive = new Set(result.inactive.map((m) => m.person));
        for (const id of people) if (!inactive.has(id)) expect(held.some((m) => m.date > result.since && m.attendees.includes(id))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
