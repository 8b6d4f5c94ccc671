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

export function* personReferences(ws: Workspace): Generator<PersonReference> {
  const ref = (id: string | undefined, file: string, path: PathSegment[], role: string) =>
    id === undefined ? [] : [{ id, file, path, role }];
  if (ws.configFile) {
    yield* ref(ws.config.cto, ws.configFile, ['cto'], 'CTO');
    for (const [i, id] of (ws.config.approvers ?? []).entries()) yield* ref(id, ws.configFile, ['approvers', i], 'approver');
  }
  if (ws.people) {
    for (const [i, person] of ws.people.data.entries()) yield* ref(person.manager, ws.people.file, ['people', i, 'manager'], 'manager');
  }
  for (const cop of ws.cops) {
    const { charter, charterFile: file } = cop;
    if (charter) {
      yield* ref(charter.sponsor, file, ['sponsor'], 'sponsor');
      yield* ref(charter.coordinator.appointed_by, file, ['coordinator', 'appointed_by'], 'appointer');
      yield* ref(charter.coordinator.deputy, file, ['coordinator', 'deputy'], 'deputy coordinator');
      for (const [i, term] of charter.coordinator.terms.entries()) yield* ref(term.person, file, ['coordinator', 'terms', i, 'person'], 'coordinator');
      for (const [i, id] of charter.members.entries()) yield* ref(id, file, ['members', i], 'member');
      for (const [i, id] of (charter.core_group ?? []).entries()) yield* ref(id, file, ['core_group', i], 'core group member');
      for (const [i, alumnus] of (charter.alumni ?? []).entries()) yield* ref(alumnus.person, file, ['alumni', i, 'person'], 'alumnus');
      for (const [i, t] of (charter.triggers ?? []).entries()) yield* ref(t.declared_by, file, ['triggers', i, 'declared_by'], 'declarer');
      yield* ref(charter.dissolved?.decided_by, file, ['dissolved', 'decided_by'], 'decider');
    }
    for (const { file: meetingFile, data } of cop.meetings) {
      for (const [i, id] of data.attendees.entries()) yield* ref(id, meetingFile, ['attendees', i], 'attendee');
      for (const [i, prep] of (data.preparation ?? []).entries()) yield* ref(prep.person, meetingFile, ['preparation', i, 'person'], 'preparer');
    }
  }
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
