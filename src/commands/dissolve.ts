/** `cop dissolve <id>`: record a dissolution decision in the charter, in place; print the pull-request step. */
import { EXIT, UsageError } from '../core/errors.js';
import type { Io } from '../core/terminal.js';
import { escapeTerminal } from '../output/terminal.js';
import { dissolutionPullRequest, dissolutionWarnings, planDissolution } from '../health/dissolve.js';
import { dissolutionDone } from '../render/health/dissolve.js';
import { editTopLevel, YamlEditError } from '../workspace/yaml-edit.js';
import { loadValidWorkspace } from './load-valid.js';
import { checkDateFlag, type DataOptions } from './options.js';
import { replaceCharter } from './scaffold-shell.js';

export interface DissolveOptions extends DataOptions {
  reason: string;
  decidedBy: string;
  date?: string;
  note?: string;
}

export async function dissolve(id: string, options: DissolveOptions, io: Io): Promise<number> {
  if (options.date !== undefined) checkDateFlag('--date', options.date);
  const load = await loadValidWorkspace(options, io, [], true);
  if (!load.ok) return load.exitCode;
  const { workspace: ws, context } = load;
  const request = { id, reason: options.reason, decidedBy: options.decidedBy, date: options.date ?? context.asOf, ...(options.note === undefined ? {} : { note: options.note }) };
  const plan = planDissolution(ws, request, context.asOf);
  if (!plan.ok) throw new UsageError(plan.problem);
  for (const warning of dissolutionWarnings(ws, plan.cop, plan.dissolved).warnings) io.stderr(`cop: warning: ${escapeTerminal(warning)}\n`);

  const before = ws.texts?.get(plan.cop.charterFile);
  if (before === undefined) throw new UsageError(`${plan.cop.charterFile} could not be read; nothing was changed.`);
  let text: string;
  try {
    text = editTopLevel(before, {
      set: { status: 'dissolved' },
      append: { key: 'dissolved', value: plan.dissolved, comment: `Dissolved: recorded with \`cop dissolve\`.` },
    });
  } catch (error) {
    if (error instanceof YamlEditError) throw new UsageError(`${plan.cop.charterFile}: ${error.message}`);
    throw error;
  }
  const { written } = await replaceCharter(ws, { id, charterFile: plan.cop.charterFile }, { before, text, when: 'with this decision' }, context, io);
  if (!written) return EXIT.findings;
  io.stdout(dissolutionDone(plan.cop, plan.dissolved, dissolutionPullRequest(plan.cop, plan.dissolved, ws.config.cto)));
  return EXIT.ok;
}
