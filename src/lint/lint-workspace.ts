/** The whole of `cop check` short of printing: load once, run every rule, position the findings. */
import type { IsoDate } from '../core/dates.js';
import { compareDiagnostics, type Diagnostic, type SeveritySetting, type SuppressedDiagnostic } from '../model/diagnostic.js';
import { CORE_CHECKS } from '../rules/core.js';
import { DIRECTIVE_CHECKS } from '../rules/directive-checks.js';
import { CONFIGURABLE_CHECKS, RULES } from '../rules/index.js';
import { loadConfig, loadWorkspace, type ConfigLoad, type LoadResult } from '../workspace/load.js';
import { WriteError } from '../workspace/write.js';
import { cacheKey, openCheckCache } from '../workspace/check-cache.js';
import type { OnProgress } from '../workspace/parse-pool.js';
import type { Workspace } from '../workspace/workspace.js';
import { loadCheckingCops, type CopsChecked } from './cop-pool.js';
import type { CopsComputed, PerCop } from './per-cop.js';
import { positionFindings } from './position.js';
import { ruleInputs } from './rule-inputs.js';
import { ruleContexts, runCopRules, runOrganisationRules } from './run-rules.js';
import { resolveSeverities } from './severities.js';
import { dropRepeats, GENERATED_FILE_RULES, ruleSkips, skipGeneratedForUnknownPeople, without, type SkippedRules } from './skipped.js';
import { applySuppressions, type SuppressionPolicy } from './suppress.js';

export type LintOutcome =
  /** cop.config.yaml is unusable: nothing else was checked (exit 2). */
  | { kind: 'config-error'; diagnostics: Diagnostic[]; fileCount: number }
  /** With a cache, the CoPs taken from it unchanged are in `workspace` without their meetings. */
  | {
      kind: 'linted';
      workspace: Workspace;
      diagnostics: Diagnostic[];
      fileCount: number;
      suppressed: SuppressedDiagnostic[];
      /** Files that failed to load, with the rules not run because of them (src/lint/skipped.ts). */
      skipped: SkippedRules[];
      /** With `perCop`, when the CoPs were checked where they were read: what was computed of each (`workspace` then holds no meetings or outputs). */
      computed?: CopsComputed;
    };

export type LintOptions = {
  onProgress?: OnProgress;
  /**
   * The caller reads only the findings (and the workspace's CODEOWNERS): each CoP may be checked
   * whole in a worker thread (cop-pool.ts), and the outcome's workspace then holds no meetings or outputs.
   */
  findingsOnly?: boolean;
  /** cop.config.yaml as already read (options.ts dataContext reads it for `as_of`); else it is read here. */
  configLoad?: ConfigLoad;
} & (
  | {
      /** `cop check --cache`: the cache file, and where to say that it could not be written. */
      cache?: { file: string; warn: (message: string) => void };
      errorsOnly?: never;
      perCop?: never;
    }
  | {
      /**
       * Run only the rules whose findings are errors: a command that computes from the data
       * (load-valid.ts) stops on errors and prints nothing else, so it need not look for warnings.
       */
      errorsOnly: true;
      cache?: never;
      /**
       * What the command computes of each CoP (per-cop.ts): each CoP is then checked, and this
       * computed, where it is read (cop-pool.ts), unless generated READMEs need every meeting.
       */
      perCop?: PerCop;
    }
);

export async function lintWorkspace(root: string, asOf: IsoDate, { onProgress, configLoad = loadConfig(root), cache: cacheOption, errorsOnly, findingsOnly, perCop }: LintOptions = {}): Promise<LintOutcome> {
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

  const notRun = new Set(errorsOnly ? [...severities].filter(([, severity]) => severity === 'warn').map(([id]) => id) : []);
  const running = new Map([...severities].map(([id, severity]) => [id, notRun.has(id) ? 'off' : severity]));
  const cache = cacheOption && openCheckCache(cacheOption.file, cacheKey(configLoad.text));
  // A cache keeps today's load: it needs every file's stamp and result, and its unchanged CoPs are not read.
  const checkingCops = !cacheOption && (perCop !== undefined || (findingsOnly && !errorsOnly));
  const byCop = checkingCops ? await loadCheckingCops(root, configLoad, { asOf, severities: running, ...(onProgress ? { onProgress } : {}), ...(perCop ? { perCop } : {}) }) : undefined;
  const loaded: LoadResult & Partial<CopsChecked> =
    byCop && 'copFindings' in byCop ? byCop : await loadWorkspace(root, configLoad, { ...(onProgress ? { onProgress } : {}), ...(cache ? { cache: { cache, asOf } } : {}), ...(byCop ?? {}) });
  const { workspace, diagnostics: loadDiagnostics, unchanged, copFindings, computed } = loaded;
  const textOf = (file: string) => workspace.texts?.get(file);
  const contexts = ruleContexts(workspace, asOf, await ruleInputs(workspace, asOf));
  // One cause, one finding: a file that failed to load keeps the rules that read it from reporting its gap.
  // A rule on a generated file the organisation does not have finds nothing: it is never said to be skipped.
  const absent = new Set([...(workspace.codeowners ? [] : ['codeowners-current']), ...(contexts.organisation.readmeStates ? [] : ['readme-current'])]);
  const skips = ruleSkips(loadDiagnostics, without(running, absent));
  const [generatedRules, otherRules] = [RULES.filter((r) => GENERATED_FILE_RULES.includes(r.meta.id)), RULES.filter((r) => !GENERATED_FILE_RULES.includes(r.meta.id))];
  const organisationRunning = without(running, skips.organisation);
  const positioned = positionFindings(runOrganisationRules(otherRules, organisationRunning, contexts.organisation), textOf);
  for (const cop of workspace.cops) {
    const checked = copFindings?.get(cop.id) ?? unchanged?.get(cop.id)?.findings;
    if (checked) {
      positioned.push(...checked);
      continue;
    }
    const found = positionFindings(runCopRules(cop, RULES, without(running, skips.cops.get(cop.id)), contexts.cop), textOf);
    cache?.keepFindings(cop.id, found);
    positioned.push(...found);
  }
  // The generated files last: they wait for the charters to name only known people.
  if (skipGeneratedForUnknownPeople(skips, positioned, without(organisationRunning, absent))) {
    positioned.push(...positionFindings(runOrganisationRules(generatedRules, organisationRunning, contexts.organisation), textOf));
  }
  try {
    cache?.save();
  } catch (error) {
    // The cache only saves time: the check's findings and exit code stand without it.
    if (!(error instanceof WriteError)) throw error;
    cacheOption!.warn(`cop: ${error.message.replace(/; nothing was changed\.$/, '')}; the next run will not be faster.\n`);
  }
  const { reported, suppressed } = applySuppressions(dropRepeats(positioned), workspace.directives ?? [], suppressionPolicy(workspace, running, notRun));
  const diagnostics = [...dropRepeats(loadDiagnostics), ...reported].sort(compareDiagnostics);
  return { kind: 'linted', workspace, diagnostics, fileCount: workspace.fileCount, suppressed: suppressed.sort(compareDiagnostics), skipped: skips.skipped, ...(computed ? { computed } : {}) };
}

/** How suppression comments apply in `ws` under `severities` (`notRun`: rules left out of this run). */
export function suppressionPolicy(ws: Pick<Workspace, 'policy'>, severities: ReadonlyMap<string, SeveritySetting>, notRun: ReadonlySet<string> = new Set()): SuppressionPolicy {
  return {
    suppressible: new Set(RULES.map((rule) => rule.meta.id)),
    unsuppressible: new Set([...CORE_CHECKS, ...DIRECTIVE_CHECKS].map((check) => check.id)),
    reasonRequired: ws.policy.suppression_reason === 'required',
    severities,
    notRun,
  };
}
