/**
 * One cause, one finding: a data file that fails to load (a core check's error: unreadable, bad
 * YAML, a schema error) is reported once, by that check. The rules that would have read what it
 * held are not run where they would only report the gap it leaves, as follow-ons in other files
 * (CODEOWNERS lines "not called for", a README with one CoP fewer, a member who seems to have
 * missed the meeting the broken log records). Each such file says which rules it kept from
 * running. Pure.
 */
import type { Diagnostic, SeveritySetting } from '../model/diagnostic.js';
import { CORE_CHECKS } from '../rules/core.js';
import type { SkippedRules } from '../render/diagnostics-format.js';
import { classifyDataPath } from '../workspace/discover.js';

/** The rules that compare generated files (CODEOWNERS, READMEs) with the data: every charter and person shows in them. */
export const GENERATED_FILE_RULES: readonly string[] = ['codeowners-current', 'readme-current'];

/** The rules a broken file of each kind keeps from running: over the organisation, or over its own CoP. */
const READERS = {
  // Every charter and person is in CODEOWNERS and the READMEs: one missing would make both look stale.
  charter: { organisation: GENERATED_FILE_RULES, cop: [] },
  people: { organisation: GENERATED_FILE_RULES, cop: [] },
  // Attendance is counted over all of a CoP's meetings.
  meeting: { organisation: [], cop: ['member-inactive'] },
} satisfies Record<string, { organisation: readonly string[]; cop: readonly string[] }>;

export type { SkippedRules };

export interface RuleSkips {
  /** Rules not run over the organisation. */
  organisation: Set<string>;
  /** Rules not run over a CoP, by its id. */
  cops: Map<string, Set<string>>;
  skipped: SkippedRules[];
}

const coreIds = new Set(CORE_CHECKS.map((check) => check.id));

export function ruleSkips(loadDiagnostics: readonly Diagnostic[], severities: ReadonlyMap<string, SeveritySetting>): RuleSkips {
  const skips: RuleSkips = { organisation: new Set(), cops: new Map(), skipped: [] };
  const broken = [...new Set(loadDiagnostics.filter((d) => d.severity === 'error' && coreIds.has(d.ruleId)).map((d) => d.file))];
  for (const file of broken) {
    const data = classifyDataPath(file);
    if (!data || !(data.kind in READERS)) continue;
    const readers = READERS[data.kind as keyof typeof READERS];
    const enabled = (ids: readonly string[]) => ids.filter((id) => severities.get(id) !== 'off');
    const organisation = enabled(readers.organisation);
    const cop = data.copId === undefined ? [] : enabled(readers.cop);
    for (const id of organisation) skips.organisation.add(id);
    if (cop.length > 0) {
      const set = skips.cops.get(data.copId!) ?? new Set<string>();
      for (const id of cop) set.add(id);
      skips.cops.set(data.copId!, set);
    }
    const rules = [...organisation, ...cop];
    if (rules.length > 0) skips.skipped.push({ file, rules });
  }
  return skips;
}

/** The severities with `skip` off, for one run of the rules. */
export function without(severities: ReadonlyMap<string, SeveritySetting>, skip: ReadonlySet<string> | undefined): ReadonlyMap<string, SeveritySetting> {
  if (!skip || skip.size === 0) return severities;
  return new Map([...severities].map(([id, severity]) => [id, skip.has(id) ? 'off' : severity]));
}

/**
 * A charter naming someone not in people.yaml (person-exists's error) would make CODEOWNERS and
 * the READMEs look stale too: the rules on generated files wait until it names only known people.
 * Adds those charters to `skips`; returns whether the generated-file rules may run.
 */
export function skipGeneratedForUnknownPeople(skips: RuleSkips, findings: readonly { ruleId: string; severity: string; file: string }[], severities: ReadonlyMap<string, SeveritySetting>): boolean {
  const charters = [...new Set(findings.filter((f) => f.ruleId === 'person-exists' && f.severity === 'error' && classifyDataPath(f.file)?.kind === 'charter').map((f) => f.file))];
  const rules = GENERATED_FILE_RULES.filter((id) => severities.get(id) !== 'off');
  if (charters.length === 0 || rules.length === 0) return true;
  for (const file of charters) skips.skipped.push({ file, rules: [...rules] });
  return false;
}

/** Rules whose finding at the very place of another rule's error only repeats it: an unknown member has never attended. */
const REPEATS: Record<string, readonly string[]> = { 'person-exists': ['member-inactive'] };

/**
 * One cause, one finding, within a file: a finding that repeats an error at the same place
 * (REPEATS) is dropped, and of a YAML syntax error's cascade only the first is kept (the parser's
 * later complaints about the same file are mostly the first one seen again), saying how many followed.
 */
export function dropRepeats<D extends Diagnostic>(diagnostics: readonly D[]): D[] {
  const at = (d: Diagnostic) => `${d.file}:${d.start.line}:${d.start.column}`;
  const errorsAt = new Map<string, Set<string>>();
  for (const d of diagnostics) if (d.severity === 'error') errorsAt.set(at(d), (errorsAt.get(at(d)) ?? new Set()).add(d.ruleId));
  const repeated = (d: Diagnostic) => [...(errorsAt.get(at(d)) ?? [])].some((rule) => REPEATS[rule]?.includes(d.ruleId));
  const syntax = new Map<string, D[]>();
  for (const d of diagnostics) if (d.ruleId === 'yaml-syntax') syntax.set(d.file, [...(syntax.get(d.file) ?? []), d]);
  return diagnostics.flatMap((d) => {
    if (repeated(d)) return [];
    if (d.ruleId !== 'yaml-syntax') return [d];
    const all = syntax.get(d.file)!;
    if (all[0] !== d) return [];
    return [all.length === 1 ? d : { ...d, message: `${d.message} (${all.length - 1} more YAML error${all.length === 2 ? '' : 's'} after it, most likely caused by this one.)` }];
  });
}
