/**
 * Words for a shell command `cop` prints for a person to copy (`git commit -m …`): each argument
 * from data is single-quoted, so a name holding `"`, `$(…)`, a backtick or `;` is a word, never
 * shell syntax that would run when the line is pasted.
 */

/** `text` as one shell word: single-quoted, with each `'` written `'\''`. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The words of a command line, each quoted as it needs. */
export const shellCommand = (...words: string[]) => words.map(shellWord).join(' ');
