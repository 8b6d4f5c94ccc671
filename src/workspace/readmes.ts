/** Reads the READMEs `cop readme` generates (cops/README.md, cops/<id>/README.md), for the rule `readme-current`. */
import { lstatSync } from 'node:fs';
import { sep } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { hasGeneratedReadmes } from '../readme/markers.js';
import { readGuarded, refusalFinding, type ReadScope } from './read.js';
import { COPS_DIR } from './root.js';

/**
 * The READMEs that exist, by path relative to the data root, through the guarded reader. Once any
 * README holds a generated block (the rule `readme-current` is on), one it refuses (a link out of
 * the repository, a FIFO, too big…) is a finding, never a silent "no README"; before that, READMEs
 * are no business of `cop`'s, and a folder it cannot enter is reported by discovery already.
 */
export function readReadmes(scope: ReadScope, copIds: readonly string[]): { readmes: Map<string, string>; diagnostics: Diagnostic[] } {
  const readmes = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const file of [`${COPS_DIR}/README.md`, ...copIds.map((id) => `${COPS_DIR}/${id}/README.md`)]) {
    // Most folders have none: one lstat says so, where the guarded read resolves the folder first (500 CoPs: a twentieth of a warm check).
    if (absent(`${scope.root}${sep}${file}`)) continue;
    const read = readGuarded(scope, file);
    if (read.ok) readmes.set(file, read.text);
    else if (!read.missing) diagnostics.push(refusalFinding(file, read.message));
  }
  return { readmes, diagnostics: hasGeneratedReadmes(readmes) ? diagnostics : [] };
}

/** Whether nothing is at the path; any other answer (a file, a link, a folder that cannot be entered) is the guarded reader's to give. */
function absent(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false;
  }
}
