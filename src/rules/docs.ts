/**
 * Each rule's documentation page, docs/rules/<id>.md: shipped in the npm package, printed by
 * `cop rules <id>`, and linked from every output format by its URL. A test runs each page's
 * examples, so a page cannot drift from its rule.
 */
import { readFileSync } from 'node:fs';

/** Where the published pages live: the package's own copy, as the schemas' `$id`s are. */
export const RULE_DOCS_BASE = 'https://unpkg.com/cops-as-code/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

/** The page of a rule, from the installed package; undefined when there is none. */
export function readRulePage(id: string): string | undefined {
  try {
    return readFileSync(new URL(`../../docs/rules/${id}.md`, import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}
