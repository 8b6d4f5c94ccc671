/**
 * How the generated READMEs on disk compare with the data: each file is rendered again as of the
 * date its block records (so a README goes stale when the data changes, never because a day
 * passed). Shared by `cop readme --check` and the rule `readme-current`. Pure.
 */
import type { IsoDate } from '../core/dates.js';
import type { MarkerProblem, StaleLine } from '../core/marked-block.js';
import { organisationView } from '../view/build.js';
import type { Organisation } from '../workspace/workspace.js';
import { recordedAsOf } from './markers.js';
import { compareReadme, planReadmes, type PlannedReadme } from './readme.js';

export interface ReadmeState {
  file: string;
  /** The CoP a README belongs to; undefined for the index. */
  copId?: string;
  /** The date the comparison was made as of: the file's recorded one, else the command's. */
  asOf: IsoDate;
  state: 'current' | 'missing' | 'no-block' | 'stale' | 'malformed';
  /** The lines that differ (`-` in the file, `+` from the data), for a stale file. */
  differences: StaleLine[];
  /** Why its markers make no single block, for a malformed file (which is never rewritten). */
  problems?: MarkerProblem[];
}

/**
 * The generated READMEs as of `asOf`, from the charters, people.yaml and the config alone: the view
 * is built without meetings, so no meeting figure can reach a README (and `cop check --cache`
 * compares them without reading an unchanged CoP's meetings).
 */
export function plannedReadmes(org: Organisation, asOf: IsoDate): PlannedReadme[] {
  return planReadmes(organisationView({ ...org, cops: org.cops.map((cop) => ({ ...cop, meetings: [], outputs: [] })) }, asOf));
}

export function readmeStates(org: Organisation, readmes: ReadonlyMap<string, string>, asOf: IsoDate): ReadmeState[] {
  const plans = new Map<IsoDate, PlannedReadme[]>();
  const plansAsOf = (date: IsoDate) => plans.get(date) ?? plans.set(date, plannedReadmes(org, date)).get(date)!;
  // Which files there are does not depend on the date; their contents do.
  return plansAsOf(asOf).map(({ file, copId }): ReadmeState => {
    const of = copId === undefined ? {} : { copId };
    const existing = readmes.get(file);
    if (existing === undefined) return { file, ...of, asOf, state: 'missing', differences: [] };
    const date = recordedAsOf(existing) ?? asOf;
    const plan = plansAsOf(date).find((p) => p.file === file)!;
    const compared = compareReadme(existing, plan, date);
    if (compared.kind === 'malformed') return { file, ...of, asOf: date, state: compared.kind, differences: [], problems: compared.problems };
    return { file, ...of, asOf: date, state: compared.kind, differences: compared.kind === 'stale' ? compared.lines : [] };
  });
}
