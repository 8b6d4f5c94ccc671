/** `cop dissolve <id>`: record a dissolution decision in the charter, in place; print the pull-request step. */
import { join } from 'node:path';
import { parse } from 'yaml';
import { EXIT, UsageError } from '../core/errors.js';
import type { Io } from '../core/terminal.js';
import { escapeTerminal } from '../output/terminal.js';
import { checkReplacedCharter, dissolutionPullRequest, dissolutionWarnings, planDissolution } from '../health/dissolve.js';
import type { Charter } from '../model/schema-types.js';
import { dissolutionDone } from '../render/health/dissolve.js';
import { sharedValidator } from '../schema/validator.js';
import { replaceFileAtomic } from '../workspace/write.js';
import { editTopLevel, YamlEditError } from '../workspace/yaml-edit.js';
import { loadValidWorkspace, refuseCharterEdit } from './load-valid.js';
import { checkDateFlag, type DataOptions } from './options.js';
import { updateGeneratedFiles } from './scaffold-shell.js';

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

  const path = join(context.root, plan.cop.charterFile);
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
  const problems = checkReplacedCharter(ws, id, parse(text) as Charter, sharedValidator(), context.asOf);
  if (problems.length > 0) {
    refuseCharterEdit(io, plan.cop.charterFile, 'with this decision', problems);
    return EXIT.findings;
  }
  replaceFileAtomic(path, text, before);
  await updateGeneratedFiles(ws, [{ file: plan.cop.charterFile, kind: 'charter', text }], context, io);
  io.stdout(dissolutionDone(plan.cop, plan.dissolved, dissolutionPullRequest(plan.cop, plan.dissolved, ws.config.cto)));
  return EXIT.ok;
}
