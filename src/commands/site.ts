/** `cop site [--out DIR]`: the programme as a static website (index, one page per CoP, budget, health) and its JSON API. */
import { isAbsolute, relative, resolve } from 'node:path';
import { EXIT, UsageError } from '../core/errors.js';
import type { Io } from '../core/terminal.js';
import { escapeTerminal } from '../output/terminal.js';
import { API_ROOT } from '../site/api.js';
import { buildSiteFromParts, type Site } from '../site/site.js';
import { holdHeapDown } from '../site/heap.js';
import { PAGE_WORKER_THRESHOLD, pageWorkers, writeSite } from '../site/page-pool.js';
import { DEFAULT_OUT, siteWriter, type SiteWriter, type WrittenSite } from '../site/write.js';
import { checkOutputPath } from '../workspace/write.js';
import type { SiteCopParts } from '../view/site-cop.js';
import { loadReadableCops, type ReadOptions } from './load-valid.js';

export interface SiteCommandOptions extends ReadOptions {
  out?: string;
  /** --anonymise: no person's name or id anywhere (else policy.anonymise_reports decides). */
  anonymise?: boolean;
  sourceUrl?: string;
  format: 'text' | 'json';
}

function sourceUrlOf(flag: string | undefined, configured: string | undefined): string | null {
  const url = flag ?? configured;
  if (url === undefined) return null;
  if (!/^https?:\/\/\S+$/i.test(url)) throw new UsageError(`--source-url ${url}: expected an http(s) URL, e.g. https://github.com/acme/cops/blob/main/`);
  return url.endsWith('/') ? url : `${url}/`;
}

export async function site(options: SiteCommandOptions, io: Io): Promise<number> {
  if (options.sourceUrl !== undefined) sourceUrlOf(options.sourceUrl, undefined);
  return writeOutput(options.out ?? DEFAULT_OUT, options, io, (writer, model) => writeSite(writer, model, pageWorkers(model)));
}

/**
 * Loads the data, builds the site's model and has `write` write it into `outFlag` (relative to
 * the working directory), then says what it wrote: `cop site` the pages and the API, `cop export`
 * the API alone.
 */
export async function writeOutput(outFlag: string, options: SiteCommandOptions, io: Io, write: (writer: SiteWriter, model: Site) => void | Promise<void>): Promise<number> {
  const out = resolve(io.cwd, outFlag);
  const inside = relative(io.cwd, out);
  const shown = inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? out : inside;
  // Before the data is loaded, so a bad --out fails at once (siteWriter checks it again).
  checkOutputPath(out, 'folder', shown);
  const model = await siteModel(options, io);
  if (typeof model === 'number') return model;
  const writer = siteWriter(out, shown);
  await write(writer, model);
  const written = writer.finish();
  io.stdout(summary(written, shown, model, options.format));
  // Every page says what was left out; so does the exit code, for the deploy job.
  if (model.incomplete) io.stderr(`cop: ${model.incomplete.headline} Every page says so at its top.\n`);
  return model.incomplete ? EXIT.findings : EXIT.ok;
}

/** What was written: JSON (`out`, `anonymised`, `files`, `api`: the API's files, `bytes`), or a sentence with the page to open. */
function summary({ paths, bytes }: WrittenSite, shown: string, model: Site, format: 'text' | 'json'): string {
  const api = paths.filter((path) => path.startsWith(`${API_ROOT}/`));
  if (format === 'json') return `${JSON.stringify({ out: shown, anonymised: model.anonymised, files: paths, api, bytes }, null, 2)}\n`;
  const open = paths.includes('index.html') ? `open ${escapeTerminal(`${shown}/index.html`)}` : `start at ${escapeTerminal(`${shown}/${API_ROOT}/index.json`)}`;
  return `Wrote ${paths.length} files (${Math.round(bytes / 1024)} kB) to ${escapeTerminal(shown)}/${model.anonymised ? ', without names' : ''}: ${open}\n`;
}

/**
 * The site's model, or the exit code when the data has errors. Each CoP is read and computed
 * where it is read (src/view/site-cop.ts): the model holds each CoP's parts, its log's rows as
 * JSON among them, never the meetings; the rest of the load (findings, the context) is garbage
 * once the model is built.
 */
async function siteModel(options: SiteCommandOptions, io: Io): Promise<Site | number> {
  const load = await loadReadableCops(options, io, { kind: 'site', ...(options.anonymise ? { anonymise: true } : {}) });
  if (!load.ok) return load.exitCode;
  const { workspace, context, leftOut, perCop } = load;
  if (loggedMeetings(perCop.values()) >= PAGE_WORKER_THRESHOLD) holdHeapDown();
  return buildSiteFromParts(workspace, perCop, {
    leftOut,
    asOf: context.asOf,
    ...(options.anonymise ? { anonymise: true } : {}),
    sourceUrl: sourceUrlOf(options.sourceUrl, workspace.config.site?.source_url),
  });
}

function loggedMeetings(cops: Iterable<SiteCopParts>): number {
  let sum = 0;
  for (const { log } of cops) sum += log.count + log.cancelled;
  return sum;
}
