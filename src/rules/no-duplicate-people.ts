import { copPersonLists, organisationPersonLists, type PersonList } from '../model/references.js';
import { ruleDocsUrl } from './docs.js';
import type { Finding, Rule } from './rule.js';

export const noDuplicatePeople: Rule = {
  meta: {
    id: 'no-duplicate-people',
    description: 'Nobody is listed twice: in people.yaml, a CoP\'s members or core group, or a meeting\'s attendees; nobody is both a member and an alumnus.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('no-duplicate-people'),
  },
  *checkOrganisation({ org }) {
    yield* repeats(organisationPersonLists(org));
  },
  *checkCop(cop) {
    const { charterFile: file, charter } = cop;
    if (charter) {
      const members = new Set(charter.members);
      for (const [i, { person }] of (charter.alumni ?? []).entries()) {
        if (members.has(person)) yield { file, path: ['alumni', i, 'person'], message: `\`${person}\` is both a member and an alumnus: remove them from \`alumni\` if they rejoined, else from \`members\`.` };
      }
    }
    yield* repeats(copPersonLists(cop));
  },
};

/** Each id listed again after its first place in its list. */
function* repeats(lists: Iterable<PersonList>): Generator<Finding> {
  for (const list of lists) {
    if (!hasRepeats(list.ids)) continue; // most lists: nothing to index
    const firstIndex = new Map<string, number>();
    for (const [i, id] of list.ids.entries()) {
      const first = firstIndex.get(id);
      if (first === undefined) firstIndex.set(id, i);
      else yield { file: list.file, path: list.name === 'people' ? [...list.path, i, 'id'] : [...list.path, i], message: `\`${id}\` is listed twice in \`${list.name}\` (items ${first + 1} and ${i + 1}).` };
    }
  }
}

/** Whether an id appears twice; a short list (a meeting's attendees) is compared pairwise, without a Set. */
function hasRepeats(ids: readonly string[]): boolean {
  if (ids.length > 32) return new Set(ids).size !== ids.length;
  for (let i = 1; i < ids.length; i++) for (let j = 0; j < i; j++) if (ids[i] === ids[j]) return true;
  return false;
}
