/**
 * For commands that compute from the data (report, health, codeowners…): load and lint once; on
 * any error print the same findings `cop check` would (to stderr) and stop, rather than compute
 * a wrong number from invalid data.
 */
import { EXIT } from '../core/errors.js';
import { useColor, type Io } from '../core/terminal.js';
import { lintWorkspace } from '../lint/lint-workspace.js';
import { summarise } from '../model/diagnostic.js';
import { stylish } from '../render/diagnostics/stylish.js';
import type { Workspace } from '../workspace/workspace.js';
import { dataContext, type DataContext, type DataOptions } from './options.js';

export type ValidLoad = { ok: true; workspace: Workspace; context: DataContext } | { ok: false; exitCode: number };

export async function loadValidWorkspace(options: DataOptions, io: Io): Promise<ValidLoad> {
  const context = dataContext(options, io);
  const outcome = await lintWorkspace(context.root, context.asOf);
  const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
  if (outcome.kind === 'linted' && errors.length === 0) return { ok: true, workspace: outcome.workspace, context };
  io.stderr(
    stylish({
      diagnostics: errors,
      summary: summarise(errors, outcome.fileCount),
      root: context.root,
      rules: [],
      color: useColor(options.color, io),
      toolVersion: '',
    }),
  );
  io.stderr('cop: the data has errors (above); fix them, or see them all with `cop check`.\n');
  return { ok: false, exitCode: outcome.kind === 'config-error' ? EXIT.usage : EXIT.findings };
}
