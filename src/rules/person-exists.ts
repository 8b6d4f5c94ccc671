import { didYouMean } from '../core/suggest.js';
import type { Person } from '../model/schema-types.js';
import { copPersonReferences, organisationPersonReferences, type PersonReference } from '../model/references.js';
import { ruleDocsUrl } from './docs.js';
import type { Finding, Rule } from './rule.js';

export const personExists: Rule = {
  meta: {
    id: 'person-exists',
    description: 'Every person named anywhere (sponsor, coordinator, members, attendees, preparation, output authors…) is listed in people.yaml.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('person-exists'),
  },
  // Without a readable people.yaml every reference would be reported: its own finding says enough.
  *checkOrganisation({ org, people }) {
    if (org.people) yield* reportUnknown(organisationPersonReferences(org, (id) => !people.has(id)), people);
  },
  *checkCop(cop, { people }) {
    if (people) yield* reportUnknown(copPersonReferences(cop, (id) => !people.has(id)), people);
  },
};

/** The references to ids people.yaml does not list (the caller filtered them), with close ids as a hint. */
function* reportUnknown(references: readonly PersonReference[], people: ReadonlyMap<string, Person>): Generator<Finding> {
  for (const reference of references) {
    const hint = didYouMean(reference.id, people.keys());
    yield { file: reference.file, path: reference.path, message: `Unknown ${reference.role} \`${reference.id}\`: add them to people.yaml or fix the id.${hint}` };
  }
}
