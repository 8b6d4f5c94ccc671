/** The loaded data root as plain typed data: what every rule, report and health check reads. */
import type { SuppressionDirective } from '../lint/directives.js';
import type { ResolvedPolicy } from '../model/policy.js';
import type { Charter, Config, GoalReview, Meeting, Output, Person } from '../model/schema-types.js';
import type { Codeowners } from './repository.js';
import type { Texts } from './texts.js';

export interface Loaded<T> {
  /** Relative to the data root, forward slashes. */
  file: string;
  data: T;
}

export interface CopFolder {
  /** The folder name under cops/. */
  id: string;
  /** cops/<id>/charter.yaml, whether or not it exists or loaded. */
  charterFile: string;
  /** Whether charter.yaml exists at all (it may exist and still fail to load). */
  hasCharterFile: boolean;
  /** Absent when the charter is missing or failed to parse or validate (already a finding). */
  charter?: Charter;
  /** The meetings that parsed and validated, sorted by file name (so by date). */
  meetings: Loaded<Meeting>[];
  /** The recorded goal reviews (reviews/YYYY-MM-DD.yaml) that parsed and validated, sorted by file name (so by date). */
  reviews: Loaded<GoalReview>[];
  /** The outputs (cops/<id>/outputs/) that parsed and validated, sorted by file name (so by date). */
  outputs: Loaded<Output>[];
}

export interface Workspace {
  root: string;
  config: Config;
  /** Present when cop.config.yaml exists. */
  configFile?: string;
  policy: ResolvedPolicy;
  /** Absent when people.yaml is missing or broken: rules about people then stay silent. */
  people?: Loaded<Person[]>;
  cops: CopFolder[];
  /** How many data files were found (parsed or not). */
  fileCount: number;
  /** The text of each data file read, by path, as it was checked (texts.ts). */
  texts?: Texts;
  /**
   * The repository's `.github/CODEOWNERS`, when it exists (rule `codeowners-current`): `file` is
   * relative to the data root, `prefix` is the data root relative to the repository ('' or `dir/`).
   */
  codeowners?: Codeowners;
  /** Inline suppression comments in the data files that loaded (src/lint/directives.ts). */
  directives?: SuppressionDirective[];
  /** The READMEs under cops/ that exist (path relative to the data root → text), for the rule `readme-current`. */
  readmes?: ReadonlyMap<string, string>;
}

/** One folder under cops/ without its records: what the checks on the organisation as a whole see of it. */
export type CopCharter = Omit<CopFolder, 'meetings' | 'outputs'>;

/**
 * The organisation as its checks see it (src/rules/rule.ts): everything loaded but the meetings
 * and outputs, which are read only CoP by CoP (so `cop check --cache` can reuse an unchanged CoP's findings).
 */
export interface Organisation extends Omit<Workspace, 'cops'> {
  cops: readonly CopCharter[];
}

export function personIndex(ws: Pick<Workspace, 'people'>): Map<string, Person> {
  return new Map((ws.people?.data ?? []).map((person) => [person.id, person]));
}

/** Charters that loaded, with their folder (a workspace's or an organisation's). */
export function charters<Cop extends CopCharter>(ws: { cops: readonly Cop[] }): (Cop & { charter: Charter })[] {
  return ws.cops.filter((cop): cop is Cop & { charter: Charter } => cop.charter !== undefined);
}
