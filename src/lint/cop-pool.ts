/**
 * `cop check`'s load when only its findings are wanted: whole CoPs are read, parsed and checked
 * (check-cop.ts) in this thread and, past WORKER_THRESHOLD files, in worker threads, one thread
 * per core in all (COP_WORKERS threads in all, this one included; 0 or 1: this one alone), and
 * only their findings and what the organisation's checks read come back from the workers. The
 * Workspace it gives holds every charter and review but no meetings or outputs. A read command
 * may ask for what it computes of each CoP (per-cop.ts): that comes back too.
 */
import type { IsoDate } from '../core/dates.js';
import type { Diagnostic, SeveritySetting } from '../model/diagnostic.js';
import type { PeopleFile } from '../model/schema-types.js';
import { hasGeneratedReadmes } from '../readme/markers.js';
import { sharedValidator } from '../schema/validator.js';
import { dataRootLister, type Discovery } from '../workspace/discover.js';
import { addRepositoryFiles, assembleWorkspace, dataScope, type ConfigLoad, type LoadResult } from '../workspace/load.js';
import { runInWorkers, startWorkers, workerCount, type OnProgress, type WorkerPool } from '../workspace/parse-pool.js';
import { readDataFile } from '../workspace/read-data.js';
import type { ReadScope } from '../workspace/read.js';
import { readReadmes } from '../workspace/readmes.js';
import { copChecker, copRecomputer, loadCopComputer, type CopCheck, type CopCheckShared, type CopToCheck } from './check-cop.js';
import type { CopComputer, CopsComputed, PerCop } from './per-cop.js';

/** About this many files go to a worker at a time, in whole CoPs (parse-pool.ts sends 200 files a batch too). */
const BATCH_FILES = 200;

export interface CopsChecked extends LoadResult {
  /** Each CoP's rule findings, positioned, by its id. */
  copFindings: ReadonlyMap<string, Diagnostic[]>;
  /** With `perCop`: what it computed of each CoP. */
  computed?: CopsComputed;
}

export interface CopCheckOptions {
  asOf: IsoDate;
  /** The severity each rule runs at. */
  severities: ReadonlyMap<string, SeveritySetting>;
  /** What to compute of each CoP besides its check. */
  perCop?: PerCop;
  onProgress?: OnProgress;
}

/**
 * Loads `root` and checks each CoP. Generated READMEs are compared with every meeting (rule
 * readme-current) on this thread: with them, nothing is checked and the listing is given back
 * for the ordinary load (load.ts loadWorkspace).
 */
export async function loadCheckingCops(root: string, configLoad: ConfigLoad, { asOf, severities, perCop, onProgress = () => {} }: CopCheckOptions): Promise<CopsChecked | { discovery: Discovery }> {
  const scope = dataScope(root, configLoad.config);
  let pool: WorkerPool | undefined;
  try {
    // Workers load their modules while the rest of the files are listed. This thread checks CoPs
    // too: one worker fewer to start (each costs about half a second of CPU to load and warm up).
    const onCount = (count: number) => {
      const workers = workerCount(count) - 1;
      if (pool === undefined && workers > 0) pool = startWorkers(scope, workers, new URL('./cop-worker.js', import.meta.url));
    };
    // Listed CoP by CoP, so each CoP's files come as they are listed.
    const lister = dataRootLister(root, configLoad.config.ignore ?? []);
    const cops = lister.copIds.map((id): CopToCheck => {
      const files = lister.listCop(id);
      onCount(lister.files.length);
      return { id, files };
    });
    const discovery = lister.finish();
    const readmes = readReadmes(scope, discovery.copIds);
    if (hasGeneratedReadmes(readmes.readmes)) return { discovery };
    const peopleFile = discovery.files.find((f) => f.kind === 'people');
    const people = peopleFile && readDataFile(scope, peopleFile, sharedValidator());
    const shared: CopCheckShared = { asOf, config: configLoad.config, severities, ...(people?.data ? { people: { file: people.file, data: (people.data as PeopleFile).people } } : {}), ...(perCop ? { perCop } : {}) };
    const compute = await loadCopComputer(shared);
    const checks = await checkCops(scope, shared, compute, cops, pool, onProgress);

    // Put together as load.ts loadWorkspace does, its findings in the same order.
    const result = assembleWorkspace(root, configLoad, discovery.copIds, [...(people ? [people] : []), ...checks.flatMap((check) => check.records)], discovery.files.length, scope);
    result.diagnostics.unshift(...discovery.diagnostics);
    for (const check of checks) result.diagnostics.push(...check.loadDiagnostics);
    const directives = [...(result.workspace.directives ?? []), ...checks.flatMap((check) => check.directives)];
    if (directives.length > 0) result.workspace.directives = directives;
    addRepositoryFiles(result, scope, readmes);
    const computed = compute && computedOf(cops, checks, copRecomputer(scope, compute));
    return { ...result, copFindings: new Map(cops.map(({ id }, i) => [id, checks[i]!.findings])), ...(computed ? { computed } : {}) };
  } finally {
    await pool?.close();
  }
}

/** Every CoP's check, in order: in this thread and the workers, if any. Progress is counted in files. */
async function checkCops(scope: ReadScope, shared: CopCheckShared, compute: CopComputer | undefined, cops: readonly CopToCheck[], pool: WorkerPool | undefined, onProgress: OnProgress): Promise<CopCheck[]> {
  const total = cops.reduce((count, cop) => count + cop.files.length, 0);
  let done = 0;
  const onBatch = (batch: readonly CopToCheck[]) => onProgress((done += batch.reduce((n, cop) => n + cop.files.length, 0)), total);
  for (const worker of pool?.workers ?? []) worker.postMessage({ shared });
  const check = copChecker(scope, shared, compute);
  const batchSize = Math.max(1, Math.floor((BATCH_FILES * cops.length) / Math.max(total, 1)));
  return runInWorkers<CopToCheck, CopCheck>(pool, cops, batchSize, { onBatch, here: (batch) => batch.map(check) });
}

/** What was computed of each CoP with its check, and how to compute one again in this thread. */
function computedOf(cops: readonly CopToCheck[], checks: readonly CopCheck[], recompute: ReturnType<typeof copRecomputer>): CopsComputed {
  const byId = new Map(cops.map((cop) => [cop.id, cop]));
  return {
    results: new Map(cops.map(({ id }, i) => [id, checks[i]!.computed!])),
    recompute: (id, diagnostics) => recompute(byId.get(id)!, diagnostics),
  };
}
