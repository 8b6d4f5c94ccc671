/** `cop show <id>`: one CoP on one screen. */
import { EXIT, UsageError } from '../core/errors.js';
import { unknownCop } from '../core/suggest.js';
import { outputWidth, useColor, type Io } from '../core/terminal.js';
import { showText } from '../render/cop/show.js';
import { copView } from '../view/build.js';
import { charters } from '../workspace/workspace.js';
import { loadReadableWorkspace, printRead, readExit, type ReadOptions } from './load-valid.js';

export interface ShowOptions extends ReadOptions {
  format: 'text' | 'json';
}

export async function show(id: string, options: ShowOptions, io: Io): Promise<number> {
  const load = await loadReadableWorkspace(options, io);
  if (!load.ok) return load.exitCode;
  const { workspace: ws, context } = load;
  const cop = copView(ws, id, context.asOf);
  if (!cop) {
    const broken = load.leftOut.find((f) => f.effect === 'cop-left-out' && f.cop === id);
    if (broken) throw new UsageError(`${broken.file} has errors (above), so \`${id}\` cannot be shown: fix them, or see them with \`cop check\`.`);
    throw new UsageError(unknownCop(id, charters(ws).map((c) => c.id)));
  }
  const shown = { asOf: context.asOf, currency: ws.config.currency ?? null, policy: { minMembers: ws.policy.min_members, minParticipants: ws.policy.min_participants } };
  const output = options.format === 'json' ? `${JSON.stringify({ ...shown, cop }, null, 2)}\n` : showText(cop, shown, useColor(options.color, io), outputWidth(io));
  await printRead(io, output, options.format, load.leftOut);
  return readExit(load.leftOut);
}
