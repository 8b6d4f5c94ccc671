/** `cop activate <id>`: a proposed CoP becomes active, recorded in its charter in place. */
import { Chalk } from 'chalk';
import { EXIT, UsageError } from '../core/errors.js';
import { useColor, type Io } from '../core/terminal.js';
import { escapeTerminal } from '../output/terminal.js';
import { diffWorkspaces } from '../diff/diff.js';
import { planActivation } from '../lifecycle/activation.js';
import { changeLines } from '../render/diff/text.js';
import { editTopLevel, YamlEditError } from '../workspace/yaml-edit.js';
import { loadValidWorkspace } from './load-valid.js';
import { checkDateFlag, type DataOptions } from './options.js';
import { replaceCharter } from './scaffold-shell.js';

export interface ActivateOptions extends DataOptions {
  date?: string;
  coordinator?: string;
  format: 'text' | 'json';
}

/** Rules whose errors `cop activate` checks itself, listing every unmet condition for the CoP at once. */
const ACTIVATION_RULES = ['min-members', 'charter-complete'];

export async function activate(id: string, options: ActivateOptions, io: Io): Promise<number> {
  if (options.date !== undefined) checkDateFlag('--date', options.date);
  const load = await loadValidWorkspace(options, io, ACTIVATION_RULES, true);
  if (!load.ok) return load.exitCode;
  const { workspace: ws, context } = load;
  const plan = planActivation(ws, { id, date: options.date ?? context.asOf, ...(options.coordinator !== undefined ? { coordinator: options.coordinator } : {}) }, context.asOf);
  if (!plan.ok) {
    if (plan.usage) throw new UsageError(plan.problems.join(' '));
    const shown = escapeTerminal(id);
    io.stderr(`cop: \`${shown}\` cannot be activated yet; the policy needs:\n${plan.problems.map((p) => `  - ${escapeTerminal(p)}\n`).join('')}Fix the charter (cops/${shown}/charter.yaml) and run \`cop activate ${shown}\` again.\n`);
    return EXIT.findings;
  }

  const { cop, activated, newTerm } = plan;
  // The text the loader read through the guarded reader; the write checks the file still holds it.
  const before = ws.texts?.get(cop.charterFile);
  if (before === undefined) throw new UsageError(`${cop.charterFile} could not be read; nothing was changed.`);
  let text: string;
  try {
    const date = activated.activated!;
    text = editTopLevel(before, {
      set: { status: 'active', ...(cop.charter.activated !== undefined ? { activated: date } : {}) },
      ...(cop.charter.activated === undefined ? { insert: { after: 'created', key: 'activated', value: date } } : {}),
      ...(newTerm ? { appendItem: { path: ['coordinator', 'terms'], value: newTerm } } : {}),
    });
  } catch (error) {
    if (error instanceof YamlEditError) throw new UsageError(`${cop.charterFile}: ${error.message}`);
    throw error;
  }
  const { written } = await replaceCharter(ws, cop, { before, text, when: 'once active,' }, context, io);
  if (!written) return EXIT.findings;
  const review = diffWorkspaces(ws, { ...ws, cops: ws.cops.map((c) => (c.id === id ? { ...c, charter: written } : c)) });

  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ id, file: cop.charterFile, activated: written.activated, newTerm, sponsor: written.sponsor ?? null, changes: review.changes, findings: review.findings }, null, 2)}\n`);
    return EXIT.ok;
  }
  const chalk = new Chalk({ level: useColor(options.color, io) ? 1 : 0 });
  const term = newTerm ? `; first coordinator term: ${escapeTerminal(newTerm.person)} from ${newTerm.from}` : '';
  io.stdout(
    [
      `Activated ${chalk.bold(escapeTerminal(cop.charter.name))} (${escapeTerminal(id)}) in ${escapeTerminal(cop.charterFile)}: status active, activated ${written.activated}${term}.`,
      '',
      'What the reviewer will see (`cop diff`):',
      ...changeLines(review.changes, review.findings, chalk),
      '',
      `Next: commit it on a branch and open a pull request; the sponsor${written.sponsor ? ` (${escapeTerminal(written.sponsor)})` : ''} approves it, and the merge is the approval.`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
