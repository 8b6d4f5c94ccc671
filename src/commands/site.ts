/** `cop site [--out DIR]`: the programme as a static website (index, one page per CoP, budget, health). */
import { isAbsolute, relative, resolve } from 'node:path';
import { EXIT, UsageError } from '../core/errors.js';
import type { Io } from '../core/terminal.js';
import { escapeTerminal } from '../output/terminal.js';
import { buildSite, type Site } from '../site/site.js';
import { siteFiles } from '../site/render.js';
import { DEFAULT_OUT, writeSiteFiles } from '../site/write.js';
import { checkOutputPath } from '../workspace/write.js';
import { loadReadableWorkspace, type ReadOptions } from './load-valid.js';

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
  const out = resolve(io.cwd, options.out ?? DEFAULT_OUT);
  const inside = relative(io.cwd, out);
  const shown = inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? out : inside;
  // Before the data is loaded, so a bad --out fails at once (writeSiteFiles checks it again).
  checkOutputPath(out, 'folder', shown);
  const model = await siteModel(options, io);
  if (typeof model === 'number') return model;
  const { paths, bytes } = writeSiteFiles(out, siteFiles(model), shown);
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ out: shown, anonymised: model.anonymised, files: paths, bytes }, null, 2)}\n`);
  } else {
    io.stdout(
      `Wrote ${paths.length} files (${Math.round(bytes / 1024)} kB) to ${escapeTerminal(shown)}/${model.anonymised ? ', without names' : ''}: open ${escapeTerminal(`${shown}/index.html`)}\n`,
    );
  }
  // Every page says what was left out; so does the exit code, for the deploy job.
  if (model.incomplete) io.stderr(`cop: ${model.incomplete.headline} Every page says so at its top.\n`);
  return model.incomplete ? EXIT.findings : EXIT.ok;
}

/**
 * The site's model, or the exit code when the data has errors. Its own function so that the
 * loaded workspace is garbage once the model is built, while the pages are rendered and written.
 */
async function siteModel(options: SiteCommandOptions, io: Io): Promise<Site | number> {
  const load = await loadReadableWorkspace(options, io);
  if (!load.ok) return load.exitCode;
  const { workspace, context, leftOut } = load;
  return buildSite(workspace, {
    leftOut,
    asOf: context.asOf,
    ...(options.anonymise ? { anonymise: true } : {}),
    sourceUrl: sourceUrlOf(options.sourceUrl, workspace.config.site?.source_url),
  });
}
