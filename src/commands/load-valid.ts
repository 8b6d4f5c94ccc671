/**
 * For commands that compute from the data (report, health, codeowners…): load and lint once; on
 * any error print the same findings `cop check` would (to stderr) and stop, rather than compute
 * a wrong number from invalid data.
 */
import { EXIT } from '../core/errors.js';
import { progressLine } from '../core/progress.js';
import { useColor, type Io } from '../core/terminal.js';
import { lintWorkspace } from '../lint/lint-workspace.js';
import { summarise, type Diagnostic } from '../model/diagnostic.js';
import { stylish } from '../render/diagnostics/stylish.js';
import { GENERATED_FILE_RULES } from '../lint/skipped.js';
import type { Workspace } from '../workspace/workspace.js';
import { dataContext, type DataContext, type DataOptions } from './options.js';

export type ValidLoad = { ok: true; workspace: Workspace; context: DataContext } | { ok: false; exitCode: number };

/** `ignoreRules`: rules whose errors do not stop the command (`cop codeowners` fixes what `codeowners-current` finds). */
/**
 * `writes`: the command changes files. A part of the data root it cannot read (rule `file`: a
 * missing people.yaml, an unlistable folder, a special file…) then stops it with exit 2, and every
 * stop says that nothing was changed.
 */
export async function loadValidWorkspace(options: DataOptions, io: Io, ignoreRules: readonly string[] = [], writes = false): Promise<ValidLoad> {
  const context = dataContext(options, io);
  const progress = progressLine(io, 'reading');
  const outcome = await lintWorkspace(context.root, context.asOf, { onProgress: progress.update, errorsOnly: true });
  progress.end();
  // A command that writes updates the generated files itself (src/scaffold/generated.ts): their drift never stops it.
  const ignored = writes ? [...ignoreRules, ...GENERATED_FILE_RULES] : ignoreRules;
  const errors = outcome.diagnostics.filter((d) => d.severity === 'error' && !ignored.includes(d.ruleId));
  if (outcome.kind === 'linted' && errors.length === 0) return { ok: true, workspace: outcome.workspace, context };
  printDiagnostics(errors, outcome.fileCount, context.root, useColor(options.color, io), io);
  const unreadable = writes && errors.some((d) => d.ruleId === 'file');
  const nothingChanged = writes ? ' Nothing was changed.' : '';
  io.stderr(
    unreadable
      ? `cop: a part of the data root cannot be read (above); nothing was changed.\n`
      : `cop: the data has errors (above); fix them, or see them all with \`cop check\`.${nothingChanged}\n`,
  );
  return { ok: false, exitCode: outcome.kind === 'config-error' || unreadable ? EXIT.usage : EXIT.findings };
}

/** Prints findings to stderr the way `cop check` prints them. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], fileCount: number, root: string, color: boolean, io: Io): void {
  io.stderr(stylish({ diagnostics, summary: summarise(diagnostics, fileCount), root, rules: [], color, toolVersion: '' }));
}
