/**
 * The data files' texts as they were checked: rule findings are positioned in them, and fixes and
 * edits start from them, so a file is never parsed from one text and patched from another.
 *
 * A big repository's meeting logs are most of its bytes, and few of them ever have a rule finding:
 * their texts are not kept (nor copied back from the worker threads that parse them). What is kept
 * is the text's content hash and its opening comments (all that rule `schema-modeline` reads).
 * Asked for such a text, Texts reads the file again and gives it only when its hash is still the
 * one checked; a file changed since gives undefined (a finding in it then points at its first line).
 */
import { hash } from 'node:crypto';
import type { TextDigest } from './data-file.js';
import { openingOf } from './modeline.js';

export interface Texts {
  /** The whole text as it was checked; undefined for a file not read, or changed since. */
  get(file: string): string | undefined;
  /** The comments and blank lines that open the file (see openingOf), without reading it again. */
  opening(file: string): string | undefined;
}

/**
 * A text's content hash: git's blob id of its UTF-8 bytes, so that the hash of a file git's index
 * holds unmodified is known without reading it (git-index.ts, for `cop check --cache`).
 */
export const textHash = (text: string): string => hash('sha1', `blob ${Buffer.byteLength(text)}\0${text}`, 'hex');

/** What is kept of a text in place of the text. */
export const digestOf = (text: string): TextDigest => ({ hash: textHash(text), opening: interned(openingOf(text)) });

/**
 * One copy of each distinct opening (nearly every meeting log has the same one): an opening is a
 * slice of its text, and would keep the whole text in memory, the very thing not kept (35 MB at
 * 60k files on one thread). The loader interns again what worker threads send: a copy each.
 */
const openings = new Map<string, string>();
export function interned(opening: string): string {
  let one = openings.get(opening);
  if (one === undefined) openings.set(opening, (one = opening));
  return one;
}

/** Texts from those kept whole and the digests of the others, which `reread` reads again (undefined: cannot be read). */
export function textsOf(
  kept: ReadonlyMap<string, string>,
  digests: ReadonlyMap<string, TextDigest> = new Map(),
  reread?: (file: string) => string | undefined,
): Texts {
  const readAgain = new Map<string, string | undefined>(); // what reread gave, if unchanged
  return {
    get(file) {
      const text = kept.get(file);
      if (text !== undefined) return text;
      const digest = digests.get(file);
      if (digest === undefined || reread === undefined) return undefined;
      if (!readAgain.has(file)) {
        const again = reread(file);
        readAgain.set(file, again !== undefined && textHash(again) === digest.hash ? again : undefined);
      }
      return readAgain.get(file);
    },
    opening(file) {
      const text = kept.get(file);
      return text === undefined ? digests.get(file)?.opening : openingOf(text);
    },
  };
}
