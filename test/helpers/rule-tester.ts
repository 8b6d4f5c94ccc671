/** Runs one rule over a workspace, as the lint engine would, and returns its messages. */
import { personIndex, type Workspace } from '../../src/workspace/workspace.js';
import type { Finding, Rule } from '../../src/rules/rule.js';

export function runRule(rule: Rule, ws: Workspace, asOf = '2026-11-20'): Finding[] {
  return [...rule.check({ ws, asOf, people: personIndex(ws) })];
}
