/**
 * `cop review <id> --record`: writes cops/<id>/reviews/<as-of>.yaml from the draft's facts, the
 * judgements left as placeholders. `cop review <id> --apply`: once they are filled, moves the
 * charter's `review_by` of each goal the latest review kept or revised, in place (comments kept,
 * the file compared with what was read before it is replaced), and prints the `cop diff` wording.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { EXIT, UsageError } from '../core/errors.js';
import { useColor, type Io } from '../core/terminal.js';
import { diffWorkspaces } from '../diff/diff.js';
import { shellCommand } from '../output/shell.js';
import { escapeTerminal } from '../output/terminal.js';
import { changeLines } from '../render/diff/text.js';
import { reviewCop } from '../review/compute.js';
import { planApply, recordFromDraft } from '../review/record.js';
import type { Period } from '../budget/period.js';
import { verifyPending } from '../scaffold/verify.js';
import { reviewYaml } from '../scaffold/yaml.js';
import { sharedValidator } from '../schema/validator.js';
import { COPS_DIR } from '../workspace/root.js';
import { charters, type Workspace } from '../workspace/workspace.js';
import { createFileAtomic, FileExistsError } from '../workspace/write.js';
import { editTopLevel, YamlEditError } from '../workspace/yaml-edit.js';
import { loadValidWorkspace } from './load-valid.js';
import type { DataContext, DataOptions } from './options.js';
import { replaceCharter, reportChecks, schemaRef } from './scaffold-shell.js';

export interface RecordOptions extends DataOptions {
  format: 'markdown' | 'json';
}

/**
 * The placeholders `--record` writes are the point of the file, and one left in another file (the
 * last review, still being filled in) changes no fact of the draft: neither stops it.
 */
const PLACEHOLDER_RULE = 'no-placeholder';

/** `context`: the data context `cop review` took to resolve the period, so cop.config.yaml is read once. */
export async function recordReview(id: string, period: Period, options: RecordOptions, io: Io, context: DataContext): Promise<number> {
  const load = await loadValidWorkspace(options, io, [PLACEHOLDER_RULE], true, context);
  if (!load.ok) return load.exitCode;
  const { workspace: ws } = load;
  const cop = copOf(ws, id);
  const { review, facts } = recordFromDraft(reviewCop(ws, id, { period, anonymise: false }), cop.charter);
  const rel = `${COPS_DIR}/${id}/reviews/${review.date}.yaml`;
  const text = reviewYaml(review, schemaRef(context.root, rel, 'review'), cop.charter.name, facts);
  const diagnostics = await verifyPending(ws, [{ file: rel, kind: 'review', text }], sharedValidator(), context.asOf);
  if (await reportChecks(diagnostics.filter((d) => d.ruleId !== PLACEHOLDER_RULE), context.root, options.color === undefined ? {} : { color: options.color }, io)) {
    io.stderr('cop: the review would not pass `cop check` (above); nothing was written.\n');
    return EXIT.findings;
  }
  mkdirSync(join(context.root, COPS_DIR, id, 'reviews'), { recursive: true });
  try {
    createFileAtomic(join(context.root, rel), text);
  } catch (error) {
    if (!(error instanceof FileExistsError)) throw error;
    io.stderr(`cop: ${escapeTerminal(rel)} exists: a review of ${review.date} is recorded already; nothing was written. Edit it, or record another day with --as-of.\n`);
    return EXIT.findings;
  }
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ cop: id, file: rel, review }, null, 2)}\n`);
    return EXIT.ok;
  }
  const shown = escapeTerminal(rel);
  io.stdout(
    [
      `Wrote ${shown}: ${review.goals.length} goal${review.goals.length === 1 ? '' : 's'} for ${review.period.from} to ${review.period.to}, the outcomes left as \`<outcome>\`.`,
      '',
      `Next: with the sponsor, write each goal's outcome (keep, revise, achieved or drop) and evidence, and who took part;`,
      `\`cop check\` reports the placeholders until then. Then run \`${escapeTerminal(shellCommand('cop', 'review', id, '--apply'))}\` to move the charter's review dates, and commit both.`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

export async function applyReview(id: string, options: RecordOptions, io: Io): Promise<number> {
  const load = await loadValidWorkspace(options, io, [], true);
  if (!load.ok) return load.exitCode;
  const { workspace: ws, context } = load;
  const cop = copOf(ws, id);
  const plan = planApply(id, cop.charter, cop.reviews);
  if (!plan.ok) {
    io.stderr(`cop: ${escapeTerminal(plan.problem)} Nothing was changed.\n`);
    return EXIT.findings;
  }
  const { review, moves } = plan;
  if (moves.length === 0) {
    if (options.format === 'json') io.stdout(`${JSON.stringify({ cop: id, review: review.file, file: cop.charterFile, moves, changes: [], findings: [] }, null, 2)}\n`);
    else io.stdout(`${escapeTerminal(cop.charterFile)} already has the review dates ${escapeTerminal(review.file)} decides; nothing was changed.\n`);
    return EXIT.ok;
  }
  const before = ws.texts?.get(cop.charterFile);
  if (before === undefined) throw new UsageError(`${cop.charterFile} could not be read; nothing was changed.`);
  let text: string;
  try {
    text = editTopLevel(before, { setAt: moves.map((move) => ({ path: ['goals', move.index, 'review_by'], value: move.to })) });
  } catch (error) {
    if (error instanceof YamlEditError) throw new UsageError(`${cop.charterFile}: ${error.message}`);
    throw error;
  }
  const { written } = await replaceCharter(ws, cop, { before, text, when: 'with the new review dates,' }, context, io);
  if (!written) return EXIT.findings;
  const diff = diffWorkspaces(ws, { ...ws, cops: ws.cops.map((c) => (c.id === id ? { ...c, charter: written } : c)) });

  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ cop: id, review: review.file, file: cop.charterFile, moves, changes: diff.changes, findings: diff.findings }, null, 2)}\n`);
    return EXIT.ok;
  }
  const chalk = new Chalk({ level: useColor(options.color, io) ? 1 : 0 });
  io.stdout(
    [
      `Applied ${escapeTerminal(review.file)} to ${escapeTerminal(cop.charterFile)}:`,
      ...moves.map((move) => `  goal ${escapeTerminal(String(move.goal))}: review_by ${move.from} → ${move.to}`),
      '',
      'What the reviewer will see (`cop diff`):',
      ...changeLines(diff.changes, diff.findings, chalk),
      '',
      `Next: commit the review and the charter together and open a pull request; the sponsor${written.sponsor ? ` (${escapeTerminal(written.sponsor)})` : ''} approves it.`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

function copOf(ws: Workspace, id: string) {
  const cop = charters(ws).find((c) => c.id === id);
  if (!cop) throw new UsageError(`No CoP with a charter named \`${id}\`: see the folders under cops/.`);
  return cop;
}
