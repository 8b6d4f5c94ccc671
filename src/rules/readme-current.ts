import type { ReadmeState } from '../readme/check.js';
import { COPS_DIR } from '../workspace/root.js';
import { ruleDocsUrl } from './docs.js';
import { diffExcerpt, differingCount, fixAdvice } from './drift.js';
import type { Finding, Rule } from './rule.js';

const FIX = fixAdvice('cop readme --write');

/** Where a stale or missing README is reported: a missing CoP README at its charter (a new CoP's pull request), else the file at its first differing line. */
function placeOf(readme: ReadmeState): Pick<Finding, 'file' | 'path' | 'line'> {
  if (readme.state === 'missing' && readme.copId !== undefined) return { file: `${COPS_DIR}/${readme.copId}/charter.yaml`, path: [] };
  return { file: readme.file, path: [], line: readme.differences[0]?.line ?? 1 };
}

export const readmeCurrent: Rule = {
  meta: {
    id: 'readme-current',
    description: 'Where generated READMEs exist under cops/, each one (the index and one per CoP) matches the data as of the date it records (`cop readme --write`).',
    defaultSeverity: 'error',
    docs: ruleDocsUrl('readme-current'),
  },
  *checkOrganisation({ readmeStates = [] }) {
    for (const readme of readmeStates) {
      if (readme.state === 'no-block') yield { file: readme.file, path: [], line: 1, message: `${readme.file} has no generated block: ${FIX}.` };
      else if (readme.state === 'malformed') for (const problem of readme.problems ?? []) yield { file: readme.file, path: [], line: problem.line, message: problem.message };
    }
    // The READMEs are one generated set: a change to the data that leaves them behind is one finding, whatever it touches.
    const behind = readmeStates.filter((readme) => readme.state === 'stale' || readme.state === 'missing');
    if (behind.length === 0) return;
    const listed = behind.map((readme) => (readme.state === 'missing' ? `${readme.file} does not exist` : `${readme.file} (as of ${readme.asOf}: ${differingCount(readme.differences)})`));
    const diffs = behind.filter((readme) => readme.state === 'stale').flatMap((readme) => [`${readme.file}:`, ...diffExcerpt(readme.differences)]);
    yield { ...placeOf(behind[0]!), message: `Generated READMEs are out of date: ${listed.join('; ')}; ${FIX}.`, detail: diffs };
  },
};
