/** `cop show <id>`: one CoP on one screen. */
import { EXIT, UsageError } from '../core/errors.js';
import { unknownCop } from '../core/suggest.js';
import { useColor, type Io } from '../core/terminal.js';
import { showText } from '../render/cop/show.js';
import { copView } from '../view/build.js';
import { charters } from '../workspace/workspace.js';
import { loadValidWorkspace } from './load-valid.js';
import type { DataOptions } from './options.js';

export interface ShowOptions extends DataOptions {
  format: 'text' | 'json';
}

export async function show(id: string, options: ShowOptions, io: Io): Promise<number> {
  const load = await loadValidWorkspace(options, io);
  if (!load.ok) return load.exitCode;
  const { workspace: ws, context } = load;
  const cop = copView(ws, id, context.asOf);
  if (!cop) throw new UsageError(unknownCop(id, charters(ws).map((c) => c.id)));
  const shown = { asOf: context.asOf, currency: ws.config.currency ?? null, policy: { minMembers: ws.policy.min_members, minParticipants: ws.policy.min_participants } };
  io.stdout(options.format === 'json' ? `${JSON.stringify({ ...shown, cop }, null, 2)}\n` : showText(cop, shown, useColor(options.color, io)));
  return EXIT.ok;
}
