/**
 * How the rules on generated files (codeowners-current, readme-current) report drift: one finding
 * per stale file, naming the command that fixes it, with the differing lines as a short diff.
 */
import type { StaleLine } from '../core/marked-block.js';

/** The fix every drift message names: the file's own command, or `cop check --fix` for all of them. */
export const fixAdvice = (command: string) => `run \`${command}\` (or \`cop check --fix\`, which updates every generated file)`;

/** The most differing lines a message shows; the rest are counted. */
const SHOWN = 8;

const squashed = (text: string) => text.trim().replace(/\s+/g, ' ');

/**
 * The lines that really differ, and how many were only removed and added again with other
 * spacing (CODEOWNERS re-padded for a longer path): those are not a change anyone has to review.
 */
function realign(lines: readonly StaleLine[]): { changed: StaleLine[]; realigned: number } {
  const count = (sign: StaleLine['sign']) => {
    const counts = new Map<string, number>();
    for (const l of lines) if (l.sign === sign) counts.set(squashed(l.text), (counts.get(squashed(l.text)) ?? 0) + 1);
    return counts;
  };
  const removed = count('-');
  const added = count('+');
  // Of each text, as many removals and additions pair up as both sides have.
  const unpaired = new Map<string, number>();
  let realigned = 0;
  for (const [text, n] of removed) {
    const pairs = Math.min(n, added.get(text) ?? 0);
    realigned += pairs;
    unpaired.set(`-${text}`, pairs);
    unpaired.set(`+${text}`, pairs);
  }
  const changed = lines.filter((l) => {
    const key = `${l.sign}${squashed(l.text)}`;
    const skip = unpaired.get(key) ?? 0;
    if (skip > 0) unpaired.set(key, skip - 1);
    return skip === 0;
  });
  return { changed, realigned };
}

/** `1 line differs`, `3 lines differ`: lines of the file that change (a `-`/`+` pair is one), re-aligned ones apart. */
export function differingCount(lines: readonly StaleLine[]): string {
  const { changed, realigned } = realign(lines);
  const n = Math.max(changed.filter((l) => l.sign === '-').length, changed.filter((l) => l.sign === '+').length);
  const aligned = realigned > 0 ? `, ${realigned} only re-aligned` : '';
  return `${n} line${n === 1 ? ' differs' : 's differ'}${aligned}`;
}

/** The differing lines as `- old` / `+ new`, one a line, at most SHOWN (then "… N more"); re-aligned ones are only counted. */
export function diffExcerpt(lines: readonly StaleLine[]): string[] {
  const { changed } = realign(lines);
  const shown = changed.slice(0, SHOWN).map(({ sign, text }) => `${sign} ${text.trimEnd()}`);
  return changed.length > SHOWN ? [...shown, `… and ${changed.length - SHOWN} more`] : shown;
}
