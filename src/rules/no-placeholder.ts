import { codeownersBlock } from '../codeowners/codeowners.js';
import { isLive } from '../model/charter.js';
import type { PathSegment } from '../schema/messages.js';
import { ruleDocsUrl } from './docs.js';
import type { Finding, Rule } from './rule.js';

/**
 * TBC, TBD, TODO as words, an unfilled template slot such as `<topic>` (not "< 200 ms … > 99%"),
 * or a value that asks to be replaced, such as the GitHub handle `cop init --yes` writes for the
 * CTO (`replace-with-cto-handle`).
 */
export const PLACEHOLDER = /\b(TBC|TBD|TODO)\b|<[A-Za-z][\w .'-]{0,58}>|\b[Rr]eplace-with-[\w-]*/;

/** The placeholder in `text`, if any. */
const placeholderIn = (text: string) => PLACEHOLDER.exec(text)?.[0];

/**
 * One finding per string value holding a placeholder. The walk keeps one path, copied only for a
 * finding, and makes no generator or entry pair per value: a warm `cop check --cache` walks a big
 * people.yaml every run.
 */
function placeholders(file: string, data: unknown, advice: string): Finding[] {
  const findings: Finding[] = [];
  const path: PathSegment[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      const found = placeholderIn(value);
      if (found) findings.push({ file, path: [...path], message: `Placeholder text "${found}": ${advice}` });
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        path.push(key);
        walk((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  walk(data);
  return findings;
}

export const noPlaceholder: Rule = {
  meta: {
    id: 'no-placeholder',
    description: 'No placeholder (TBC, TBD, TODO, <…>, replace-with-…) is left in cop.config.yaml, people.yaml, CODEOWNERS, a proposed or active charter or a recorded goal review.',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('no-placeholder'),
  },
  *checkOrganisation({ org }) {
    if (org.configFile) yield* placeholders(org.configFile, org.config, 'replace it with the real value.');
    if (org.people) yield* placeholders(org.people.file, { people: org.people.data }, 'replace it with the real value (a GitHub handle that does not exist gives CODEOWNERS no owner).');
    if (org.codeowners) yield* codeownersPlaceholder(org.codeowners.file, org.codeowners.text);
  },
  *checkCop({ charterFile: file, charter, reviews }) {
    if (charter && isLive(charter)) yield* placeholders(file, charter, 'fill it in before the sponsor approves.');
    for (const review of reviews) yield* placeholders(review.file, review.data, 'write what the review decided (`cop review <id> --apply` moves the charter\'s review dates once it is filled).');
  },
};

/**
 * Hand-written CODEOWNERS lines (not comments) naming a placeholder owner: one finding, at the
 * first, as every such line has the one cause (GitHub ignores an owner that does not exist, so no
 * approval is required there). The generated block is left to people.yaml, where its owners come
 * from, and to codeowners-current: one cause, one finding, and `cop codeowners --write` is never
 * blocked by the block it is about to rewrite.
 */
function* codeownersPlaceholder(file: string, text: string): Generator<Finding> {
  const block = codeownersBlock(text);
  const handWritten = (i: number) => !block || i < block.begin || i > block.end;
  const hits = text
    .split(/\r?\n/)
    .map((line, i) => ({ line: i + 1, found: handWritten(i) && !line.trimStart().startsWith('#') ? placeholderIn(line) : undefined }))
    .filter((hit) => hit.found !== undefined);
  if (hits.length === 0) return;
  const where = hits.length === 1 ? 'this line' : `${hits.length} lines, from this one`;
  yield {
    file,
    path: [],
    line: hits[0]!.line,
    message: `Placeholder owner "${hits[0]!.found}" on ${where}: GitHub ignores an owner that does not exist, so no approval is required there. Write the real GitHub handle.`,
  };
}
