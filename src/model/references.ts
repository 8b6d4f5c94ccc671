/** Every place a person id appears in the data, with where it stands, for reference checks. */
import type { PathSegment } from '../schema/messages.js';
import type { CopFolder, Workspace } from '../workspace/workspace.js';

export interface PersonReference {
  id: string;
  file: string;
  path: PathSegment[];
  /** What the person is there, e.g. `sponsor`, `attendee`. */
  role: string;
}

/** A list of person ids in a file, for duplicate checks. */
export interface PersonList {
  file: string;
  path: PathSegment[];
  ids: readonly string[];
  /** What the list is, e.g. `members`. */
  name: string;
}

/** Whether a reference is worth building: a check wants only the few it reports (the unknown ids, say). */
type WantedId = (id: string) => boolean;

type Refer = (id: string | undefined, file: string, path: () => PathSegment[], role: string) => void;

/**
 * The references `fill` names that `wanted` accepts: a big organisation names people half a million
 * times, and a check wants the few unknown ones (so no path is built for the rest).
 */
function references(wanted: WantedId, fill: (refer: Refer) => void): PersonReference[] {
  const found: PersonReference[] = [];
  fill((id, file, path, role) => {
    if (id !== undefined && wanted(id)) found.push({ id, file, path: path(), role });
  });
  return found;
}

/** The people named outside cops/: cop.config.yaml's `cto` and `approvers`, people.yaml's managers. */
export function organisationPersonReferences(org: Pick<Workspace, 'config' | 'configFile' | 'people'>, wanted: WantedId): PersonReference[] {
  return references(wanted, (ref) => {
    if (org.configFile) {
      const file = org.configFile;
      ref(org.config.cto, file, () => ['cto'], 'CTO');
      (org.config.approvers ?? []).forEach((id, i) => ref(id, file, () => ['approvers', i], 'approver'));
    }
    if (org.people) {
      const { file } = org.people;
      org.people.data.forEach((person, i) => ref(person.manager, file, () => ['people', i, 'manager'], 'manager'));
    }
  });
}

/** The people named in one CoP's charter, meetings, outputs and recorded reviews. */
export function copPersonReferences(cop: CopFolder, wanted: WantedId): PersonReference[] {
  return references(wanted, (ref) => {
    const { charter, charterFile: file } = cop;
    if (charter) {
      ref(charter.sponsor, file, () => ['sponsor'], 'sponsor');
      ref(charter.coordinator.appointed_by, file, () => ['coordinator', 'appointed_by'], 'appointer');
      ref(charter.coordinator.deputy, file, () => ['coordinator', 'deputy'], 'deputy coordinator');
      charter.coordinator.terms.forEach((term, i) => ref(term.person, file, () => ['coordinator', 'terms', i, 'person'], 'coordinator'));
      charter.members.forEach((id, i) => ref(id, file, () => ['members', i], 'member'));
      (charter.core_group ?? []).forEach((id, i) => ref(id, file, () => ['core_group', i], 'core group member'));
      (charter.alumni ?? []).forEach((alumnus, i) => ref(alumnus.person, file, () => ['alumni', i, 'person'], 'alumnus'));
      (charter.triggers ?? []).forEach((t, i) => ref(t.declared_by, file, () => ['triggers', i, 'declared_by'], 'declarer'));
      ref(charter.dissolved?.decided_by, file, () => ['dissolved', 'decided_by'], 'decider');
    }
    for (const { file: meetingFile, data } of cop.meetings) {
      data.attendees.forEach((id, i) => ref(id, meetingFile, () => ['attendees', i], 'attendee'));
      (data.preparation ?? []).forEach((prep, i) => ref(prep.person, meetingFile, () => ['preparation', i, 'person'], 'preparer'));
    }
    for (const { file: reviewFile, data } of cop.reviews) {
      data.participants.forEach((id, i) => ref(id, reviewFile, () => ['participants', i], 'review participant'));
      (data.stories ?? []).forEach((story, i) => ref(story.teller, reviewFile, () => ['stories', i, 'teller'], 'storyteller'));
    }
    for (const { file: outputFile, data } of cop.outputs) {
      data.authors.forEach((id, i) => ref(id, outputFile, () => ['authors', i], 'author'));
      (data.hours ?? []).forEach((line, i) => ref(line.person, outputFile, () => ['hours', i, 'person'], 'contributor'));
    }
  });
}

/** people.yaml's list of ids, when it loaded. */
export function* organisationPersonLists(org: Pick<Workspace, 'people'>): Generator<PersonList> {
  if (org.people) yield { file: org.people.file, path: ['people'], ids: org.people.data.map((p) => p.id), name: 'people' };
}

/** One CoP's members, core group and each meeting's attendees. */
export function* copPersonLists(cop: CopFolder): Generator<PersonList> {
  if (cop.charter) {
    yield { file: cop.charterFile, path: ['members'], ids: cop.charter.members, name: 'members' };
    if (cop.charter.core_group) yield { file: cop.charterFile, path: ['core_group'], ids: cop.charter.core_group, name: 'core_group' };
  }
  for (const { file, data } of cop.meetings) yield { file, path: ['attendees'], ids: data.attendees, name: 'attendees' };
}
