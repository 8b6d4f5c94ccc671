/**
 * Checks one CoP whole, from its files to its positioned findings: read, parse, assemble its
 * folder, run its rules (with the skips its own broken files call for) and position what they
 * find in the texts just read. The same function runs in a worker thread (cop-worker.ts) or in
 * this one; what it returns is small, never the meetings, so a big check neither keeps every
 * meeting in memory nor copies it back from a worker (docs/performance.md). A read command
 * (`cop report`, `cop health`) has what it computes of each CoP computed there too (per-cop.ts).
 */
import type { IsoDate } from '../core/dates.js';
import type { Diagnostic, SeveritySetting } from '../model/diagnostic.js';
import { resolvePolicy } from '../model/policy.js';
import type { Config, Person } from '../model/schema-types.js';
import { RULES } from '../rules/index.js';
import { sharedValidator } from '../schema/validator.js';
import { assembleWorkspace } from '../workspace/load.js';
import type { DataFile, ParsedFile } from '../workspace/parse.js';
import { readDataFile } from '../workspace/read-data.js';
import type { ReadScope } from '../workspace/read.js';
import type { Loaded } from '../workspace/workspace.js';
import type { SuppressionDirective } from './directives.js';
import type { CopComputed, CopComputer, PerCop } from './per-cop.js';
import { positionFindings } from './position.js';
import { ruleContexts, runCopRules } from './run-rules.js';
import { ruleSkips, without } from './skipped.js';

/** What every CoP is checked against, the same for each: plain data, posted once to each worker. */
export interface CopCheckShared {
  asOf: IsoDate;
  config: Config;
  /** people.yaml's people, when it loaded. */
  people?: Loaded<Person[]>;
  /** The severity each rule runs at. */
  severities: ReadonlyMap<string, SeveritySetting>;
  /** What a read command computes of each CoP besides its check. */
  perCop?: PerCop;
}

/** One CoP to check: its id and its files (charter, meetings, outputs, reviews) in the order they were listed. */
export interface CopToCheck {
  id: string;
  files: DataFile[];
}

export interface CopCheck {
  /** Findings from reading, parsing and validating its files, in file order. */
  loadDiagnostics: Diagnostic[];
  /** Its rules' findings, positioned. */
  findings: Diagnostic[];
  /** The suppression comments in its files that loaded, in file order. */
  directives: SuppressionDirective[];
  /**
   * What the organisation's checks read of it: the charter file (loaded or not) and the reviews,
   * with their data and texts; their findings are in `loadDiagnostics`.
   */
  records: ParsedFile[];
  /** What `perCop` computes of it, from its files without those its own errors leave out. */
  computed?: CopComputed;
}

/** No cop.config.yaml: a CoP's folder is assembled without one (the shared context holds the real one). */
const NO_CONFIG = { config: {}, diagnostics: [] };

/**
 * What `shared.perCop` asks to compute of each CoP, if anything: per-cop.ts, and the report and
 * health modules it computes with, are loaded only then (`cop check` never needs them).
 */
export async function loadCopComputer(shared: CopCheckShared): Promise<CopComputer | undefined> {
  return shared.perCop && (await import('./per-cop.js')).loadCopComputer(shared.perCop, shared);
}

/** The function that checks one CoP in `scope` against `shared`, and computes `compute` of it. */
export function copChecker(scope: ReadScope, shared: CopCheckShared, compute?: CopComputer): (cop: CopToCheck) => CopCheck {
  const read = copReader(scope);
  const { asOf, config, people, severities } = shared;
  const base = ruleContexts({ root: scope.root, config, policy: resolvePolicy(config), cops: [], fileCount: 0, ...(people ? { people } : {}) }, asOf).cop;
  return (cop) => {
    const { parsed, workspace, diagnostics } = read(cop);
    const texts = workspace.texts!;
    const running = without(severities, ruleSkips(diagnostics, severities).cops.get(cop.id));
    const findings = positionFindings(runCopRules(workspace.cops[0]!, RULES, running, { ...base, texts }), (file) => texts.get(file));
    const check: CopCheck = { loadDiagnostics: diagnostics, findings, directives: workspace.directives ?? [], records: parsed.filter(isRecordOfOrganisation).map(recordOf) };
    if (compute) check.computed = compute(workspace, [...diagnostics, ...findings]);
    return check;
  };
}

/**
 * The function that reads a CoP again in this thread and computes `compute` of it, from
 * `diagnostics` (every finding on its files, the organisation's included).
 */
export function copRecomputer(scope: ReadScope, compute: CopComputer): (cop: CopToCheck, diagnostics: readonly Diagnostic[]) => CopComputed {
  const read = copReader(scope);
  return (cop, diagnostics) => compute(read(cop).workspace, diagnostics);
}

/** Reads and parses a CoP's files and assembles its folder, alone in a workspace. */
function copReader(scope: ReadScope) {
  const validate = sharedValidator();
  return ({ id, files }: CopToCheck) => {
    const parsed = files.map((file) => readDataFile(scope, file, validate));
    return { parsed, ...assembleWorkspace(scope.root, NO_CONFIG, [id], parsed, parsed.length) };
  };
}

const isRecordOfOrganisation = (file: ParsedFile) => file.kind === 'charter' || file.kind === 'review';

/** A file as the organisation's checks read it: its findings and suppression comments travel apart. */
const recordOf = ({ file, kind, data, text }: ParsedFile): ParsedFile => ({
  file,
  kind,
  diagnostics: [],
  ...(data === undefined ? {} : { data }),
  ...(text === undefined ? {} : { text }),
});
