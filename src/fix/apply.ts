/** Writes planned fixes (src/fix/plan.ts): atomic replaces, renames that never overwrite, a diff for --fix-dry-run. */
import { linkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { replaceFileAtomic } from '../workspace/write.js';
import type { Fix } from './plan.js';

/** The fixes as a unified diff (renames as git prints them), for --fix-dry-run. */
export function fixesPatch(fixes: readonly Fix[]): string {
  return fixes
    .map((fix) =>
      fix.kind === 'rename'
        ? `diff --git a/${fix.from} b/${fix.to}\nrename from ${fix.from}\nrename to ${fix.to}\n`
        : createTwoFilesPatch(`a/${fix.file}`, `b/${fix.file}`, fix.before ?? '', fix.after, undefined, undefined, { context: 3 }).replace(/^=+\n/m, ''),
    )
    .join('');
}

/** Applies the fixes under `root`; returns those applied (a rename onto a name now taken is skipped). */
export function applyFixes(root: string, fixes: readonly Fix[]): Fix[] {
  const applied: Fix[] = [];
  for (const fix of fixes) {
    if (fix.kind === 'rename') {
      // A hard link fails when the name is taken, so a rename never overwrites another log.
      try {
        linkSync(join(root, fix.from), join(root, fix.to));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      unlinkSync(join(root, fix.from));
    } else {
      // Checked replace: if the file no longer holds the text the fix was planned on, nothing is written (exit 2).
      replaceFileAtomic(join(root, fix.file), fix.after, fix.before);
    }
    applied.push(fix);
  }
  return applied;
}
