/**
 * What a read command has computed of each CoP where the CoP is read and checked (cop-pool.ts),
 * instead of gathering every meeting in one thread: `cop health` a CoP's health, `cop report` its
 * figures for the report's months, `cop site` what its pages and API read of its meetings. The
 * request is a tag and plain parameters, posted to the workers with the context every CoP shares
 * (a function cannot be posted); the result is plain data.
 *
 * A read command computes from the data without the files in error (src/workspace/leave-out.ts).
 * Where a CoP is read only its own findings are known, so its result is computed without the
 * files they leave out, and says which those were; once every finding is known (the
 * organisation's rules, suppressions), a CoP whose files left out differ is computed again here.
 */
import type { CopFigures } from '../budget/compute.js';
import type { Period } from '../budget/period.js';
import type { IsoDate } from '../core/dates.js';
import type { CopHealth } from '../health/types.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { resolvePolicy } from '../model/policy.js';
import type { Charter, Config, Person } from '../model/schema-types.js';
import type { SiteCopParts } from '../view/site-cop.js';
import { COPS_DIR } from '../workspace/root.js';
import { leaveOutFilesInError, type LeftOutFile } from '../workspace/leave-out.js';
import { charters, type CopFolder, type Loaded, type Organisation, type Workspace } from '../workspace/workspace.js';

/** What to compute of each CoP; `cop site` its parts (src/view/site-cop.ts), anonymised or not (else the policy decides). */
export type PerCop = { kind: 'health' } | { kind: 'report'; period: Period } | { kind: 'site'; anonymise?: boolean };

interface PerCopResults {
  health: CopHealth;
  report: CopFigures;
  site: SiteCopParts;
}

/** What `P` computes of a CoP. */
export type PerCopResult<P extends PerCop = PerCop> = PerCopResults[P['kind']];

type CopWithCharter = CopFolder & { charter: Charter };

/** What a CoP is computed with: the as-of date, cop.config.yaml and people.yaml's people (when it loaded). */
interface PerCopContext {
  asOf: IsoDate;
  config: Config;
  people?: Loaded<Person[]>;
}

/** The function that computes `perCop` of a CoP in `context`; only its own modules are loaded. */
async function perCopComputer<P extends PerCop>(perCop: P, { asOf, config, people }: PerCopContext): Promise<(cop: CopWithCharter) => PerCopResult<P>> {
  type Compute = (cop: CopWithCharter) => PerCopResult<P>;
  const policy = resolvePolicy(config);
  switch (perCop.kind) {
    case 'health': {
      const { copHealth } = await import('../health/evaluate.js');
      return ((cop: CopWithCharter) => copHealth(cop, { config, policy }, asOf)) as Compute;
    }
    case 'report':
      return (await import('../budget/compute.js')).copFigurer(perCop.period, policy) as Compute;
    case 'site':
      return (await import('../view/site-cop.js')).siteCopFigurer({ asOf, config, policy, ...(people ? { people } : {}), anonymised: perCop.anonymise ?? policy.anonymise_reports }) as Compute;
  }
}

/** What `perCop` computes of the one CoP `single` holds, from its findings (`diagnostics`, in its files only). */
export type CopComputer = (single: Workspace, diagnostics: readonly Diagnostic[]) => CopComputed;

/** The CopComputer for `perCop`, as of `asOf` under `config`. */
export async function loadCopComputer(perCop: PerCop, context: PerCopContext): Promise<CopComputer> {
  const compute = await perCopComputer(perCop, context);
  return (single, diagnostics) => computeLeavingOut(single, diagnostics, compute);
}

/** A CoP's result, and the meeting logs and outputs it was computed without. */
export interface CopComputed {
  /** Absent when the CoP was left out (its charter is missing or in error). */
  result?: PerCopResult;
  /** The CoP's meeting logs and outputs left out, sorted. */
  leftOut: string[];
}

/**
 * Computes `compute` of the one CoP `single` holds without its files that `diagnostics`' errors
 * leave out, as a read command leaves them out of the whole organisation (leave-out.ts).
 */
function computeLeavingOut(single: Workspace, diagnostics: readonly Diagnostic[], compute: (cop: CopWithCharter) => PerCopResult): CopComputed {
  const partial = leaveOutFilesInError(single, diagnostics.filter((d) => d.severity === 'error'));
  // Only cop.config.yaml and people.yaml block, and neither is a CoP's file.
  if (!partial.ok) throw new Error(`a CoP's files cannot block: ${partial.blocking.join(', ')}`);
  const cop = charters(partial.workspace)[0];
  return { leftOut: recordsLeftOut(partial.leftOut), ...(cop ? { result: compute(cop) } : {}) };
}

/** Each CoP's result as computed where it was read, and the way to compute one again here with the findings on its files. */
export interface CopsComputed {
  results: ReadonlyMap<string, CopComputed>;
  recompute(id: string, diagnostics: readonly Diagnostic[]): CopComputed;
}

/**
 * Each CoP's result in `org` (the organisation without its files in error, `leftOut`), from
 * `computed`: a CoP whose result left out other files than `errors` leave out (an organisation
 * rule's error on one of its logs, a suppressed error) is computed again.
 */
export function settledResults(org: Organisation, leftOut: readonly LeftOutFile[], errors: readonly Diagnostic[], computed: CopsComputed): Map<string, PerCopResult> {
  const results = new Map<string, PerCopResult>();
  for (const { id } of charters(org)) {
    const found = computed.results.get(id);
    const expected = recordsLeftOut(leftOut.filter((file) => file.cop === id));
    const settled = found?.result !== undefined && sameFiles(found.leftOut, expected) ? found : computed.recompute(id, errors.filter((d) => d.file.startsWith(`${COPS_DIR}/${id}/`)));
    results.set(id, settled.result!);
  }
  return results;
}

/** Each CoP's result computed from `ws`, which holds every meeting and output (the ordinary load's workspace). */
export async function resultsFromWorkspace<P extends PerCop>(ws: Workspace, perCop: P, asOf: IsoDate): Promise<Map<string, PerCopResult<P>>> {
  const compute = await perCopComputer(perCop, { asOf, config: ws.config, ...(ws.people ? { people: ws.people } : {}) });
  return new Map(charters(ws).map((cop) => [cop.id, compute(cop)]));
}

const recordsLeftOut = (leftOut: readonly LeftOutFile[]) => leftOut.filter((file) => file.effect === 'meeting-left-out' || file.effect === 'output-left-out').map((file) => file.file);

const sameFiles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((file, i) => file === b[i]);
