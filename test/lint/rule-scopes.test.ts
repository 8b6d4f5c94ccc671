/**
 * The contract of a rule's two parts (src/rules/rule.ts): what it finds about one CoP follows from
 * that CoP's folder alone, so `cop check --cache` may reuse it while the other CoPs change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runRules, type RuleFinding } from '../../src/lint/run-rules.js';
import { RULES } from '../../src/rules/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import type { CopFolder, Workspace } from '../../src/workspace/workspace.js';
import { REPO_ROOT } from '../helpers/cli.js';

/** `ws` with no meetings but `kept`'s, nor their texts (a rule could read them there too). */
function withMeetingsOf(ws: Workspace, kept: CopFolder): Workspace {
  const dropped = new Set(ws.cops.filter((cop) => cop !== kept).flatMap((cop) => cop.meetings.map((m) => m.file)));
  const texts = ws.texts && {
    get: (file: string) => (dropped.has(file) ? undefined : ws.texts!.get(file)),
    opening: (file: string) => (dropped.has(file) ? undefined : ws.texts!.opening(file)),
  };
  return { ...ws, cops: ws.cops.map((cop) => (cop === kept ? cop : { ...cop, meetings: [] })), texts };
}

/** The findings in the CoP's own files, in the order found. */
function findingsIn(cop: CopFolder, findings: readonly RuleFinding[]): RuleFinding[] {
  const files = new Set([cop.charterFile, ...cop.meetings.map((m) => m.file)]);
  return findings.filter((finding) => files.has(finding.file));
}

describe('rule scopes', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ({ workspace: ws } = await loadWorkspace(REPO_ROOT));
  });

  it('every rule checks a CoP, the organisation or both', () => {
    for (const rule of RULES) expect(rule.checkCop ?? rule.checkOrganisation, rule.meta.id).toBeDefined();
  });

  // The example is clean as of AS_OF: earlier, its later meetings lie in the future and a member has
  // been away; later, goals are due, members inactive, coordinators to rotate. So findings can differ.
  it.each(['2026-06-01', '2027-04-15'])('finds the same about each bundled CoP without the other CoPs\' meetings (as of %s)', (asOf) => {
    const full = runRules(ws, RULES, new Map(), asOf);
    let compared = 0;
    for (const cop of ws.cops) {
      const expected = findingsIn(cop, full);
      expect(findingsIn(cop, runRules(withMeetingsOf(ws, cop), RULES, new Map(), asOf)), cop.id).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
