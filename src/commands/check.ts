/** `cop check [paths…]`: validate every file and run the rules; print findings; exit 0, 1 or 2. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { EXIT, UsageError } from '../core/errors.js';
import { useHyperlinks } from '../core/hyperlinks.js';
import { useColor, type Io } from '../core/terminal.js';
import { changedSince } from '../git/git.js';
import { changedScope } from '../lint/changed-scope.js';
import { lintWorkspace } from '../lint/lint-workspace.js';
import { summarise, type Diagnostic } from '../model/diagnostic.js';
import { diagnosticsFormats, type DiagnosticsFormatName } from '../render/diagnostics/index.js';
import { CORE_CHECKS } from '../rules/core.js';
import { CONFIGURABLE_CHECKS } from '../rules/index.js';
import { toolVersion } from '../version.js';
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
}

export async function check(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  const { root, asOf } = dataContext(options, io);
  const within = pathFilter(paths, root, io.cwd);
  const changed = options.changedSince === undefined ? undefined : changedSince(options.changedSince, root);
  if (options.fixDryRun && options.format !== 'stylish') throw new UsageError('--fix-dry-run prints a diff before the findings: use it with the default format.');
  let outcome = await lintWorkspace(root, asOf);
  if ((options.fix || options.fixDryRun) && outcome.kind === 'linted') {
    const { applyFixes, fixesPatch } = await import('../fix/apply.js');
    const { planFixes } = await import('../fix/plan.js');
    const fixes = planFixes({
      ws: outcome.workspace,
      diagnostics: outcome.diagnostics,
      asOf,
      textOf: (file) => readText(join(root, file)),
      exists: (file) => existsSync(join(root, file)),
    }).filter((fix) => within(fix.kind === 'rename' ? fix.from : fix.file));
    if (options.fixDryRun) {
      io.stdout(fixesPatch(fixes));
      io.stderr(`${fixes.length === 0 ? 'Nothing to fix' : `${fixes.length} fix${fixes.length === 1 ? '' : 'es'} (dry run: nothing written)`}.\n`);
    } else {
      const applied = applyFixes(root, fixes);
      if (applied.length > 0) {
        io.stderr(`Fixed ${applied.map((fix) => (fix.kind === 'rename' ? `${fix.from} → ${fix.to}` : fix.file)).join(', ')}.\n`);
        outcome = await lintWorkspace(root, asOf);
      }
    }
  }
  const linted = outcome;
  const inScope = changed === undefined || linted.kind === 'config-error' ? () => true : changedScope(changed, linted.workspace.codeowners?.file);
  const shown = (d: Diagnostic) => within(d.file) && inScope(d);
  const diagnostics = outcome.diagnostics.filter(shown);
  const suppressed = outcome.kind === 'linted' ? outcome.suppressed.filter(shown) : [];
  const color = useColor(options.color, io);
  io.stdout(
    diagnosticsFormats[options.format]({
      diagnostics,
      suppressed,
      summary: summarise(diagnostics, outcome.fileCount, suppressed.length),
      root,
      rules: [...CORE_CHECKS, ...CONFIGURABLE_CHECKS],
      color,
      hyperlinks: useHyperlinks(color, io),
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

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
