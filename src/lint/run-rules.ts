/** Runs the enabled rules over loaded data: pure, no I/O. */
import type { IsoDate } from '../core/dates.js';
import type { Severity, SeveritySetting } from '../model/diagnostic.js';
import { circlesOf } from '../model/output.js';
import type { CopContext, Finding, OrganisationContext, Rule } from '../rules/rule.js';
import type { CopFolder, Workspace } from '../workspace/workspace.js';
import { personIndex } from '../workspace/workspace.js';
import type { RuleInputs } from './rule-inputs.js';

export interface RuleFinding extends Finding {
  ruleId: string;
  severity: Severity;
}

type Severities = ReadonlyMap<string, SeveritySetting>;

/**
 * The organisation's checks, then each CoP's: of every CoP, or of `cops` only (a change to some
 * CoPs' files can change only their findings and the organisation's).
 */
export function runRules(ws: Workspace, rules: readonly Rule[], severities: Severities, asOf: IsoDate, inputs: RuleInputs = {}, cops: readonly CopFolder[] = ws.cops): RuleFinding[] {
  const contexts = ruleContexts(ws, asOf, inputs);
  const findings = runOrganisationRules(rules, severities, contexts.organisation);
  for (const cop of cops) findings.push(...runCopRules(cop, rules, severities, contexts.cop));
  return findings;
}

/** What the organisation's checks see of `ws`, and the context every one of its CoPs is checked in. */
export function ruleContexts(ws: Workspace, asOf: IsoDate, inputs: RuleInputs = {}): { organisation: OrganisationContext; cop: CopContext } {
  const people = personIndex(ws);
  return {
    organisation: { org: ws, asOf, people, ...inputs },
    cop: { asOf, policy: ws.policy, circles: circlesOf(ws.config), ...(ws.people ? { people } : {}), ...(ws.texts ? { texts: ws.texts } : {}) },
  };
}

export function runCopRules(cop: CopFolder, rules: readonly Rule[], severities: Severities, context: CopContext): RuleFinding[] {
  return collect(rules, severities, (rule) => rule.checkCop?.(cop, context));
}

export function runOrganisationRules(rules: readonly Rule[], severities: Severities, context: OrganisationContext): RuleFinding[] {
  return collect(rules, severities, (rule) => rule.checkOrganisation?.(context));
}

function collect(rules: readonly Rule[], severities: Severities, check: (rule: Rule) => Iterable<Finding> | undefined): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const rule of rules) {
    const severity = severities.get(rule.meta.id) ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    for (const finding of check(rule) ?? []) findings.push({ ...finding, ruleId: rule.meta.id, severity });
  }
  return findings;
}
