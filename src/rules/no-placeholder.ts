import { isLive } from '../model/charter.js';
import type { PathSegment } from '../schema/messages.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

/** TBC, TBD, TODO as words, or an unfilled template slot such as `<topic>` (not "< 200 ms … > 99%"). */
export const PLACEHOLDER = /\b(TBC|TBD|TODO)\b|<[A-Za-z][\w .'-]{0,58}>/;

function* strings(value: unknown, path: PathSegment[]): Generator<[string, PathSegment[]]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

export const noPlaceholder: Rule = {
  meta: {
    id: 'no-placeholder',
    description: 'A proposed or active charter has no placeholder text (TBC, TBD, TODO, <…>).',
    defaultSeverity: 'warn',
    docs: ruleDocsUrl('no-placeholder'),
  },
  *checkCop({ charterFile: file, charter }) {
    if (!charter || !isLive(charter)) return;
    for (const [text, path] of strings(charter, [])) {
      const match = PLACEHOLDER.exec(text);
      if (match) yield { file, path, message: `Placeholder text "${match[0]}": fill it in before the sponsor approves.` };
    }
  },
};
