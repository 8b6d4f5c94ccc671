/** Every place a person id appears in the data, with where it stands, for reference checks. */
import type { PathSegment } from '../schema/messages.js';
import type { Workspace } from '../workspace/workspace.js';

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

/**
 * Every place a person id appears, or only those whose id `wanted` accepts: a big organisation names
 * people half a million times, and a check wants the few unknown ones (so nothing is built for the rest).
 */
export function personReferences(ws: Workspace, wanted: (id: string) => boolean = () => true): PersonReference[] {
  const found: PersonReference[] = [];
  const ref = (id: string | undefined, file: string, path: () => PathSegment[], role: string) => {
    if (id !== undefined && wanted(id)) found.push({ id, file, path: path(), role });
  };
  if (ws.configFile) {
    const file = ws.configFile;
    ref(ws.config.cto, file, () => ['cto'], 'CTO');
    (ws.config.approvers ?? []).forEach((id, i) => ref(id, file, () => ['approvers', i], 'approver'));
  }
  if (ws.people) {
    const { file } = ws.people;
    ws.people.data.forEach((person, i) => ref(person.manager, file, () => ['people', i, 'manager'], 'manager'));
  }
  for (const cop of ws.cops) {
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
  }
  return found;
}

export function* personLists(ws: Workspace): Generator<PersonList> {
  if (ws.people) yield { file: ws.people.file, path: ['people'], ids: ws.people.data.map((p) => p.id), name: 'people' };
  for (const cop of ws.cops) {
    if (cop.charter) {
      yield { file: cop.charterFile, path: ['members'], ids: cop.charter.members, name: 'members' };
      if (cop.charter.core_group) yield { file: cop.charterFile, path: ['core_group'], ids: cop.charter.core_group, name: 'core_group' };
    }
    for (const { file, data } of cop.meetings) yield { file, path: ['attendees'], ids: data.attendees, name: 'attendees' };
  }
}
