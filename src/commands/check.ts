/** `cop check [paths…]`: validate every file and run the rules; print findings; exit 0, 1 or 2. */
import { existsSync } from 'node:fs';
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
import { dataContext, type DataOptions } from './options.js';

export interface CheckOptions extends DataOptions {
  format: DiagnosticsFormatName;
  maxWarnings?: number;
  /** Only report what changed since this git revision (see src/lint/changed-scope.ts). */
  changedSince?: string;
}

export async function check(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  const { root, asOf } = dataContext(options, io);
  const within = pathFilter(paths, root, io.cwd);
  const changed = options.changedSince === undefined ? undefined : changedSince(options.changedSince, root);
  const progress = progressLine(io, 'checking');
  const outcome = await lintWorkspace(root, asOf, progress.update);
  progress.end();
  const inScope = changed === undefined || outcome.kind === 'config-error' ? () => true : changedScope(changed, outcome.workspace.codeowners?.file);
  const diagnostics = outcome.diagnostics.filter((d) => within(d.file) && inScope(d));
  io.stdout(
    diagnosticsFormats[options.format]({
      diagnostics,
      summary: summarise(diagnostics, outcome.fileCount),
      root,
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

/** Keeps findings in files under the given paths (relative to the working directory, else to the root). */
function pathFilter(paths: readonly string[], root: string, cwd: string): (file: string) => boolean {
  if (paths.length === 0) return () => true;
  const prefixes = paths.map((path) => {
    const absolute = [resolve(cwd, path), resolve(root, path)].find((candidate) => existsSync(candidate));
    if (!absolute) throw new UsageError(`${path}: no such file or folder.`);
    const rel = relative(root, absolute).split(sep).join('/');
    if (rel.startsWith('..')) throw new UsageError(`${path} is outside the data root ${root}.`);
    return rel;
  });
  return (file) => prefixes.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`));
}
