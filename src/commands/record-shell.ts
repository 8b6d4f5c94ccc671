/**
 * What `cop log` and `cop output` share: finding the CoP a record is for, taking the answers from
 * prompts or from flags, and writing the record (checked like `cop check`, never over an existing
 * file, then the generated files it makes stale).
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IsoDate } from '../core/dates.js';
import { EXIT, UsageError } from '../core/errors.js';
import { unknownCop } from '../core/suggest.js';
import type { Io } from '../core/terminal.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Charter } from '../model/schema-types.js';
import { shellCommand } from '../output/shell.js';
import { escapeTerminal } from '../output/terminal.js';
import { copWarning } from '../scaffold/meeting.js';
import { verifyPending, type PendingFile } from '../scaffold/verify.js';
import { sharedValidator } from '../schema/validator.js';
import { COPS_DIR } from '../workspace/root.js';
import { charters, type CopFolder, type Workspace } from '../workspace/workspace.js';
import { createFileAtomic, FileExistsError } from '../workspace/write.js';
import { failScripted, isInteractive, reportChecks, updateGeneratedFiles, withPrompts, type ScaffoldOptions } from './scaffold-shell.js';

/** The CoP a record is for (a usage error when there is none), with the warning for a dissolved one on stderr. */
export function recordCop(ws: Workspace, copId: string, io: Io): CopFolder & { charter: Charter } {
  const cop = charters(ws).find((c) => c.id === copId);
  if (!cop) throw new UsageError(unknownCop(copId, charters(ws).map((c) => c.id)));
  const warning = copWarning(cop.charter);
  if (warning) io.stderr(`cop: warning: ${escapeTerminal(warning)}\n`);
  return cop;
}

/**
 * The answers: asked on a terminal (starting from `input`), else `complete`d from the flags; a
 * problem in the flags, or an answer still missing, fails the run (exit 2).
 */
export async function recordAnswers<T>(
  command: string,
  options: ScaffoldOptions,
  io: Io,
  input: { problems: string[] },
  ask: () => Promise<T>,
  complete: () => { answers: T; missing: string[] },
): Promise<{ ok: true; value: T } | { ok: false; exitCode: number }> {
  if (isInteractive(options, io)) {
    if (input.problems.length) failScripted(command, input.problems);
    return withPrompts(io, ask);
  }
  const { answers, missing } = complete();
  const problems = [...input.problems, ...missing];
  if (problems.length) failScripted(command, problems);
  return { ok: true, value: answers };
}

export interface RecordToWrite {
  copId: string;
  /** The CoP's folder it goes in: `meetings`, `outputs`. */
  folder: string;
  kind: PendingFile['kind'];
  /** What it is, for the refusal: `the meeting`. */
  what: string;
  /** Its file name, given the names the folder holds. */
  name: (taken: ReadonlySet<string>) => string;
  /** Its text, given its path relative to the data root. */
  text: (file: string) => string;
}

/**
 * Writes a record: checked as `cop check` would with it added (an error: exit 1, nothing written),
 * created without replacing any file (a name taken meanwhile: the next one), then the generated
 * files it makes stale. Returns the file written and its warnings, or the exit code.
 */
export async function writeRecord(
  ws: Workspace,
  context: { root: string; asOf: IsoDate },
  options: ScaffoldOptions,
  io: Io,
  record: RecordToWrite,
): Promise<{ ok: true; file: string; warnings: Diagnostic[] } | { ok: false; exitCode: number }> {
  const { root } = context;
  const dir = join(root, COPS_DIR, record.copId, record.folder);
  const taken = new Set(existsSync(dir) ? readdirSync(dir) : []);
  for (;;) {
    const name = record.name(taken);
    const file = `${COPS_DIR}/${record.copId}/${record.folder}/${name}`;
    const pending: PendingFile = { file, kind: record.kind, text: record.text(file) };
    const diagnostics = await verifyPending(ws, [pending], sharedValidator(), context.asOf);
    if (await reportChecks(diagnostics, root, options, io)) {
      io.stderr(`cop: ${record.what} would not pass \`cop check\` (above); nothing was written.\n`);
      return { ok: false, exitCode: EXIT.findings };
    }
    mkdirSync(dir, { recursive: true });
    try {
      createFileAtomic(join(root, file), pending.text);
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
      taken.add(name); // written meanwhile by someone else: take the next name
      continue;
    }
    await updateGeneratedFiles(ws, [pending], context, io);
    return { ok: true, file, warnings: diagnostics };
  }
}

/** Says what was written: `json` with `--format json`, else the file and the commit to make. */
export function printRecordWritten(io: Io, options: ScaffoldOptions, file: string, json: object, commitMessage: string): void {
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const commit = `${shellCommand('git', 'add', file)} && ${shellCommand('git', 'commit', '-m', commitMessage)}`;
  io.stdout(`Wrote ${escapeTerminal(file)}.\n\nNext: commit it (${escapeTerminal(commit)}) and open a pull request.\n`);
}
