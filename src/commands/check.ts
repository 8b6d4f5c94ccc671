/** `cop check [paths…]`: validate every file and run the rules; print findings; exit 0, 1 or 2. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { EXIT, UsageError } from '../core/errors.js';
import { useHyperlinks } from '../core/hyperlinks.js';
import { progressLine } from '../core/progress.js';
import { outputWidth, useColor, type Io } from '../core/terminal.js';
import { escapeTerminal } from '../output/terminal.js';
import { changedScope } from '../lint/changed-scope.js';
import { lintWorkspace } from '../lint/lint-workspace.js';
import { summarise, type Diagnostic } from '../model/diagnostic.js';
import { renderDiagnostics, type DiagnosticsFormatName } from '../render/diagnostics/index.js';
import { CORE_CHECKS } from '../rules/core.js';
import { CONFIGURABLE_CHECKS } from '../rules/index.js';
import { toolVersion } from '../core/version.js';
import { cacheFilePath } from '../workspace/check-cache.js';
import { repositoryPaths } from '../workspace/repository.js';
import { dataContext, type DataOptions } from './options.js';

export interface CheckOptions extends DataOptions {
  format: DiagnosticsFormatName;
  maxWarnings?: number;
  /** Only report what changed since this git revision (see src/lint/changed-scope.ts). */
  changedSince?: string;
  /** Apply the fixes with one right answer (src/fix/plan.ts), then report what is left. */
  fix?: boolean;
  /** Print those fixes as a unified diff; write nothing. */
  fixDryRun?: boolean;
  /** Reuse what earlier runs found (src/workspace/check-cache.ts); --cache-location implies it. */
  cache?: boolean;
  cacheLocation?: string;
}

export async function check(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  const { root, asOf, configLoad } = dataContext(options, io);
  const named = namedPaths(paths, root, io.cwd);
  const changed = options.changedSince === undefined ? undefined : (await import('../git/git.js')).changedSince(options.changedSince, root);
  if (options.fixDryRun && options.format !== 'stylish') throw new UsageError('--fix-dry-run prints a diff before the findings: use it with the default format.');
  const progress = progressLine(io, 'checking');
  // A fix reads every CoP's meetings, which a CoP taken from the cache does not load.
  const cached = (options.cache || options.cacheLocation !== undefined) && !options.fix && !options.fixDryRun;
  const cache = cached ? { file: cacheFilePath(root, io.cwd, options.cacheLocation), warn: io.stderr } : undefined;
  // Without a fix, only the findings are read: CoPs may be checked whole, their meetings never gathered here.
  const findingsOnly = !options.fix && !options.fixDryRun;
  let outcome = await lintWorkspace(root, asOf, { onProgress: progress.update, cache, configLoad, findingsOnly });
  progress.end();
  if ((options.fix || options.fixDryRun) && outcome.kind === 'linted') {
    const { applyFixes, fixesPatch } = await import('../fix/apply.js');
    const { planFixes } = await import('../fix/plan.js');
    const { schemaRef } = await import('./scaffold-shell.js');
    const { texts } = outcome.workspace;
    const fixes = (await planFixes({
      ws: outcome.workspace,
      diagnostics: outcome.diagnostics,
      asOf,
      // The texts the guarded reader read at load time: a fix starts from exactly what was checked.
      textOf: (file) => texts?.get(file),
      exists: (file) => existsSync(join(root, file)),
      schemaRef: (file, kind) => schemaRef(root, file, kind),
    })).filter((fix) => named.within(fix.kind === 'rename' ? fix.from : fix.file));
    if (options.fixDryRun) {
      io.stdout(fixesPatch(fixes));
      io.stderr(`${fixes.length === 0 ? 'Nothing to fix' : `${fixes.length} fix${fixes.length === 1 ? '' : 'es'} (dry run: nothing written)`}.\n`);
    } else {
      const applied = applyFixes(root, fixes);
      if (applied.length > 0) {
        io.stderr(`Fixed ${escapeTerminal(applied.map((fix) => (fix.kind === 'rename' ? `${fix.from} → ${fix.to}` : fix.file)).join(', '))}.\n`);
        outcome = await lintWorkspace(root, asOf);
      }
    }
  }
  const linted = outcome;
  const scope = (files: readonly string[]) => (linted.kind === 'config-error' ? () => true : changedScope(files, linted.workspace.codeowners?.file));
  // --changed-since narrows to what changed (and what it affects) within the named paths; named
  // paths alone report their own findings and, the same way, those they cause in other files.
  const inScope =
    changed !== undefined ? ((d: Diagnostic) => named.within(d.file) && scope(changed)(d))
    : paths.length > 0 ? ((d: Diagnostic) => named.within(d.file) || scope(named.files())(d))
    : () => true;
  const diagnostics = linted.diagnostics.filter(inScope);
  const suppressed = linted.kind === 'linted' ? linted.suppressed.filter(inScope) : [];
  // A note on skipped rules goes with the findings of its file: only for files reported.
  const skipped = linted.kind === 'linted' ? linted.skipped.filter((s) => diagnostics.some((d) => d.file === s.file)) : [];
  // Machine-read formats name files from the repository's top level, where CI annotates them.
  const { top, fromTop } = options.format === 'stylish' ? { top: root, fromTop: (file: string) => file } : repositoryPaths(root);
  const color = useColor(options.color, io);
  const hyperlinks = await useHyperlinks(color, io);
  // Workflow commands are what `--format github` is for: its renderer escapes the data in them (github.ts), the output guard would break them.
  const print = options.format === 'github' ? (io.verbatim?.stdout ?? io.stdout) : io.stdout;
  print(
    await renderDiagnostics(options.format, {
      diagnostics: diagnostics.map((d) => ({ ...d, file: fromTop(d.file) })),
      suppressed: suppressed.map((d) => ({ ...d, file: fromTop(d.file) })),
      skipped: skipped.map((s) => ({ ...s, file: fromTop(s.file) })),
      summary: summarise(diagnostics, linted.fileCount, suppressed.length),
      root: top,
      rules: [...CORE_CHECKS, ...CONFIGURABLE_CHECKS],
      color,
      hyperlinks,
      width: outputWidth(io),
      toolVersion: toolVersion(),
    }),
  );
  if (outcome.kind === 'config-error') return EXIT.usage;
  const { errors, warnings } = summarise(diagnostics, 0);
  // Without errors, an exit code of 1 needs its reason said: the warnings went over --max-warnings.
  if (errors === 0 && options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`cop: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings} allows: exit 1.\n`);
  }
  return exitCode(diagnostics, options.maxWarnings);
}

export function exitCode(diagnostics: readonly Diagnostic[], maxWarnings = Infinity): number {
  const { errors, warnings } = summarise(diagnostics, 0);
  return errors > 0 || warnings > maxWarnings ? EXIT.findings : EXIT.ok;
}

/**
 * The paths named on the command line (relative to the working directory, else to the root):
 * `within` keeps findings in files under them; `files` lists the files they name (a folder's
 * files, relative to the root), as `--changed-since` lists the changed ones.
 */
function namedPaths(paths: readonly string[], root: string, cwd: string): { within: (file: string) => boolean; files: () => string[] } {
  const named = paths.map((path) => {
    const absolute = [resolve(cwd, path), resolve(root, path)].find((candidate) => existsSync(candidate));
    if (!absolute) throw new UsageError(`${path}: no such file or folder.`);
    const rel = relative(root, absolute).split(sep).join('/');
    if (rel.startsWith('..')) throw new UsageError(`${path} is outside the data root ${root}.`);
    return { rel, absolute };
  });
  return {
    within: (file) => named.length === 0 || named.some(({ rel }) => rel === '' || file === rel || file.startsWith(`${rel}/`)),
    files: () =>
      named.flatMap(({ rel, absolute }) =>
        statSync(absolute).isDirectory()
          ? readdirSync(absolute, { recursive: true, encoding: 'utf8' }).map((entry) => [rel, entry.split(sep).join('/')].filter((p) => p !== '').join('/'))
          : [rel],
      ),
  };
}
