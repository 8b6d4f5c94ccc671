/** `cop check [paths…]`: validate every file and run the rules; print findings; exit 0, 1 or 2. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { EXIT, UsageError } from '../core/errors.js';
import { progressLine } from '../core/progress.js';
import { useColor, type Io } from '../core/terminal.js';
import { changedSince } from '../git/git.js';
import { changedScope } from '../lint/changed-scope.js';
import { lintWorkspace } from '../lint/lint-workspace.js';
import { summarise, type Diagnostic } from '../model/diagnostic.js';
import { diagnosticsFormats, type DiagnosticsFormatName } from '../render/diagnostics/index.js';
import { CORE_CHECKS } from '../rules/core.js';
import { RULES } from '../rules/index.js';
import { toolVersion } from '../version.js';
import { cacheFilePath } from '../workspace/parse-cache.js';
import { repositoryPaths } from '../workspace/repository.js';
import { dataContext, type DataOptions } from './options.js';

export interface CheckOptions extends DataOptions {
  format: DiagnosticsFormatName;
  maxWarnings?: number;
  /** Only report what changed since this git revision (see src/lint/changed-scope.ts). */
  changedSince?: string;
  /** Reuse per-file results of earlier runs (src/workspace/parse-cache.ts); --cache-location implies it. */
  cache?: boolean;
  cacheLocation?: string;
}

export async function check(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  const { root, asOf } = dataContext(options, io);
  const named = namedPaths(paths, root, io.cwd);
  const changed = options.changedSince === undefined ? undefined : changedSince(options.changedSince, root);
  const progress = progressLine(io, 'checking');
  const cache = options.cache || options.cacheLocation !== undefined ? { file: cacheFilePath(root, io.cwd, options.cacheLocation), warn: io.stderr } : undefined;
  const outcome = await lintWorkspace(root, asOf, { onProgress: progress.update, cache });
  progress.end();
  const scope = (files: readonly string[]) => (outcome.kind === 'config-error' ? () => true : changedScope(files, outcome.workspace.codeowners?.file));
  // --changed-since narrows to what changed (and what it affects) within the named paths; named
  // paths alone report their own findings and, the same way, those they cause in other files.
  const inScope =
    changed !== undefined ? ((d: Diagnostic) => named.within(d.file) && scope(changed)(d))
    : paths.length > 0 ? ((d: Diagnostic) => named.within(d.file) || scope(named.files())(d))
    : () => true;
  const diagnostics = outcome.diagnostics.filter(inScope);
  // Machine-read formats name files from the repository's top level, where CI annotates them.
  const { top, fromTop } = options.format === 'stylish' ? { top: root, fromTop: (file: string) => file } : repositoryPaths(root);
  io.stdout(
    diagnosticsFormats[options.format]({
      diagnostics: diagnostics.map((d) => ({ ...d, file: fromTop(d.file) })),
      summary: summarise(diagnostics, outcome.fileCount),
      root: top,
      rules: [...CORE_CHECKS, ...RULES.map((rule) => rule.meta)],
      color: useColor(options.color, io),
      toolVersion: toolVersion(),
    }),
  );
  if (outcome.kind === 'config-error') return EXIT.usage;
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
