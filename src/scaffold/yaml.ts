/**
 * Writes a new charter, meeting log or output as commented YAML: the `$schema` line for editors, then a
 * short comment before each section for the person who edits the file next. Pure: data in, text out.
 */
import { Document, isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import type { Charter, GoalReview, Meeting, Output } from '../model/schema-types.js';

/** Where editors find the schemas when the data root has no schemas/ folder of its own. */
export const SCHEMA_URL = 'https://unpkg.com/cops-as-code/schemas/';

const TO_STRING = { lineWidth: 100, flowCollectionPadding: false } as const;

/** Sets a comment before the top-level key `key` (with a blank line above it). */
function commentKey(doc: Document, key: string, comment: string, blankLine = true): void {
  if (!isMap(doc.contents)) return;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair || !isScalar(pair.key)) return;
  pair.key.commentBefore = comment
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');
  pair.key.spaceBefore = blankLine;
}

function flow(doc: Document, path: (string | number)[]): void {
  const node = doc.getIn(path, true) as Node | undefined;
  if (isSeq(node)) node.flow = true;
}

function header(lines: string[]): string {
  return lines.map((line) => ` ${line}`).join('\n');
}

function foldLong(doc: Document, path: string[]): void {
  const node = doc.getIn(path, true);
  if (isScalar(node) && typeof node.value === 'string' && node.value.length > 80) node.type = Scalar.BLOCK_FOLDED;
}

export function charterYaml(charter: Charter, schemaRef: string, options: { minMembers: number; currency?: string }): string {
  const doc = new Document(charter);
  doc.commentBefore = header([
    `yaml-language-server: $schema=${schemaRef}`,
    `${charter.name}: a proposal for a new community of practice, written by \`cop new\`.`,
    'It becomes active when the sponsor approves the pull request that adds it;',
    'until then it holds no meetings. `cop check` validates every change to this file.',
  ]);
  commentKey(doc, 'id', `The id is a lowercase slug and equals this folder's name (cops/${charter.id}).`, false);
  commentKey(doc, 'status', `proposed → active → dissolved. Once the sponsor approves the pull request, run\n\`cop activate ${charter.id}\`: it sets \`status: active\` and \`activated:\`, keeping these comments.`, false);
  commentKey(doc, 'scope', 'One subject, neither so narrow it gives little value nor so broad nothing interests\neveryone. Say what is out as well as what is in.');
  commentKey(doc, 'rationale', 'Why the organisation should invest in this CoP. The sponsor and the CTO judge it.');
  commentKey(doc, 'goals', 'Start with one or two goals (support, educate, evaluate, evangelise), each for its\naudiences; review them with the sponsor by `review_by` and set the next date.');
  commentKey(doc, 'sponsor', "The sponsor approves the CoP's work time and money, by approving this pull request.");
  const rotation = charter.coordinator.rotation_months;
  commentKey(
    doc,
    'coordinator',
    rotation
      ? `A rotating post: a new coordinator every ${rotation} months. At each handover close the\ncurrent term with \`until\` and add the next (person, from). Terms are listed oldest first.`
      : 'A fixed leader (`rotation_months: null`), appointed by the CTO. Add a term (person, from)\nwhen the leader changes, closing the previous one with `until`.',
  );
  commentKey(
    doc,
    'members',
    `Everyone taking part: a CoP needs at least ${options.minMembers} interested people to be created.\nAdd a \`core_group\` once you know who contributes most.`,
  );
  commentKey(
    doc,
    'membership',
    charter.membership === 'open' ? 'Anyone may join.' : 'By invitation: the coordinator keeps the group to a size the budget can feed.',
    false,
  );
  commentKey(doc, 'format', 'How the group meets. CoP meetings are public: add `channel` (the discussion channel)\nand `recordings` (where recordings are published) once they exist.');
  commentKey(
    doc,
    'budget',
    `What the sponsor is asked to approve: work hours per month for the CoP (on average, for\npreparation and coordination, on top of each member's own hours), and the refreshments\ncap per head${options.currency ? ` in ${options.currency}` : ''}.`,
  );
  for (const [i, goal] of (charter.goals ?? []).entries()) if (goal.audiences) flow(doc, ['goals', i, 'audiences']);
  flow(doc, ['format', 'formats']);
  foldLong(doc, ['rationale']);
  return doc.toString(TO_STRING);
}

export function meetingYaml(meeting: Meeting, schemaRef: string, copName: string): string {
  const doc = new Document(meeting);
  doc.commentBefore = header([`yaml-language-server: $schema=${schemaRef}`, `A meeting of the ${copName} CoP, recorded with \`cop log\`.`]);
  commentKey(doc, 'slot', 'Only work-hours meetings cost work time; lunch and after-work meetings cost none.', false);
  if (meeting.cancelled) commentKey(doc, 'cancelled', 'Planned but not held: counted as cancelled, never as a meeting held; it needs no recording.', false);
  else commentKey(doc, 'attendees', 'People from the organisation who attended (ids from people.yaml). Attendees and guests\nare the participants: a month is reached when a meeting has enough of them.', false);
  commentKey(doc, 'guests', 'People from outside the organisation.', false);
  commentKey(doc, 'preparation', "Work time spent preparing, charged to the CoP's monthly budget.", false);
  commentKey(doc, 'costs', 'Money spent; refreshments are checked against the cap per head.', false);
  commentKey(doc, 'recording', 'CoP meetings are public: the link to the published recording.', false);
  if (!meeting.recording && !meeting.cancelled) doc.comment = ' No recording yet: add `recording: https://…` once it is published.';
  foldLong(doc, ['notes']);
  return doc.toString(TO_STRING);
}

/**
 * A recorded goal review as `cop review --record` writes it: the facts the draft found about each
 * goal as a comment above its entry, the judgements as placeholders to fill in.
 */
export function reviewYaml(review: GoalReview, schemaRef: string, copName: string, facts: readonly string[]): string {
  const doc = new Document(review);
  doc.commentBefore = header([
    `yaml-language-server: $schema=${schemaRef}`,
    `A goal review of the ${copName} CoP, recorded with \`cop review --record\`. With the sponsor, write each`,
    "goal's outcome and the evidence for it, add everyone who took part, and optionally value-creation",
    'stories; then `cop review <id> --apply` moves the charter\'s review dates for kept and revised goals.',
  ]);
  commentKey(doc, 'participants', 'Who took part (ids from people.yaml): add the members who joined the review.', false);
  commentKey(doc, 'goals', 'outcome: keep, revise, achieved or drop. next_review: when a kept or revised goal is next reviewed.');
  for (const [i, fact] of facts.entries()) {
    const item = doc.getIn(['goals', i], true);
    if (isMap(item)) item.commentBefore = ` ${fact}`;
  }
  flow(doc, ['participants']);
  return doc.toString(TO_STRING);
}

/** An output as `cop output` writes it. */
export function outputYaml(output: Output, schemaRef: string, copName: string): string {
  const doc = new Document(output);
  doc.commentBefore = header([`yaml-language-server: $schema=${schemaRef}`, `An output of the ${copName} CoP, recorded with \`cop output\`.`]);
  commentKey(doc, 'hours', "Work time spent on it: counts against the CoP's monthly budget, like preparation.", false);
  commentKey(doc, 'handoff', 'Work handed to a circle: set `status` (accepted, declined, done) and `decided` when it answers.', false);
  commentKey(doc, 'costs', 'Money spent for it.', false);
  flow(doc, ['authors']);
  if (output.goals) flow(doc, ['goals']);
  foldLong(doc, ['notes']);
  return doc.toString(TO_STRING);
}
