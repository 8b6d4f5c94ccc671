/**
 * Which findings `cop check --changed-since REF` (and `cop check <paths>`, the named files taken as
 * the changed ones) reports. The whole workspace is still loaded and
 * linted (rules read across files); only the report is narrowed, to:
 *
 * - every finding in a changed file;
 * - every finding anywhere, when cop.config.yaml changed (the policy and the rule severities bear on every file);
 * - every finding under cops/<id>/ when any file there changed (a charter governs its meetings:
 *   dates in range, refreshments cap; a meeting may be the file a charter rule looks at);
 * - `person-exists` findings everywhere, when people.yaml changed (removing a person breaks references elsewhere);
 * - `codeowners-current` and `readme-current` findings (in CODEOWNERS, the READMEs, charters or
 *   the config) when CODEOWNERS, people.yaml, cop.config.yaml or any charter changed.
 *
 * Pure: `changed` holds paths relative to the data root.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { CONFIG_FILE, COPS_DIR, PEOPLE_FILE } from '../workspace/root.js';
import { CODEOWNERS_PATH } from '../workspace/repository.js';

const copFolder = (file: string): string | undefined => {
  const parts = file.split('/');
  return parts[0] === COPS_DIR && parts.length >= 3 ? `${COPS_DIR}/${parts[1]}/` : undefined;
};

export function changedScope(changed: readonly string[], codeownersFile: string = CODEOWNERS_PATH): (d: Diagnostic) => boolean {
  const files = new Set(changed);
  if (files.has(CONFIG_FILE)) return () => true;
  const folders = new Set(changed.map(copFolder).filter((f): f is string => f !== undefined));
  const peopleChanged = files.has(PEOPLE_FILE);
  const ownersInputChanged = peopleChanged || files.has(codeownersFile) || changed.some((f) => /^cops\/[^/]+\/charter\.yaml$/.test(f));
  return (d) => {
    if (files.has(d.file)) return true;
    const folder = copFolder(d.file);
    if (folder !== undefined && folders.has(folder)) return true;
    if (peopleChanged && d.ruleId === 'person-exists') return true;
    return ownersInputChanged && (d.ruleId === 'codeowners-current' || d.ruleId === 'readme-current');
  };
}
