/**
 * Inline suppression comments in a YAML data file, after ESLint's disable comments:
 *
 * ```yaml
 * # cop-disable-next-line min-members -- pilot until March, approved by the CTO
 * members: [ada, alan, grace]
 * # cop-disable coordinator-rotation -- appointed leader
 * ```
 *
 * `cop-disable-next-line` covers the next line that is not blank or a comment, and the block
 * under it (the lines indented deeper, or a sequence at the same indentation under a bare key),
 * so a comment above `members:` covers the whole list. `cop-disable` covers the whole file.
 * Several rules are separated by commas; the reason follows ` -- `. Pure: text in, directives out.
 */

export type DirectiveScope = 'next-line' | 'file';

export interface SuppressionDirective {
  /** Relative to the data root, forward slashes. */
  file: string;
  scope: DirectiveScope;
  /** The rule ids as written (validated later against the rules that exist). */
  rules: string[];
  /** The text after ` -- `, trimmed; absent when none was given. */
  reason?: string;
  /** 1-based line and column of the comment. */
  line: number;
  column: number;
  /** The lines a `next-line` directive covers, inclusive (absent when nothing follows it). */
  covers?: { from: number; to: number };
}

const DIRECTIVE = /(?:^|\s)(#\s*cop-disable(-next-line)?)(?=\s|$)(.*)$/;

const indentOf = (line: string): number => /^ */.exec(line)![0].length;
const isContent = (line: string): boolean => !/^\s*(#.*)?$/.test(line);

/** The lines the node starting on `lines[start]` spans: deeper-indented lines, or a same-indent sequence under a bare key. */
function blockEnd(lines: readonly string[], start: number): number {
  const head = lines[start]!;
  const indent = indentOf(head);
  const bareKey = /:\s*(#.*)?$/.test(head);
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isContent(line)) continue;
    const deeper = indentOf(line) > indent || (bareKey && indentOf(line) === indent && /^\s*-(\s|$)/.test(line));
    if (!deeper) break;
    end = i;
  }
  return end;
}

export function findDirectives(file: string, text: string): SuppressionDirective[] {
  // Most files have none: skip the line split entirely.
  if (!text.includes('cop-disable')) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const directives: SuppressionDirective[] = [];
  for (const [index, line] of lines.entries()) {
    const match = DIRECTIVE.exec(line);
    if (!match) continue;
    const [, marker, nextLine, rest = ''] = match;
    const [ruleText = '', ...reasonParts] = rest.split(/\s--(?:\s|$)/);
    const reason = reasonParts.join(' -- ').trim();
    const directive: SuppressionDirective = {
      file,
      scope: nextLine ? 'next-line' : 'file',
      rules: ruleText.split(/[\s,]+/).filter((rule) => rule !== ''),
      line: index + 1,
      column: match.index + match[0].indexOf(marker!) + 1,
    };
    if (reason !== '') directive.reason = reason;
    if (nextLine) {
      const target = lines.findIndex((candidate, i) => i > index && isContent(candidate));
      if (target !== -1) directive.covers = { from: target + 1, to: blockEnd(lines, target) + 1 };
    }
    directives.push(directive);
  }
  return directives;
}
