/** Rule severities: each rule's default, overridden by cop.config.yaml's `rules:` map. */
import type { SeveritySetting } from '../model/diagnostic.js';
import type { Config } from '../model/schema-types.js';
import { CORE_CHECKS } from '../rules/core.js';
import type { RuleMeta } from '../rules/rule.js';
import { suggest } from '../core/suggest.js';

export interface SeverityResolution {
  severities: Map<string, SeveritySetting>;
  /** Problems with `rules:` (unknown ids, core checks): a configuration error. */
  problems: { ruleId: string; message: string }[];
}

/** `rules`: every configurable check (src/rules/index.ts's CONFIGURABLE_CHECKS). */
export function resolveSeverities(config: Config, rules: readonly RuleMeta[]): SeverityResolution {
  const severities = new Map<string, SeveritySetting>(rules.map((rule) => [rule.id, rule.defaultSeverity]));
  const problems: SeverityResolution['problems'] = [];
  for (const [ruleId, setting] of Object.entries(config.rules ?? {})) {
    if (CORE_CHECKS.some((core) => core.id === ruleId)) {
      problems.push({ ruleId, message: `\`${ruleId}\` is a core check and cannot be configured.` });
    } else if (!severities.has(ruleId)) {
      const near = suggest(ruleId, severities.keys());
      problems.push({ ruleId, message: `Unknown rule \`${ruleId}\`.${near.length ? ` Did you mean ${near.join(', ')}?` : ''} \`cop rules\` lists them.` });
    } else {
      severities.set(ruleId, setting);
    }
  }
  return { severities, problems };
}
