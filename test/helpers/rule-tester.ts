/** Runs one rule over a workspace, as the lint engine would, and returns its messages. */
import type { Workspace } from '../../src/workspace/workspace.js';
import type { Finding, Rule } from '../../src/rules/rule.js';
import { runRules } from '../../src/lint/run-rules.js';
import { readmeStates } from '../../src/readme/check.js';
import { hasGeneratedReadmes } from '../../src/readme/markers.js';

/** The rule's findings about the organisation, then each CoP's, at its default severity (never 'off'). */
export function runRule(rule: Rule, ws: Workspace, asOf = '2026-11-20'): Finding[] {
  // The READMEs compared as src/lint/rule-inputs.ts compares them for the engine.
  const readmes = ws.readmes && hasGeneratedReadmes(ws.readmes) ? { readmeStates: readmeStates(ws, ws.readmes, asOf) } : {};
  return runRules(ws, [rule], new Map(), asOf, readmes).map(({ ruleId: _, severity: __, ...finding }) => finding);
}
