/**
 * How the generated READMEs on disk compare with the data: each file is rendered again as of the
 * date its block records (so a README goes stale when the data changes, never because a day
 * passed). Shared by `cop readme --check` and the rule `readme-current`. Pure.
 */
import type { IsoDate } from '../core/dates.js';
import type { StaleLine } from '../core/marked-block.js';
import { organisationView } from '../view/build.js';
import type { OrganisationView } from '../view/types.js';
import type { Workspace } from '../workspace/workspace.js';
import { recordedAsOf } from './markers.js';
import { compareReadme, planReadmes } from './readme.js';

export interface ReadmeState {
  file: string;
  /** The CoP a README belongs to; undefined for the index. */
  copId?: string;
  /** The date the comparison was made as of: the file's recorded one, else the command's. */
  asOf: IsoDate;
  state: 'current' | 'missing' | 'no-block' | 'stale';
  /** The lines that differ (`-` in the file, `+` from the data), for a stale file. */
  differences: StaleLine[];
}

export function readmeStates(ws: Workspace, readmes: ReadonlyMap<string, string>, asOf: IsoDate): ReadmeState[] {
  const views = new Map<IsoDate, OrganisationView>();
  const viewAsOf = (date: IsoDate) => views.get(date) ?? views.set(date, organisationView(ws, date)).get(date)!;
  // Which files there are does not depend on the date; their contents do.
  return planReadmes(viewAsOf(asOf)).map(({ file, copId }): ReadmeState => {
    const of = copId === undefined ? {} : { copId };
    const existing = readmes.get(file);
    if (existing === undefined) return { file, ...of, asOf, state: 'missing', differences: [] };
    const date = recordedAsOf(existing) ?? asOf;
    const plan = planReadmes(viewAsOf(date)).find((p) => p.file === file)!;
    const compared = compareReadme(existing, plan, date);
    return { file, ...of, asOf: date, state: compared.kind, differences: compared.kind === 'stale' ? compared.lines : [] };
  });
}
