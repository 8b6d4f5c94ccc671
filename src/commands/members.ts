/** `cop members prune <id>`: move members who attended nothing in N months to `alumni` (a dry run unless --write). */
import { EXIT, UsageError } from '../core/errors.js';
import { suggest } from '../core/suggest.js';
import type { Io } from '../core/terminal.js';
import { planPrune } from '../model/membership.js';
import { figuresJson } from '../render/report/json.js';
import { pruneText } from '../render/members/prune.js';
import { charters } from '../workspace/workspace.js';
import { editSequences, YamlEditError } from '../workspace/yaml-edit.js';
import { loadValidWorkspace } from './load-valid.js';
import type { DataOptions } from './options.js';
import { replaceCharter } from './scaffold-shell.js';

export interface PruneOptions extends DataOptions {
  months?: number;
  write?: boolean;
  format: 'text' | 'json';
}

export async function prune(id: string, options: PruneOptions, io: Io): Promise<number> {
  if (options.months === 0) throw new UsageError('--months 0: expected at least 1 month.');
  const load = await loadValidWorkspace(options, io, [], options.write === true);
  if (!load.ok) return load.exitCode;
  const { workspace: ws, context } = load;
  const all = charters(ws);
  const cop = all.find((c) => c.id === id);
  if (!cop) {
    const near = suggest(id, all.map((c) => c.id));
    throw new UsageError(`No CoP \`${id}\` with a charter.${near.length > 0 ? ` Did you mean \`${near[0]}\`?` : ' See the folders under cops/.'}`);
  }
  const plan = planPrune(cop, options.months ?? ws.policy.inactive_months, ws.policy.min_members, context.asOf);

  if (options.write && plan.prune.length > 0) {
    const before = ws.texts?.get(cop.charterFile);
    if (before === undefined) throw new UsageError(`${cop.charterFile} could not be read; nothing was changed.`);
    let text: string;
    try {
      text = editSequences(before, {
        remove: { key: 'members', values: plan.prune.map((m) => m.person) },
        add: { key: 'alumni', items: plan.alumni, comment: 'Former members, with the day they left: recorded with `cop members prune`.' },
      });
    } catch (error) {
      if (error instanceof YamlEditError) throw new UsageError(`${cop.charterFile}: ${error.message} Nothing was changed.`);
      throw error;
    }
    const { refused } = await replaceCharter(ws, { id, charterFile: cop.charterFile }, { before, text, when: 'after pruning' }, context, io);
    if (refused) {
      // A script asked for JSON: it gets the plan, and why it was not written.
      if (options.format === 'json') io.stdout(figuresJson({ ...plan, refused }));
      return EXIT.findings;
    }
    plan.written = true;
  }
  io.stdout(options.format === 'json' ? figuresJson(plan) : pruneText(plan));
  return EXIT.ok;
}
