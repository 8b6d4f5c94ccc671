/** `cop review <id>`: a Markdown draft of a CoP's review, the facts filled in from the logs. */
import { EXIT } from '../core/errors.js';
import type { Io } from '../core/terminal.js';
import { figuresJson } from '../render/report/json.js';
import { reviewMarkdown } from '../render/review/markdown.js';
import { reviewCop, reviewPeriod } from '../review/compute.js';
import { loadValidWorkspace } from './load-valid.js';
import { dataContext, type DataOptions } from './options.js';

export interface ReviewCommandOptions extends DataOptions {
  quarter?: string;
  from?: string;
  to?: string;
  /** true for --names, false for --no-names, undefined for the policy's anonymise_reports. */
  names?: boolean;
  format: 'markdown' | 'json';
}

export async function review(id: string, options: ReviewCommandOptions, io: Io): Promise<number> {
  // Check the period before loading, so a mistyped flag fails fast.
  const period = reviewPeriod(options, dataContext(options, io).asOf);
  const load = await loadValidWorkspace(options, io);
  if (!load.ok) return load.exitCode;
  const ws = load.workspace;
  const data = reviewCop(ws, id, { period, anonymise: options.names !== undefined ? !options.names : ws.policy.anonymise_reports });
  io.stdout(options.format === 'json' ? figuresJson(data) : reviewMarkdown(data, ws.config.currency ?? null, ws.policy.min_participants));
  return EXIT.ok;
}
