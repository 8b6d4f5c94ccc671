import { didYouMean } from '../core/suggest.js';
import { personReferences } from '../model/references.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const personExists: Rule = {
  meta: {
    id: 'person-exists',
    description: 'Every person named anywhere (sponsor, coordinator, members, attendees, preparation…) is listed in people.yaml.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('person-exists'),
  },
  *check({ ws, people }) {
    // Without a readable people.yaml every reference would be reported: its own finding says enough.
    if (!ws.people) return;
    for (const reference of personReferences(ws, (id) => !people.has(id))) {
      const hint = didYouMean(reference.id, people.keys());
      yield { file: reference.file, path: reference.path, message: `Unknown ${reference.role} \`${reference.id}\`: add them to people.yaml or fix the id.${hint}` };
    }
  },
};
