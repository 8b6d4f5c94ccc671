/**
 * What the commands that write data share at the edge: the mode, `--from` files, the $schema line,
 * printing checks, replacing an edited charter, and updating the generated files a change makes stale.
 */
import { existsSync } from 'node:fs';
import type { IsoDate } from '../core/dates.js';
import { dirname, join, parse as parsePath, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { EXIT, UsageError } from '../core/errors.js';
import { useColor, type Io } from '../core/terminal.js';
import { checkReplacedCharter } from '../health/dissolve.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Charter } from '../model/schema-types.js';
import { sharedValidator } from '../schema/validator.js';
import type { Prompter } from '../interactive/prompter.js';
import { isPromptCancel } from '../interactive/prompter.js';
import { SCHEMA_URL } from '../scaffold/yaml.js';
import { generatedEdits, type GeneratedEdit } from '../scaffold/generated.js';
import { withPending, type PendingFile } from '../scaffold/verify.js';
import { readGuarded, readScope } from '../workspace/read.js';
import type { Workspace } from '../workspace/workspace.js';
import { replaceFileAtomic, WriteError } from '../workspace/write.js';
import { printDiagnostics, refuseCharterEdit } from './load-valid.js';

export interface ScaffoldOptions {
  yes?: boolean;
  from?: string;
  format?: 'text' | 'json';
  color?: boolean;
}

/** Prompts only on a terminal (stdin and stdout) and without --yes or a JSON format. */
export function isInteractive(options: ScaffoldOptions, io: Io): boolean {
  return !options.yes && options.format !== 'json' && io.stdinIsTTY && io.stdoutIsTTY;
}

/** Where a prompter comes from: inquirer on a terminal, a scripted one in tests. */
export type PrompterFactory = (io: Io) => Promise<Prompter>;

export const defaultPrompter: PrompterFactory = async (io) => (await import('../interactive/inquirer.js')).inquirerPrompter(io);

/** Reads a `--from` answers file: a YAML mapping. */
export function readAnswersFile(path: string, cwd: string): Record<string, unknown> {
  const absolute = resolve(cwd, path);
  // An answers file may live anywhere the user points: capped and never blocking, but not confined.
  const read = readGuarded(readScope(parsePath(absolute).root), absolute);
  if (!read.ok) throw new UsageError(`--from ${path}: ${read.missing ? 'no such file' : read.message}.`);
  const text = read.text;
  let data: unknown;
  try {
    data = parse(text, { version: '1.2', maxAliasCount: 100 });
  } catch (error) {
    throw new UsageError(`--from ${path}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`--from ${path}: expected a mapping of answers (key: value).`);
  return data as Record<string, unknown>;
}

/** The `$schema` for a new file: the root's own schemas/ when it has them, else the published ones. */
export function schemaRef(root: string, file: string, kind: string): string {
  const local = join(root, 'schemas', `${kind}.schema.json`);
  if (!existsSync(local)) return `${SCHEMA_URL}${kind}.schema.json`;
  return relative(dirname(join(root, file)), local).split(sep).join('/');
}

/** Prints the findings the new files would have (stderr); returns whether any is an error. */
export async function reportChecks(diagnostics: readonly Diagnostic[], root: string, options: ScaffoldOptions, io: Io): Promise<boolean> {
  if (diagnostics.length === 0) return false;
  await printDiagnostics(diagnostics, 1, root, useColor(options.color, io), io);
  return diagnostics.some((d) => d.severity === 'error');
}

/** Runs the prompts; Ctrl-C (or declining at the end) ends with 130 and nothing written. */
export async function withPrompts<T>(io: Io, ask: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; exitCode: number }> {
  try {
    return { ok: true, value: await ask() };
  } catch (error) {
    if (!isPromptCancel(error)) throw error;
    io.stderr('\ncop: cancelled; nothing was written.\n');
    return { ok: false, exitCode: EXIT.interrupted };
  }
}

/** Fails a scripted run listing every missing or wrong answer. */
export function failScripted(command: string, problems: readonly string[]): never {
  throw new UsageError(
    `${command}: answers missing or invalid, nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}\n(give them as flags or in --from answers.yaml; see \`cop ${command} --help\`)`,
  );
}

/**
 * Writes generated files (each checked against the text read, temp then rename); returns their
 * paths. `writtenBefore`: the files the command already wrote, so a failure part-way says what
 * was written and what was not, and how to finish.
 */
export function writeGeneratedEdits(root: string, edits: readonly GeneratedEdit[], writtenBefore: readonly string[]): string[] {
  const written: string[] = [];
  for (const [i, edit] of edits.entries()) {
    try {
      replaceFileAtomic(join(root, edit.file), edit.after, edit.before);
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      const cause = error.message.replace(/;? ?nothing was (changed|written)\..*$/s, '');
      const rest = edits.slice(i).map((e) => e.file).join(', ');
      throw new WriteError(`${cause}. Written: ${[...writtenBefore, ...written].join(', ')}; not written: ${rest}. Run \`cop check --fix\` to update them.`);
    }
    written.push(edit.file);
  }
  return written;
}

/**
 * After a command wrote `changed` (validated data files), updates the generated files the change
 * made stale (CODEOWNERS, READMEs; only those the organisation already generates) and says so.
 */
export async function updateGeneratedFiles(ws: Workspace, changed: readonly PendingFile[], context: { root: string; asOf: IsoDate }, io: Io): Promise<string[]> {
  const next = withPending(ws, changed.map((p) => ({ file: p.file, kind: p.kind, data: parse(p.text, { version: '1.2' }) as unknown })));
  const written = writeGeneratedEdits(context.root, await generatedEdits(next, context.asOf), changed.map((p) => p.file));
  if (written.length > 0) io.stderr(`Updated ${written.join(', ')} (generated from the data, so they match the change).\n`);
  return written;
}

/** A charter edit's outcome: the charter as written, or the problems `cop check` would find, for which nothing was written. */
export type CharterReplacement = { written: Charter; refused?: undefined } | { written?: undefined; refused: string[] };

/**
 * Replaces a charter with its edited `text` (read as `before`) once `cop check` would accept it,
 * and updates the generated files it makes stale; otherwise says why, `when` the edit is made,
 * and writes nothing.
 */
export async function replaceCharter(
  ws: Workspace,
  cop: { id: string; charterFile: string },
  edit: { before: string; text: string; when: string },
  context: { root: string; asOf: IsoDate },
  io: Io,
): Promise<CharterReplacement> {
  const written = parse(edit.text) as Charter;
  const problems = checkReplacedCharter(ws, cop.id, written, sharedValidator(), context.asOf);
  if (problems.length > 0) {
    refuseCharterEdit(io, cop.charterFile, edit.when, problems);
    return { refused: problems };
  }
  replaceFileAtomic(join(context.root, cop.charterFile), edit.text, edit.before);
  await updateGeneratedFiles(ws, [{ file: cop.charterFile, kind: 'charter', text: edit.text }], context, io);
  return { written };
}
