/** Every lint rule, in the order the README's table lists them. */
import { budgetChangeInYear } from './budget-change-in-year.js';
import { charterComplete } from './charter-complete.js';
import { charterExists } from './charter-exists.js';
import { charterIdMatchesFolder } from './charter-id-matches-folder.js';
import { codeownersCurrent } from './codeowners-current.js';
import { coordinatorIsMember } from './coordinator-is-member.js';
import { coordinatorRotation } from './coordinator-rotation.js';
import { coordinatorTerms } from './coordinator-terms.js';
import { dissolutionRecorded } from './dissolution-recorded.js';
import { goalReviewDue } from './goal-review-due.js';
import { handoffCircle } from './handoff-circle.js';
import { handoffDecided } from './handoff-decided.js';
import { meetingDateInRange } from './meeting-date-in-range.js';
import { meetingFileName } from './meeting-file-name.js';
import { meetingGoals } from './meeting-goals.js';
import { meetingRecording } from './meeting-recording.js';
import { memberInactive } from './member-inactive.js';
import { minMembers } from './min-members.js';
import { noDuplicateMeeting } from './no-duplicate-meeting.js';
import { noDuplicatePeople } from './no-duplicate-people.js';
import { noPlaceholder } from './no-placeholder.js';
import { outputFileName } from './output-file-name.js';
import { outputGoals } from './output-goals.js';
import { outputPublicUrl } from './output-public-url.js';
import { personExists } from './person-exists.js';
import { readmeCurrent } from './readme-current.js';
import { refreshmentsPerHead } from './refreshments-per-head.js';
import { reviewFileName } from './review-file-name.js';
import { reviewGoals } from './review-goals.js';
import { DIRECTIVE_CHECKS } from './directive-checks.js';
import type { Rule, RuleMeta } from './rule.js';
import { scheduleMatchesCharter } from './schedule-matches-charter.js';
import { scheduleTimeZone } from './schedule-time-zone.js';
import { schemaModeline } from './schema-modeline.js';

export const RULES: readonly Rule[] = [
  charterExists,
  charterIdMatchesFolder,
  meetingFileName,
  minMembers,
  memberInactive,
  charterComplete,
  personExists,
  noDuplicatePeople,
  noDuplicateMeeting,
  coordinatorIsMember,
  coordinatorTerms,
  coordinatorRotation,
  goalReviewDue,
  meetingDateInRange,
  meetingGoals,
  reviewFileName,
  reviewGoals,
  outputFileName,
  outputGoals,
  outputPublicUrl,
  handoffDecided,
  handoffCircle,
  refreshmentsPerHead,
  budgetChangeInYear,
  meetingRecording,
  dissolutionRecorded,
  noPlaceholder,
  scheduleTimeZone,
  scheduleMatchesCharter,
  codeownersCurrent,
  readmeCurrent,
  schemaModeline,
];

/** Every check whose severity cop.config.yaml's `rules:` may set: the rules and the checks on suppression comments. */
export const CONFIGURABLE_CHECKS: readonly RuleMeta[] = [...RULES.map((rule) => rule.meta), ...DIRECTIVE_CHECKS];
