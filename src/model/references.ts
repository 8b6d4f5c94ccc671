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

/**
 * Where a check is told of references: one id at a path, each id of a list (at `[list, i]`) or
 * each item's `field` in a list of records (at `[list, i, field]`). A big organisation names people
 * half a million times and a check wants the few unknown ones: a path is built only for an id
 * `wanted` accepts, and a list is walked without a function or a path per item.
 */
interface Refer {
  one(id: string | undefined, file: string, path: PathSegment[], role: string): void;
  each(ids: readonly string[] | undefined, file: string, list: string, role: string): void;
  eachOf<K extends string>(items: readonly { readonly [key in K]?: string }[] | undefined, field: K, file: string, list: string, role: string): void;
}

/** The references `fill` names that `wanted` accepts. */
function references(wanted: WantedId, fill: (refer: Refer) => void): PersonReference[] {
  const found: PersonReference[] = [];
  fill({
    one(id, file, path, role) {
      if (id !== undefined && wanted(id)) found.push({ id, file, path, role });
    },
    each(ids, file, list, role) {
      if (ids === undefined) return;
      for (let i = 0; i < ids.length; i++) if (wanted(ids[i]!)) found.push({ id: ids[i]!, file, path: [list, i], role });
    },
    eachOf(items, field, file, list, role) {
      if (items === undefined) return;
      for (let i = 0; i < items.length; i++) {
        const id = items[i]![field];
        if (id !== undefined && wanted(id)) found.push({ id, file, path: [list, i, field], role });
      }
    },
  });
  return found;
}

/** The people named outside cops/: cop.config.yaml's `cto` and `approvers`, people.yaml's managers. */
export function organisationPersonReferences(org: Pick<Workspace, 'config' | 'configFile' | 'people'>, wanted: WantedId): PersonReference[] {
  return references(wanted, (refer) => {
    if (org.configFile) {
      const file = org.configFile;
      refer.one(org.config.cto, file, ['cto'], 'CTO');
      refer.each(org.config.approvers, file, 'approvers', 'approver');
    }
    if (org.people) {
      const { file } = org.people;
      org.people.data.forEach((person, i) => refer.one(person.manager, file, ['people', i, 'manager'], 'manager'));
    }
  });
}

/** The people named in one CoP's charter, meetings, outputs and recorded reviews. */
export function copPersonReferences(cop: CopFolder, wanted: WantedId): PersonReference[] {
  return references(wanted, (refer) => {
    const { charter, charterFile: file } = cop;
    if (charter) {
      refer.one(charter.sponsor, file, ['sponsor'], 'sponsor');
      refer.one(charter.coordinator.appointed_by, file, ['coordinator', 'appointed_by'], 'appointer');
      refer.one(charter.coordinator.deputy, file, ['coordinator', 'deputy'], 'deputy coordinator');
      charter.coordinator.terms.forEach((term, i) => refer.one(term.person, file, ['coordinator', 'terms', i, 'person'], 'coordinator'));
      refer.each(charter.members, file, 'members', 'member');
      refer.each(charter.core_group, file, 'core_group', 'core group member');
      refer.eachOf(charter.alumni, 'person', file, 'alumni', 'alumnus');
      refer.eachOf(charter.triggers, 'declared_by', file, 'triggers', 'declarer');
      refer.one(charter.dissolved?.decided_by, file, ['dissolved', 'decided_by'], 'decider');
    }
    for (const { file: meetingFile, data } of cop.meetings) {
      refer.each(data.attendees, meetingFile, 'attendees', 'attendee');
      refer.eachOf(data.preparation, 'person', meetingFile, 'preparation', 'preparer');
    }
    for (const { file: reviewFile, data } of cop.reviews) {
      refer.each(data.participants, reviewFile, 'participants', 'review participant');
      refer.eachOf(data.stories, 'teller', reviewFile, 'stories', 'storyteller');
    }
    for (const { file: outputFile, data } of cop.outputs) {
      refer.each(data.authors, outputFile, 'authors', 'author');
      refer.eachOf(data.hours, 'person', outputFile, 'hours', 'contributor');
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
