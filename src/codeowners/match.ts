/**
 * Who owns a path by GitHub's CODEOWNERS rules, to check that the generated file really requires
 * the approvals it is meant to. Pure.
 *
 * GitHub's rules (docs: "About code owners"): each line is a gitignore-style pattern followed by
 * owners; the LAST line whose pattern matches a path decides, and a matching line with no owners
 * leaves the path unowned. A pattern with a slash before its end is anchored at the repository
 * root, one without matches at any depth; a trailing `/` matches a folder and everything below
 * it, and so does a pattern naming a folder; `*` and `?` stay within one path segment, `**`
 * crosses them; `docs/*` matches the files directly in docs/ but not deeper ones. `\ ` escapes a
 * space, `#` starts a comment. (GitHub supports neither `!` nor `[…]`: such lines match nothing.)
 */

export interface OwnerLine {
  /** 1-based line in the file. */
  line: number;
  pattern: string;
  /** `@user`, `@org/team` or e-mail addresses; empty when the line takes ownership away. */
  owners: string[];
  matches: (path: string) => boolean;
}

/** The owner lines of a CODEOWNERS text, in file order. */
export function parseCodeownersLines(text: string): OwnerLine[] {
  const lines: OwnerLine[] = [];
  for (const [i, raw] of text.replace(/\r\n/g, '\n').split('\n').entries()) {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    // The pattern ends at the first space that is not escaped.
    const match = /^((?:\\.|[^\s\\])+)\s*(.*)$/.exec(trimmed);
    if (!match) continue;
    const pattern = match[1]!.replace(/\\(.)/g, '$1');
    const owners = match[2]!.replace(/\s#.*$/, '').split(/\s+/).filter((o) => o !== '');
    lines.push({ line: i + 1, pattern, owners, matches: patternMatcher(pattern) });
  }
  return lines;
}

/** The line that decides who owns `path` (relative to the repository root, forward slashes), if any. */
export function decidingLine(lines: readonly OwnerLine[], path: string): OwnerLine | undefined {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.matches(path)) return lines[i];
  return undefined;
}

/** The owners of `path`: empty when no line matches or the last matching line names none. */
export function ownersOf(lines: readonly OwnerLine[], path: string): string[] {
  return decidingLine(lines, path)?.owners ?? [];
}

const escapeRegExp = (text: string) => text.replace(/[.+^${}()|[\]\\]/g, '\\$&');

function segmentRegExp(segment: string): string {
  return segment.split('').map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : escapeRegExp(c))).join('');
}

function patternMatcher(pattern: string): (path: string) => boolean {
  if (pattern.startsWith('!') || /[[\]]/.test(pattern)) return () => false;
  const folderOnly = pattern.endsWith('/');
  const body = pattern.replace(/\/+$/, '');
  if (body === '') return () => false;
  const anchored = body.includes('/');
  const segments = body.replace(/^\//, '').split('/');
  const parts = segments.map((segment, i) => {
    if (segment !== '**') return segmentRegExp(segment) + (i < segments.length - 1 ? '/' : '');
    return i < segments.length - 1 ? '(?:[^/]+/)*' : '.*';
  });
  const start = anchored ? '^' : '^(?:[^/]+/)*';
  // `docs/*` owns the files directly in docs/, not those in its subfolders (GitHub's documented exception).
  const directOnly = !folderOnly && segments[segments.length - 1] === '*' && segments.length > 1;
  const self = new RegExp(`${start}${parts.join('')}$`);
  const below = new RegExp(`${start}${parts.join('')}/`);
  if (folderOnly) return (path) => below.test(path);
  if (directOnly) return (path) => self.test(path);
  return (path) => self.test(path) || below.test(path);
}
