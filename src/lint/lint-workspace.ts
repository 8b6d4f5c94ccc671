/** The whole of `cop check` short of printing: load once, run every rule, position the findings. */
import type { IsoDate } from '../core/dates.js';
import { compareDiagnostics, type Diagnostic, type SuppressedDiagnostic } from '../model/diagnostic.js';
import { CORE_CHECKS } from '../rules/core.js';
import { DIRECTIVE_CHECKS } from '../rules/directive-checks.js';
import { CONFIGURABLE_CHECKS, RULES } from '../rules/index.js';
import { loadConfig, loadWorkspace } from '../workspace/load.js';
import { WriteError } from '../workspace/write.js';
import { cacheKey, openParseCache } from '../workspace/parse-cache.js';
import type { OnProgress } from '../workspace/parse-pool.js';
import type { Workspace } from '../workspace/workspace.js';
import { positionFindings } from './position.js';
import { ruleInputs } from './rule-inputs.js';
import { runRules } from './run-rules.js';
import { resolveSeverities } from './severities.js';
import { applySuppressions } from './suppress.js';

export type LintOutcome =
  /** cop.config.yaml is unusable: nothing else was checked (exit 2). */
  | { kind: 'config-error'; diagnostics: Diagnostic[]; fileCount: number }
  | { kind: 'linted'; workspace: Workspace; diagnostics: Diagnostic[]; fileCount: number; suppressed: SuppressedDiagnostic[] };

export interface LintOptions {
  onProgress?: OnProgress;
  /** `cop check --cache`: the cache file, and where to say that it could not be written. */
  cache?: { file: string; warn: (message: string) => void };
}

export async function lintWorkspace(root: string, asOf: IsoDate, { onProgress, cache: cacheOption }: LintOptions = {}): Promise<LintOutcome> {
  const configLoad = loadConfig(root);
  const { severities, problems } = resolveSeverities(configLoad.config, CONFIGURABLE_CHECKS);
  const configFindings = problems.map(({ ruleId, message }) => ({
    ruleId: 'config',
    severity: 'error' as const,
    message,
    file: configLoad.configFile ?? 'cop.config.yaml',
    path: ['rules', ruleId],
    atKey: true,
  }));
  const configErrors = [...configLoad.diagnostics.filter((d) => d.severity === 'error'), ...positionFindings(configFindings, () => configLoad.text)];
  if (configErrors.length > 0) return { kind: 'config-error', diagnostics: configErrors.sort(compareDiagnostics), fileCount: 1 };

  const cache = cacheOption && openParseCache(cacheOption.file, cacheKey(configLoad.text));
  const { workspace, diagnostics: loadDiagnostics } = await loadWorkspace(root, configLoad, { onProgress, cache });
  try {
    cache?.save();
  } catch (error) {
    // The cache only saves time: the check's findings and exit code stand without it.
    if (!(error instanceof WriteError)) throw error;
    cacheOption!.warn(`cop: ${error.message.replace(/; nothing was changed\.$/, '')}; the next run will not be faster.\n`);
  }
  const findings = runRules(workspace, RULES, severities, asOf, await ruleInputs(workspace, asOf));
  const positioned = positionFindings(findings, (file) => workspace.texts?.get(file));
  const { reported, suppressed } = applySuppressions(positioned, workspace.directives ?? [], {
    suppressible: new Set(RULES.map((rule) => rule.meta.id)),
    unsuppressible: new Set([...CORE_CHECKS, ...DIRECTIVE_CHECKS].map((check) => check.id)),
    reasonRequired: workspace.policy.suppression_reason === 'required',
    severities,
  });
  const diagnostics = [...loadDiagnostics, ...reported].sort(compareDiagnostics);
  return { kind: 'linted', workspace, diagnostics, fileCount: workspace.fileCount, suppressed: suppressed.sort(compareDiagnostics) };
}
