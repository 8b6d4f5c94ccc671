/**
 * What a rule reads that costs a lot to work out, worked out before the rules run and only when
 * needed. Comparing the generated READMEs with the data (rule readme-current) loads the view model
 * and the table renderers; a repository without such READMEs never loads them, which is a tenth
 * of a small repository's `cop check`.
 */
import type { IsoDate } from '../core/dates.js';
import { hasGeneratedReadmes } from '../readme/markers.js';
import type { OrganisationContext } from '../rules/rule.js';
import type { Organisation } from '../workspace/workspace.js';

export type RuleInputs = Pick<OrganisationContext, 'readmeStates'>;

export async function ruleInputs(ws: Organisation, asOf: IsoDate): Promise<RuleInputs> {
  if (!ws.readmes || !hasGeneratedReadmes(ws.readmes)) return {};
  const { readmeStates } = await import('../readme/check.js');
  return { readmeStates: readmeStates(ws, ws.readmes, asOf) };
}
