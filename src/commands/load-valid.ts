/**
 * For commands that compute from the data (report, health, codeowners…): load and lint once; on
 * any error print the same findings `cop check` would (to stderr) and stop, rather than compute
 * a wrong number from invalid data.
 */
import { EXIT } from '../core/errors.js';
import { progressLine } from '../core/progress.js';
import { outputWidth, useColor, type Io } from '../core/terminal.js';
import { escapeTerminal } from '../output/terminal.js';
import { lintWorkspace } from '../lint/lint-workspace.js';
import { summarise, type Diagnostic } from '../model/diagnostic.js';
import { Chalk } from 'chalk';
import { isDataFolder, leaveOutFilesInError, type LeftOutFile } from '../workspace/leave-out.js';
import { GENERATED_FILE_RULES } from '../lint/skipped.js';
import type { Organisation, Workspace } from '../workspace/workspace.js';
import type { CopsComputed, PerCop, PerCopResult } from '../lint/per-cop.js';
import { dataContext, type DataContext, type DataOptions } from './options.js';

export type ValidLoad = { ok: true; workspace: Workspace; context: DataContext } | { ok: false; exitCode: number };

/** `ignoreRules`: rules whose errors do not stop the command (`cop codeowners` fixes what `codeowners-current` finds). */
/**
 * `context`: the command's data context when it took it already (to check flags before loading),
 * so cop.config.yaml is read once. `writes`: the command changes files. A part of the data root it cannot read (rule `file`: a
 * missing people.yaml, an unlistable folder, a special file…) then stops it with exit 2, and every
 * stop says that nothing was changed.
 */
export async function loadValidWorkspace(
  options: DataOptions,
  io: Io,
  ignoreRules: readonly string[] = [],
  writes = false,
  context: DataContext = dataContext(options, io),
): Promise<ValidLoad> {
  const outcome = await lintForCommand(context, io);
  // A command that writes updates the generated files itself (src/scaffold/generated.ts): their drift never stops it.
  const ignored = writes ? [...ignoreRules, ...GENERATED_FILE_RULES] : ignoreRules;
  const errors = outcome.diagnostics.filter((d) => d.severity === 'error' && !ignored.includes(d.ruleId));
  if (outcome.kind === 'linted' && errors.length === 0) return { ok: true, workspace: outcome.workspace, context };
  await printDiagnostics(errors, outcome.fileCount, context.root, useColor(options.color, io), io);
  const unreadable = writes && errors.some((d) => d.ruleId === 'file');
  const nothingChanged = writes ? ' Nothing was changed.' : '';
  io.stderr(
    unreadable
      ? `cop: a part of the data root cannot be read (above); nothing was changed.\n`
      : `cop: the data has errors (above); fix them, or see them all with \`cop check\`.${nothingChanged}\n`,
  );
  return { ok: false, exitCode: outcome.kind === 'config-error' || unreadable ? EXIT.usage : EXIT.findings };
}

/**
 * The data root loaded and checked for errors only, with a progress line: what every data command
 * starts with. `perCop`: what the command computes of each CoP, computed where it is read.
 * `onReading`: called once, when the first files have been read (the reading threads are started).
 */
async function lintForCommand(context: DataContext, io: Io, perCop?: PerCop, onReading?: () => void) {
  const progress = progressLine(io, 'reading');
  let reading = onReading;
  const onProgress = (done: number, total: number) => {
    reading?.();
    reading = undefined;
    progress.update(done, total);
  };
  const outcome = await lintWorkspace(context.root, context.asOf, { onProgress, errorsOnly: true, configLoad: context.configLoad, ...(perCop ? { perCop } : {}) });
  progress.end();
  return outcome;
}

/** Prints findings to stderr the way `cop check` prints them. */
export async function printDiagnostics(diagnostics: readonly Diagnostic[], fileCount: number, root: string, color: boolean, io: Io): Promise<void> {
  // Loaded when there is something to print: the text layout's libraries (string-width, wrap-ansi)
  // take tens of milliseconds to load, which would delay the start of every read command's load.
  const [{ stylishText }, layout] = await Promise.all([import('../render/diagnostics/stylish.js'), import('../render/table.js')]);
  io.stderr(stylishText({ diagnostics, summary: summarise(diagnostics, fileCount), root, rules: [], color, width: outputWidth(io), toolVersion: '' }, { layout, Chalk }));
}

/** Says a charter edit was refused because, `when` it is made, `cop check` would report `problems` (which quote data). */
export function refuseCharterEdit(io: Io, charterFile: string, when: string, problems: readonly string[]): void {
  io.stderr(`cop: ${escapeTerminal(charterFile)} was not changed: ${when} \`cop check\` would report\n${problems.map((p) => `  ${escapeTerminal(p)}\n`).join('')}`);
}

/** The options of a command that only reads: `--strict` refuses, as writes do, on any error. */
export interface ReadOptions extends DataOptions {
  strict?: boolean;
}

export type ReadableLoad = { ok: true; workspace: Workspace; context: DataContext; leftOut: LeftOutFile[] } | { ok: false; exitCode: number };

/**
 * For commands that only read (ls, show, report, health, review, due, calendar, site): one typo
 * must not stop the monthly report. The findings go to stderr as `cop check` prints them, the
 * command computes from the files without errors, and it says at the top of its output what it
 * left out (src/render/incomplete.ts); its exit code is then 1, so CI still fails. A file that
 * cannot be read (a FIFO, a link out of the repository) is left out like a file with errors.
 * Errors in cop.config.yaml or people.yaml, a folder of data files that cannot be listed, and
 * `--strict` stop it as before. `context`: as for loadValidWorkspace.
 */
export async function loadReadableWorkspace(options: ReadOptions, io: Io, context: DataContext = dataContext(options, io)): Promise<ReadableLoad> {
  if (options.strict) {
    const load = await loadValidWorkspace(options, io, [], false, context);
    return load.ok ? { ...load, leftOut: [] } : load;
  }
  return readableLoad(io, context, options.color);
}

export type ReadableCops<P extends PerCop> =
  | { ok: true; workspace: Organisation; context: DataContext; leftOut: LeftOutFile[]; perCop: ReadonlyMap<string, PerCopResult<P>> }
  | { ok: false; exitCode: number };

/**
 * loadReadableWorkspace for a command that computes from what `perCop` computes of each CoP
 * (`cop report`, `cop health`): each CoP is computed where it is read and checked (per-cop.ts),
 * so the meetings are never gathered here, and `perCop` holds the result of each CoP with a
 * charter in `workspace`, without its files in error, exactly as from loadReadableWorkspace's
 * workspace. With `--strict`, or generated READMEs to compare with every meeting, the meetings
 * are loaded here and each CoP computed from them. `onReading`: called once the first files are
 * read without `--strict` (the reading threads are busy then), to load what the command needs
 * after the data while the data loads.
 */
export async function loadReadableCops<P extends PerCop>(
  options: ReadOptions,
  io: Io,
  perCop: P,
  context: DataContext = dataContext(options, io),
  onReading?: () => void,
): Promise<ReadableCops<P>> {
  // Loaded here, not with this module: the other read commands do not compute CoP by CoP.
  const { resultsFromWorkspace, settledResults } = await import('../lint/per-cop.js');
  if (options.strict) {
    const load = await loadReadableWorkspace(options, io, context);
    return load.ok ? { ...load, perCop: await resultsFromWorkspace(load.workspace, perCop, context.asOf) } : load;
  }
  const load = await readableLoad(io, context, options.color, perCop, onReading);
  if (!load.ok) return load;
  const results = load.computed ? settledResults(load.workspace, load.leftOut, load.errors, load.computed) : await resultsFromWorkspace(load.workspace, perCop, context.asOf);
  return { ok: true, workspace: load.workspace, context, leftOut: load.leftOut, perCop: results as Map<string, PerCopResult<P>> };
}

/**
 * What a read command needs after the data (its renderer), loaded once: when the reading has started
 * (pass `onReading` to loadReadableCops), so that it loads beside the reading threads rather than
 * before them or after the data, or else when `loaded` is first called.
 */
export function loadedWhileReading<T>(load: () => Promise<T>): { onReading: () => void; loaded: () => Promise<T> } {
  let loading: Promise<T> | undefined;
  const loaded = () => (loading ??= load());
  return { onReading: () => void loaded(), loaded };
}

/** What readableLoad gives: with `perCop`, the errors found and what was computed of each CoP where it was read. */
type ReadLoad = { ok: true; workspace: Workspace; context: DataContext; leftOut: LeftOutFile[]; errors: Diagnostic[]; computed?: CopsComputed } | { ok: false; exitCode: number };

/** loadReadableWorkspace without `--strict`. */
async function readableLoad(io: Io, context: DataContext, color: DataOptions['color'], perCop?: PerCop, onReading?: () => void): Promise<ReadLoad> {
  const outcome = await lintForCommand(context, io, perCop, onReading);
  const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
  const computed = outcome.kind === 'linted' && outcome.computed ? { computed: outcome.computed } : {};
  if (outcome.kind === 'linted' && errors.length === 0) return { ok: true, workspace: outcome.workspace, context, leftOut: [], errors, ...computed };
  await printDiagnostics(errors, outcome.fileCount, context.root, useColor(color, io), io);
  if (outcome.kind !== 'linted') {
    io.stderr(`cop: the configuration has errors (above), and every figure depends on it; fix them, or see them all with \`cop check\`.\n`);
    return { ok: false, exitCode: EXIT.usage };
  }
  const unlisted = [...new Set(errors.filter((d) => d.ruleId === 'file' && isDataFolder(d.file)).map((d) => d.file))];
  if (unlisted.length > 0) {
    const [its, it] = unlisted.length === 1 ? ['its', 'it'] : ['their', 'them'];
    io.stderr(`cop: ${unlisted.map(escapeTerminal).join(' and ')} cannot be listed (above): the figures would miss ${its} files without saying which; fix ${it}, or see all findings with \`cop check\`.\n`);
    return { ok: false, exitCode: EXIT.findings };
  }
  const partial = leaveOutFilesInError(outcome.workspace, errors);
  if (!partial.ok) {
    io.stderr(`cop: ${partial.blocking.join(' and ')} ${partial.blocking.length === 1 ? 'has' : 'have'} errors (above), and every figure depends on ${partial.blocking.length === 1 ? 'it' : 'them'}; fix them, or see them all with \`cop check\`.\n`);
    return { ok: false, exitCode: EXIT.findings };
  }
  return { ok: true, workspace: partial.workspace, context, leftOut: partial.leftOut, errors, ...computed };
}

/** A read command that left files out fails, so CI still does; otherwise its own exit code stands. */
export function readExit(leftOut: readonly LeftOutFile[], code: number = EXIT.ok): number {
  return leftOut.length > 0 && code === EXIT.ok ? EXIT.findings : code;
}

/**
 * Prints a read command's output with the banner of what it left out (src/render/incomplete.ts,
 * loaded only then: its Markdown layer is a hundred modules a run without a banner need not load).
 */
export async function printRead(io: Io, output: string, format: string, leftOut: readonly LeftOutFile[]): Promise<void> {
  if (leftOut.length === 0) return io.stdout(output);
  const { withIncomplete } = await import('../render/incomplete.js');
  const shown = withIncomplete(output, format, leftOut);
  io.stdout(shown.stdout);
  if (shown.stderr) io.stderr(shown.stderr);
}
