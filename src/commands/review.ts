/** `cop review <id>`: a Markdown draft of a CoP's review, the facts filled in from the logs. */
import { resolvePeriod } from '../budget/period.js';
import { EXIT, UsageError } from '../core/errors.js';
import type { Io } from '../core/terminal.js';
import { figuresJson } from '../render/report/json.js';
import { reviewMarkdown } from '../render/review/markdown.js';
import { orgReviewMarkdown } from '../render/review/org-markdown.js';
import { reviewOrganisation } from '../review/org.js';
import { reviewCop, reviewPeriod } from '../review/compute.js';
import { loadReadableWorkspace, printRead, readExit, type ReadOptions } from './load-valid.js';
import { dataContext } from './options.js';

export interface ReviewCommandOptions extends ReadOptions {
  org?: boolean;
  year?: string;
  quarter?: string;
  from?: string;
  to?: string;
  /** true for --names, false for --no-names, undefined for the policy's anonymise_reports. */
  names?: boolean;
  /** Write cops/<id>/reviews/<as-of>.yaml from the draft, the judgements left as placeholders. */
  record?: boolean;
  /** Move the charter's review dates as the latest recorded review decides. */
  apply?: boolean;
  format: 'markdown' | 'json';
}

export async function review(id: string | undefined, options: ReviewCommandOptions, io: Io): Promise<number> {
  if (options.org) return reviewOrg(id, options, io);
  if (id === undefined) throw new UsageError('name the CoP to review (e.g. `cop review aws`), or use --org for the annual report.');
  if (options.year !== undefined) throw new UsageError('--year goes with --org; for one CoP use --quarter or --from/--to.');
  if (options.record && options.apply) throw new UsageError('--record writes a review and --apply applies a filled one: one at a time.');
  if (options.apply) {
    if (options.quarter !== undefined || options.from !== undefined || options.to !== undefined) throw new UsageError('--apply takes the latest recorded review: leave out --quarter and --from/--to.');
    const { applyReview } = await import('./review-record.js');
    return applyReview(id, options, io);
  }
  // Check the period before loading, so a mistyped flag fails fast.
  const context = dataContext(options, io);
  const period = reviewPeriod(options, context.asOf);
  if (options.record) {
    const { recordReview } = await import('./review-record.js');
    return recordReview(id, period, options, io, context);
  }
  const load = await loadReadableWorkspace(options, io, context);
  if (!load.ok) return load.exitCode;
  const ws = load.workspace;
  const data = reviewCop(ws, id, { period, anonymise: anonymiseOf(options, ws.policy.anonymise_reports) });
  await printRead(io, options.format === 'json' ? figuresJson(data) : reviewMarkdown(data, ws.config.currency ?? null, ws.policy.min_participants), options.format, load.leftOut);
  return readExit(load.leftOut);
}

async function reviewOrg(id: string | undefined, options: ReviewCommandOptions, io: Io): Promise<number> {
  if (options.record || options.apply) throw new UsageError('--record and --apply are for one CoP: `cop review <id> --record`.');
  if (id !== undefined) throw new UsageError(`--org reviews the whole organisation: leave out the CoP id \`${id}\`.`);
  if (options.quarter !== undefined || options.from !== undefined || options.to !== undefined) throw new UsageError('--org takes --year, not --quarter or --from/--to.');
  const context = dataContext(options, io);
  const year = options.year ?? resolvePeriod({ year: true }, context.asOf).ytdFrom.slice(0, 4);
  const load = await loadReadableWorkspace(options, io, context);
  if (!load.ok) return load.exitCode;
  const ws = load.workspace;
  const data = reviewOrganisation(ws, year, load.context.asOf, anonymiseOf(options, ws.policy.anonymise_reports));
  await printRead(io, options.format === 'json' ? figuresJson(data) : orgReviewMarkdown(data), options.format, load.leftOut);
  return readExit(load.leftOut);
}

/** --names / --no-names, else the policy's anonymise_reports. */
function anonymiseOf(options: ReviewCommandOptions, policy: boolean): boolean {
  return options.names !== undefined ? !options.names : policy;
}
