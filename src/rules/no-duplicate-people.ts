import { personLists } from '../model/references.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const noDuplicatePeople: Rule = {
  meta: {
    id: 'no-duplicate-people',
    description: 'Nobody is listed twice: in people.yaml, a CoP\'s members or core group, or a meeting\'s attendees.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('no-duplicate-people'),
  },
  *check({ ws }) {
    for (const list of personLists(ws)) {
      const firstIndex = new Map<string, number>();
      for (const [i, id] of list.ids.entries()) {
        const first = firstIndex.get(id);
        if (first === undefined) firstIndex.set(id, i);
        else yield { file: list.file, path: list.name === 'people' ? [...list.path, i, 'id'] : [...list.path, i], message: `\`${id}\` is listed twice in \`${list.name}\` (items ${first + 1} and ${i + 1}).` };
      }
    }
  },
};
