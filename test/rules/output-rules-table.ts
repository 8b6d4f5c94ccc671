/** The table shape the output rules' tests share: valid cases find nothing, each invalid case finds exactly its finding. */
import { expect, it } from 'vitest';
import type { Finding, Rule } from '../../src/rules/rule.js';
import type { Config, Goal, Output } from '../../src/model/schema-types.js';
import { charter, workspace } from '../helpers/workspace.js';
import { runRule } from '../helpers/rule-tester.js';

export interface OutputCase {
  name: string;
  outputs: Output[];
  goals?: Goal[];
  config?: Config;
  /** File names in cops/aws/outputs/ for the outputs, in order, instead of the date and a slug of the title. */
  names?: string[];
}

export function outputRuleTable(rule: Rule, valid: readonly OutputCase[], invalid: readonly (OutputCase & { findings: Finding[] })[]): void {
  const run = ({ outputs, goals, config, names }: OutputCase) => {
    const ws = workspace({ cops: { aws: { charter: charter('aws', goals ? { goals } : {}), outputs } }, ...(config ? { config } : {}) });
    names?.forEach((name, i) => (ws.cops[0]!.outputs[i]!.file = `cops/aws/outputs/${name}`));
    return runRule(rule, ws);
  };
  for (const c of valid) it(`valid: ${c.name}`, () => expect(run(c)).toEqual([]));
  for (const c of invalid) it(`invalid: ${c.name}`, () => expect(run(c)).toEqual(c.findings));
}
