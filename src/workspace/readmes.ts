/** Reads the READMEs `cop readme` generates (cops/README.md, cops/<id>/README.md), for the rule `readme-current`. */
import type { Diagnostic } from '../model/diagnostic.js';
import { readGuarded, refusalFinding, type ReadScope } from './read.js';
import { COPS_DIR } from './root.js';

/**
 * The READMEs that exist, by path relative to the data root, through the guarded reader. A README
 * it refuses (a link out of the repository, a FIFO, too big…) is a finding, never a silent "no README".
 */
export function readReadmes(scope: ReadScope, copIds: readonly string[]): { readmes: Map<string, string>; diagnostics: Diagnostic[] } {
  const readmes = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const file of [`${COPS_DIR}/README.md`, ...copIds.map((id) => `${COPS_DIR}/${id}/README.md`)]) {
    const read = readGuarded(scope, file);
    if (read.ok) readmes.set(file, read.text);
    else if (!read.missing) diagnostics.push(refusalFinding(file, read.message));
  }
  return { readmes, diagnostics };
}
