/** Runs the enabled rules over a loaded workspace: pure, no I/O. */
import type { IsoDate } from '../core/dates.js';
import type { Severity, SeveritySetting } from '../model/diagnostic.js';
import type { Finding, Rule } from '../rules/rule.js';
import { personIndex, type Workspace } from '../workspace/workspace.js';
import type { RuleInputs } from './rule-inputs.js';

export interface RuleFinding extends Finding {
  ruleId: string;
  severity: Severity;
}

export function runRules(
  ws: Workspace,
  rules: readonly Rule[],
  severities: ReadonlyMap<string, SeveritySetting>,
  asOf: IsoDate,
  inputs: RuleInputs = {},
): RuleFinding[] {
  const context = { ws, asOf, people: personIndex(ws), ...inputs };
  const findings: RuleFinding[] = [];
  for (const rule of rules) {
    const severity = severities.get(rule.meta.id) ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    for (const finding of rule.check(context)) findings.push({ ...finding, ruleId: rule.meta.id, severity });
  }
  return findings;
}
