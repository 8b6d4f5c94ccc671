import { groupBy } from '../core/group-by.js';
import type { Meeting } from '../model/schema-types.js';
import type { Loaded } from '../workspace/workspace.js';
import { ruleDocsUrl } from './docs.js';
import type { Finding, Rule } from './rule.js';

export const RULE_ID = 'no-duplicate-meeting';

/** A title as people mean it: case and runs of spaces aside. */
const titleKey = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

/** The day's order of a meeting file: `YYYY-MM-DD.yaml` is first, then -2, -3 … (sorting by name puts -2 first). */
function dayIndex(file: string): number {
  const suffix = /-(\d+)\.yaml$/.exec(file.slice(file.lastIndexOf('/') + 1).slice(10));
  return suffix ? Number(suffix[1]) : 1;
}

/** One day's meetings in the order they were logged. */
const inDayOrder = (meetings: readonly Loaded<Meeting>[]) => [...meetings].sort((a, b) => dayIndex(a.file) - dayIndex(b.file) || (a.file < b.file ? -1 : 1));

/**
 * Why `meeting` repeats `earlier`: the same day and title. (A copy of a log, identical content,
 * is one case: date and title are required.) Undefined when it does not.
 */
function duplicateReason(meeting: Meeting, earlier: Meeting): string | undefined {
  if (meeting.date !== earlier.date || titleKey(meeting.title) !== titleKey(earlier.title)) return undefined;
  return `the same date and title ("${earlier.title}")`;
}

/** The first of `meetings` (in the day's order) that `meeting` repeats, with why. */
export function firstDuplicate(meeting: Meeting, meetings: readonly Loaded<Meeting>[]): { file: string; reason: string } | undefined {
  for (const earlier of inDayOrder(meetings.filter((m) => m.data.date === meeting.date))) {
    const reason = duplicateReason(meeting, earlier.data);
    if (reason) return { file: earlier.file, reason };
  }
  return undefined;
}

export const noDuplicateMeeting: Rule = {
  meta: {
    id: RULE_ID,
    description: 'A CoP has no two meeting logs of the same date and title (a copy of a log is one): it would count its hours and money twice.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl(RULE_ID),
  },
  *checkCop({ meetings }) {
    // Only days with two or more logs are compared: nearly every day has one.
    for (const day of groupBy(meetings, (meeting) => meeting.data.date).values()) {
      if (day.length < 2) continue;
      const ordered = inDayOrder(day);
      for (const [i, later] of ordered.entries()) {
        const first = firstDuplicate(later.data, ordered.slice(0, i));
        if (first) yield duplicateFinding(later.file, first);
      }
    }
  },
};

function duplicateFinding(file: string, first: { file: string; reason: string }): Finding {
  return {
    file,
    path: ['title'],
    message: `This meeting repeats ${first.file}: ${first.reason}, so its hours and money would be counted twice. Delete this file if it is a copy; if two meetings really took place, give each its own title.`,
  };
}
